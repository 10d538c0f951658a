package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.contract.SigningHolds;
import org.publicservice.procurement.form.FormRules;
import org.publicservice.procurement.form.ProcurementTime;
import org.publicservice.procurement.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The recording steps of a complaint's handling (process BidComplaint, 94号令第二十一条至第二十七条), one bean each so
 * that every step of the model names its own delegate.
 */
final class ComplaintSteps {

  private ComplaintSteps() {
  }

  /** 94号令第二十一条第一项: the complainant is told once what to complete and by when. */
  @Component("requestComplaintCompletion")
  static class RequestCompletion implements org.camunda.bpm.engine.delegate.JavaDelegate {
    private final DisputeRecords records;
    private final WorkingDayCalendar workingDays;

    RequestCompletion(DisputeRecords records, WorkingDayCalendar workingDays) {
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

  /**
   * The complainant completed its complaint: the completion joins the grounds, and the working days it took are not
   * counted in the 30 working days to decide (94号令第二十七条).
   */
  @Component("recordComplaintCompletion")
  static class RecordCompletion implements org.camunda.bpm.engine.delegate.JavaDelegate {
    private final DisputeRecords records;
    private final WorkingDayCalendar workingDays;

    RecordCompletion(DisputeRecords records, WorkingDayCalendar workingDays) {
      this.records = records;
      this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
      FormRules form = FormRules.of(execution);
      String grounds = form.requiredText(COMPLAINT_GROUNDS, "投诉事项") + "\n【补正】"
          + form.requiredText(COMPLETION_TEXT, "补正内容");
      LocalDate requested = LocalDate.parse(form.requiredText("completionRequestedOn", "补正通知日期"));
      execution.setVariable(COMPLAINT_GROUNDS, grounds);
      execution.setVariable(COMPLETION_DAYS_USED, workingDaysBetween(workingDays, requested, ProcurementTime.today()));
      // the completed complaint is examined anew within 5 working days of its receipt
      execution.setVariable(EXAMINATION_DUE, workingDays.after(ProcurementTime.today(), Complaints.EXAMINATION_WORKING_DAYS));
      records.recordCompletion(form.requiredText(COMPLAINT_ID, "投诉编号"), grounds,
          Challenges.offset(ClockUtil.getCurrentTime()));
    }
  }

  /** 不予受理 (94号令第二十一条第一项、第二项): with the reasons given, or because the completion did not come in time. */
  @Component("refuseComplaint")
  static class Refuse implements org.camunda.bpm.engine.delegate.JavaDelegate {
    private final DisputeRecords records;

    Refuse(DisputeRecords records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      FormRules form = FormRules.of(execution);
      String reason = NOT_ADMISSIBLE.equals(execution.getVariable(COMPLAINT_EXAMINATION))
          ? form.requiredText(NOT_ADMISSIBLE_REASON, "不予受理的理由")
          : "投诉人未在补正期限（" + execution.getVariable(COMPLETION_DUE_TEXT) + "）内补正（财政部令第94号第二十一条第一项）。";
      execution.setVariable(NOT_ADMISSIBLE_REASON, reason);
      records.recordDecision(form.requiredText(COMPLAINT_ID, "投诉编号"), DisputeRecords.NOT_ACCEPTED, null, reason,
          Challenges.offset(ClockUtil.getCurrentTime()));
    }
  }

  /**
   * Accepted: accepted from the day of receipt (94号令第二十一条第四项), so the 30 working days to decide run from
   * then, plus the working days the completion took (第二十六条、第二十七条); a suspension ends after 30 days at most.
   */
  @Component("acceptComplaint")
  static class Accept implements org.camunda.bpm.engine.delegate.JavaDelegate {
    private final DisputeRecords records;
    private final WorkingDayCalendar workingDays;
    private final SigningHolds holds;

    Accept(DisputeRecords records, WorkingDayCalendar workingDays, SigningHolds holds) {
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

  /**
   * After the procurement resumed: the signing clock runs again, the 30 days extended by the days suspended. In a
   * transaction of its own, after the one that activated the instances.
   */
  @Component("restartSigningClock")
  static class RestartSigningClock implements org.camunda.bpm.engine.delegate.JavaDelegate {
    private final SigningHolds holds;

    RestartSigningClock(SigningHolds holds) {
      this.holds = holds;
    }

    @Override
    public void execute(DelegateExecution execution) {
      holds.release(SuspendPurchaseDelegate.holdId(execution));
    }
  }

  /**
   * 94号令第二十一条第四项: within 8 working days of receipt the respondent (the purchasing department) and the other
   * parties concerned (the winner) receive the notice to answer with a copy of the complaint; 第二十二条: the
   * department states its case in writing within 5 working days.
   */
  @Component("sendComplaintCopy")
  static class SendCopy implements org.camunda.bpm.engine.delegate.JavaDelegate {
    static final String TEMPLATE = "bid-complaint-copy";
    private final DisputeRecords records;
    private final WorkingDayCalendar workingDays;
    private final Notifications notifications;

    SendCopy(DisputeRecords records, WorkingDayCalendar workingDays, Notifications notifications) {
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

  /** The department's written statement (94号令第二十二条) goes into the file. */
  @Component("recordComplaintStatement")
  static class RecordStatement implements org.camunda.bpm.engine.delegate.JavaDelegate {
    private final DisputeRecords records;

    RecordStatement(DisputeRecords records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      FormRules form = FormRules.of(execution);
      records.recordStatement(form.requiredText(COMPLAINT_ID, "投诉编号"),
          form.requiredText(DEPARTMENT_STATEMENT, "书面说明"), Challenges.offset(ClockUtil.getCurrentTime()));
    }
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
