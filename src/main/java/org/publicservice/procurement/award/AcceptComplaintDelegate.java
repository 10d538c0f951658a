package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.contract.SigningHolds;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * Accepted: accepted from the day of receipt (94号令第二十一条第四项), so the 30 working days to decide run from
 * then, plus the working days the completion took (第二十六条、第二十七条); a suspension ends after 30 days at most.
 */
@Component
public class AcceptComplaintDelegate implements JavaDelegate {
  private final DisputeRecords records;
  private final WorkingDayCalendar workingDays;
  private final SigningHolds holds;

  public AcceptComplaintDelegate(DisputeRecords records, WorkingDayCalendar workingDays, SigningHolds holds) {
    this.records = records;
    this.workingDays = workingDays;
    this.holds = holds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules form = FormRules.of(execution);
    String id = form.requiredText(COMPLAINT_ID, "投诉编号");
    DisputeRecords.Complaint complaint = records.complaint(id).orElseThrow();
    Object used = execution.getVariable(COMPLETION_DAYS_USED);
    int completion = used == null ? 0 : ((Number) used).intValue();
    LocalDate received = complaint.filedAt().atZoneSameInstant(ProcurementTime.ZONE).toLocalDate();
    Date deadline = workingDays.after(received, Complaints.DECISION_WORKING_DAYS + completion);
    execution.setVariable(COMPLAINT_DECISION_DEADLINE, deadline);
    execution.setVariable(COMPLAINT_DECISION_DEADLINE_TEXT, Challenges.minute(deadline));
    execution.setVariable(SUSPENSION_ENDS, Date.from(ClockUtil.getCurrentTime().toInstant().plus(30, ChronoUnit.DAYS)));
    records.recordAcceptance(id, Challenges.offset(deadline), Challenges.offset(ClockUtil.getCurrentTime()));
    if (Boolean.TRUE.equals(execution.getVariable(SUSPEND_PROCUREMENT))) {
      // signing stops with the procurement and its days are given back afterwards (SigningHolds)
      holds.hold(execution.getProcessBusinessKey(), SuspendPurchaseDelegate.holdId(execution),
          "财政部门处理投诉期间暂停采购活动（政府采购法第五十七条）");
    }
  }
}
