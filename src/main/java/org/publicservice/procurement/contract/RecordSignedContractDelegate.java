package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * Records that both parties signed the stored draft today and hands on its terms, read from the contract register,
 * with the statutory deadlines that follow from the signing day: publication within 2 working days (实施条例第五十条)
 * and filing with the finance bureau within 7 working days (政府采购法第四十七条).
 */
@Component
public class RecordSignedContractDelegate implements JavaDelegate {

  private final ContractRegister contracts;
  private final WorkingDayCalendar workingDays;

  public RecordSignedContractDelegate(ContractRegister contracts, WorkingDayCalendar workingDays) {
    this.contracts = contracts;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractRegister.Contract draft = contracts.currentDraft(execution.getProcessInstanceId());
    LocalDate signedOn = ProcurementTime.today();
    contracts.sign(draft.contractId(), signedOn);
    Object bondForm = execution.getVariable(PERFORMANCE_BOND_FORM);
    if (bondForm != null) {
      contracts.recordPerformanceBond(draft.contractId(), bondForm.toString(),
          (String) execution.getVariable(PERFORMANCE_BOND_REFERENCE));
    }
    if (Boolean.TRUE.equals(execution.getVariable(BID_BOND_CONVERTED))) {
      // 87号令第三十八条: the winner's bid bond is now (part of) its performance bond
      BondRefunds.Owed bidBond = PerformanceBond.convertibleBidBond(execution).orElseThrow();
      contracts.recordConvertedBidBond(draft.contractId(), bidBond.lodged(), bidBond.amount());
    }
    Object awardId = execution.getVariable(AWARD_ID);
    if (awardId != null) {
      contracts.linkAward(draft.contractId(), awardId.toString());
    }

    execution.setVariable(CONTRACT_ID, draft.contractId());
    execution.setVariable(CONTRACTOR, draft.contractor());
    execution.setVariable(CONTRACTOR_NAME, draft.contractorName());
    execution.setVariable(CONTRACT_AMOUNT, draft.amount());
    execution.setVariable(CONTRACT_SIGNED_DATE, signedOn.toString());
    execution.setVariable(MILESTONES, SpinValues.jsonValue(draft.milestonesJson()).create());
    execution.setVariable(PUBLICATION_DUE, workingDays.after(signedOn, 2));
    execution.setVariable(FILING_DUE, workingDays.after(signedOn, 7));
  }
}
