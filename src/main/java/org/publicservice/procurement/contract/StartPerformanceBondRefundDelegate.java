package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.CONTRACT_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * At the end of the purchase, once the service is accepted and evaluated: the contractor's performance bond
 * (实施条例第四十八条) goes back, in the parts it was lodged in (a bid bond turned into it at signing, 87号令第三十八条,
 * and the rest). Starts the department's refund task beside the purchase, which ends at once; no bond, no task. The law sets no period for it (the contract does), so the task is due in the platform's
 * {@link BondRefunds#PERFORMANCE_REFUND_WORKING_DAYS} working days and its lateness is not published.
 */
@Component
public class StartPerformanceBondRefundDelegate implements JavaDelegate {

  private final ContractRegister contracts;
  private final BondRefunds refunds;

  public StartPerformanceBondRefundDelegate(ContractRegister contracts, BondRefunds refunds) {
    this.contracts = contracts;
    this.refunds = refunds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object contractId = execution.getVariable(CONTRACT_ID);
    if (contractId == null) {
      return;
    }
    ContractRegister.Contract contract = contracts.find(contractId.toString()).orElseThrow();
    List<BondRefunds.Owed> owed = refunds.owes(contract.projectNumber(), BondRefunds.PERFORMANCE,
        contract.contractor()) ? List.of() : contracts.performanceBondParts(contract.contractId()).stream()
            .map(part -> new BondRefunds.Owed(contract.contractor(), contract.contractorName(), part.amount(),
                part.lodged()))
            .toList();
    refunds.start(execution, BondRefunds.PERFORMANCE, owed, ProcurementTime.today(),
        BondRefunds.PERFORMANCE_REFUND_WORKING_DAYS);
  }
}
