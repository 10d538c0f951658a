package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.planning.PlanningVariables.SERVICE_STANDARDS;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.form.FormRules;
import org.springframework.stereotype.Component;

/**
 * Records the contract both parties signed and sets the statutory deadlines that follow from the signing day: publication
 * within 2 working days (实施条例第五十条) and filing with the finance bureau within 7 working days (政府采购法第四十七条).
 */
@Component("recordSignedContract")
public class RecordSignedContractDelegate implements JavaDelegate {

  private final ContractRegister contracts;
  private final WorkingDayCalendar workingDays;

  public RecordSignedContractDelegate(ContractRegister contracts, WorkingDayCalendar workingDays) {
    this.contracts = contracts;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules contract = FormRules.of(execution);
    String projectNumber = execution.getProcessBusinessKey();
    LocalDate signedOn = contract.requiredDate(CONTRACT_SIGNED_DATE, "合同签订日期");
    LocalDate start = contract.requiredDate(CONTRACT_PERIOD_START, "服务期限开始日期");
    LocalDate end = contract.requiredDate(CONTRACT_PERIOD_END, "服务期限结束日期");
    List<PaymentSchedule.Instalment> schedule = PaymentSchedule.parse(
        contract.requiredText(PAYMENT_SCHEDULE_TEXT, "付款计划"), contract.requiredAmount(CONTRACT_AMOUNT, "合同金额"),
        start, end);
    String contractId = contracts.nextContractId(projectNumber);
    String standards = contract.optionalText(SERVICE_STANDARDS);
    String indicators = contract.optionalText(CONTRACT_INDICATORS_TEXT);
    contracts.add(new ContractRegister.SignedContract(contractId, projectNumber,
        contract.requiredText(CONTRACTOR, "供应商"), contract.requiredText(CONTRACTOR_NAME, "供应商名称"),
        contract.requiredAmount(CONTRACT_AMOUNT, "合同金额"), contract.requiredAmount(PERFORMANCE_BOND, "履约保证金"),
        start, end, (standards == null ? "" : standards) + (indicators == null ? "" : "\n服务指标：\n" + indicators),
        PaymentSchedule.describe(schedule), signedOn, null, null), execution.getProcessInstanceId());

    execution.setVariable(CONTRACT_ID, contractId);
    execution.setVariable(PUBLICATION_DUE, workingDays.after(signedOn, 2));
    execution.setVariable(FILING_DUE, workingDays.after(signedOn, 7));
  }
}
