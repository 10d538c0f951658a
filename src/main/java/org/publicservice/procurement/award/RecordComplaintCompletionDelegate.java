package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * The complainant completed its complaint: the completion joins the grounds, and the working days it took are not
 * counted in the 30 working days to decide (94号令第二十七条).
 */
@Component
public class RecordComplaintCompletionDelegate implements JavaDelegate {
  private final DisputeRecords records;
  private final WorkingDayCalendar workingDays;

  public RecordComplaintCompletionDelegate(DisputeRecords records, WorkingDayCalendar workingDays) {
    this.records = records;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules form = FormRules.of(execution);
    String grounds = form.requiredText(COMPLAINT_GROUNDS, "投诉事项") + "\n【补正】"
        + form.requiredText(COMPLETION_TEXT, "补正内容");
    LocalDate requested = LocalDate.parse(form.requiredText("completionRequestedOn", "补正通知日期"));
    // the grounds (4,000) and the completion (4,000) together: more than a String variable holds
    execution.setVariable(COMPLAINT_GROUNDS, JsonValues.longText(grounds));
    execution.setVariable(COMPLETION_DAYS_USED, workingDaysBetween(workingDays, requested, ProcurementTime.today()));
    // the completed complaint is examined anew within 5 working days of its receipt
    execution.setVariable(EXAMINATION_DUE, workingDays.after(ProcurementTime.today(), Complaints.EXAMINATION_WORKING_DAYS));
    records.recordCompletion(form.requiredText(COMPLAINT_ID, "投诉编号"), grounds,
        Challenges.offset(ClockUtil.getCurrentTime()));
  }

  /** Working days after {@code from} up to and including {@code to} (the start day not counted, 94号令第四十二条). */
  static int workingDaysBetween(WorkingDayCalendar calendar, LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }
}
