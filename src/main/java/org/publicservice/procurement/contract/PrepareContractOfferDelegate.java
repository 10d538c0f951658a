package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.planning.PlanningVariables.INDICATORS;
import static org.publicservice.procurement.planning.PlanningVariables.SERVICE_PERIOD_END;
import static org.publicservice.procurement.planning.PlanningVariables.SERVICE_PERIOD_START;
import static org.publicservice.procurement.purchase.ProcurementTime.DAY_IN_WORDS;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * Offers the contract to the winner of the current award: its name and bid price, and the 30 days to sign counted
 * from the 中标（成交）通知书, which went out with the award notice (政府采购法第四十六条; 87号令第七十一条; 74号令第十九条),
 * ending on a working day (87号令第八十五条). The stage starts the day of that notice, so the period is never over
 * before the contract stage begins; a replacement winner has an award notice, and so a period, of its own. Days
 * held by a challenge or a suspension are added by {@link SigningHolds}. Prefills the draft from the award and the
 * plan.
 */
@Component
public class PrepareContractOfferDelegate implements JavaDelegate {

  private final WorkingDayCalendar workingDays;
  private final ContractRegister contracts;

  public PrepareContractOfferDelegate(WorkingDayCalendar workingDays, ContractRegister contracts) {
    this.workingDays = workingDays;
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int index = 0;
    ContractCandidates.Candidate candidate = ContractCandidates.at(execution, index)
        .orElseThrow(() -> new IllegalStateException("no winner to offer the contract to"));
    LocalDate offeredOn = awardNoticeDay(execution);
    Date deadline = workingDays.calendarDaysAfter(offeredOn, SIGNING_DAYS);

    contracts.abandonDrafts(execution.getProcessInstanceId());
    execution.setVariable(CONTRACTOR, candidate.userId());
    execution.setVariable(CONTRACTOR_NAME, candidate.name());
    // a plain number, which the draft form shows read-only (Tasklist leaves a BigDecimal object variable empty, and
    // the empty read-only field would then be refused as changed)
    execution.setVariable(CONTRACTOR_PRICE, Variables.doubleValue(candidate.price().doubleValue()));
    execution.setVariable(OFFERED_ON, offeredOn.toString());
    execution.setVariable(SIGNING_DEADLINE, deadline);
    execution.setVariable(SIGNING_DEADLINE_TEXT, DAY_IN_WORDS.format(deadline.toInstant()));
    execution.setVariable(SIGNING_ALERT_AT, Date.from(deadline.toInstant().minus(Duration.ofDays(ALERT_DAYS_BEFORE))));
    execution.setVariable(NEXT_CANDIDATE_NAME,
        ContractCandidates.at(execution, 1).map(ContractCandidates.Candidate::name).orElse(null));

    execution.setVariable(CONTRACT_AMOUNT, candidate.price());
    if (execution.getVariable(CONTRACT_PERIOD_START) == null) {
      execution.setVariable(CONTRACT_PERIOD_START, execution.getVariable(SERVICE_PERIOD_START));
      execution.setVariable(CONTRACT_PERIOD_END, execution.getVariable(SERVICE_PERIOD_END));
    }
    // up to 30 indicators of 200 + 200 characters (Indicators): more than a String variable holds
    execution.setVariable(CONTRACT_INDICATORS_TEXT, JsonValues.longText(JsonValues.rows(execution.getVariable(INDICATORS))
        .stream().map(i -> i.get("name") + "：" + i.get("target")).collect(Collectors.joining("\n"))));
    execution.setVariable(CONTRACTOR_DECISION, null);
    execution.setVariable(CONTRACTOR_REFUSAL_REASON, null);
    execution.setVariable(NEXT_STEP, null);
  }

  /** The award notice date as the award stage stores it: ISO date-time with or without offset, or a date. */
  private static LocalDate awardNoticeDay(DelegateExecution execution) {
    Object value = execution.getVariable(AWARD_NOTICE_DATE);
    if (value != null && value.toString().length() > 10 && value.toString().indexOf('T') > 0
        && !value.toString().matches(".*([+-]\\d\\d:?\\d\\d|Z)$")) {
      return LocalDateTime.parse(value.toString()).toLocalDate();
    }
    return FormRules.of(execution).requiredDate(AWARD_NOTICE_DATE, "中标通知日期");
  }
}
