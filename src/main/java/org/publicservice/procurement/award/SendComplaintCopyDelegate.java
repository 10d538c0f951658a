package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * 94号令第二十一条第四项: within 8 working days of receipt the respondent (the purchasing department) and the other
 * parties concerned (the winner) receive the notice to answer with a copy of the complaint; 第二十二条: the
 * department states its case in writing within 5 working days.
 */
@Component
public class SendComplaintCopyDelegate implements JavaDelegate {
  static final String TEMPLATE = "bid-complaint-copy";
  private final DisputeRecords records;
  private final WorkingDayCalendar workingDays;
  private final Notifications notifications;

  public SendComplaintCopyDelegate(DisputeRecords records, WorkingDayCalendar workingDays, Notifications notifications) {
    this.records = records;
    this.workingDays = workingDays;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules form = FormRules.of(execution);
    Date statementDue = workingDays.after(ProcurementTime.today(), 5);
    execution.setVariable(STATEMENT_DUE, statementDue);
    Map<String, Object> model = new LinkedHashMap<>();
    for (String name : new String[] {"departmentName", COMPLAINANT_NAME, COMPLAINT_GROUNDS, CHALLENGE_GROUNDS,
        CHALLENGE_SUBJECT_NAME, "projectLink"}) {
      model.put(name, execution.getVariable(name));
    }
    model.put("statementDue", Challenges.minute(statementDue));
    String department = form.optionalText("departmentGroup");
    if (department != null) {
      notifications.toGroup(execution, department, TEMPLATE, model);
    }
    String winner = form.optionalText(RESPONDENT_WINNER);
    if (winner != null && !winner.equals(execution.getVariable(COMPLAINANT))) {
      notifications.toUser(execution, winner, TEMPLATE, model);
    }
    records.recordCopySent(form.requiredText(COMPLAINT_ID, "投诉编号"), Challenges.offset(ClockUtil.getCurrentTime()));
  }
}
