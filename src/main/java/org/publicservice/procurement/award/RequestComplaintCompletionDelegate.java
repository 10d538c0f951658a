package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/** 94号令第二十一条第一项: the complainant is told once what to complete and by when. */
@Component
public class RequestComplaintCompletionDelegate implements JavaDelegate {
  private final DisputeRecords records;
  private final WorkingDayCalendar workingDays;

  public RequestComplaintCompletionDelegate(DisputeRecords records, WorkingDayCalendar workingDays) {
    this.records = records;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules form = FormRules.of(execution);
    int days = (int) form.requiredWholeNumber(COMPLETION_DAYS, "补正期限");
    Date due = workingDays.after(ProcurementTime.today(), days);
    execution.setVariable(COMPLETION_DUE, due);
    execution.setVariable(COMPLETION_DUE_TEXT, Challenges.minute(due));
    execution.setVariable("completionRequestedOn", ProcurementTime.today().toString());
    records.recordCompletionRequest(form.requiredText(COMPLAINT_ID, "投诉编号"),
        form.requiredText(COMPLETION_REQUEST, "需要补正的事项"), Challenges.offset(due),
        Challenges.offset(ClockUtil.getCurrentTime()));
  }
}
