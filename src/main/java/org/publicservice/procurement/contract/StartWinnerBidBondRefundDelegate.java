package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.BID_BOND_CONVERTED;
import static org.publicservice.procurement.contract.ContractVariables.CONTRACTOR;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.award.BondRefunds;
import org.springframework.stereotype.Component;

/**
 * Once both parties signed: the winner's bid bond is due back within 5 working days of the signed contract
 * (实施条例第三十三条, 87号令第三十八条). Starts the department's refund task when the winner's bid stated a bond that is
 * not owed already and did not become the performance bond; the publication and filing of the contract go on beside
 * it.
 */
@Component
public class StartWinnerBidBondRefundDelegate implements JavaDelegate {

  private final BondRefunds refunds;

  public StartWinnerBidBondRefundDelegate(BondRefunds refunds) {
    this.refunds = refunds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable(BID_BOND_CONVERTED))) {
      return; // it became the performance bond (87号令第三十八条) and goes back with it
    }
    Object contractor = execution.getVariable(CONTRACTOR);
    refunds.startBidBondRefund(execution, bidder -> bidder.equals(contractor));
  }
}
