package org.publicservice.procurement.tender;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * Publishes an answer to a bidder's question or an amendment of the documents as a clarification notice
 * (澄清或修改公告, 87号令第二十七条) without naming who asked, and mails it to every organisation with a bid in. When
 * fewer than 15 days (open tender; 5 days consultation, 3 working days negotiation) remain, the bid deadline moves
 * (实施条例第三十一条): in the bid box, in the stage's variables and in the waiting deadline timer.
 */
@Component
public class PublishClarificationDelegate implements JavaDelegate {

  static final String MAIL = "tender-clarification";
  static final String DEADLINE_TIMER = "Timer_BidDeadline";
  static final String ANSWER_STEP = "Task_PublishAnswer";

  private final DisclosureRegister register;
  private final BidBox bidBox;
  private final WorkingDayCalendar calendar;
  private final Notifications notifications;
  private final TenderTerms terms;
  private final PublicLinks links;

  public PublishClarificationDelegate(DisclosureRegister register, BidBox bidBox, WorkingDayCalendar calendar,
      Notifications notifications, TenderTerms terms, PublicLinks links) {
    this.register = register;
    this.bidBox = bidBox;
    this.calendar = calendar;
    this.notifications = notifications;
    this.terms = terms;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TenderFacts facts = TenderFacts.of(execution);
    FormRules tender = facts.variables();
    String projectNumber = facts.projectNumber();
    ProcurementMethod method = facts.method();
    int round = facts.round();
    boolean answer = ANSWER_STEP.equals(execution.getCurrentActivityId());

    OffsetDateTime now = ProcurementTime.now();
    OffsetDateTime deadline = OffsetDateTime.parse(tender.requiredText(BID_DEADLINE, "投标截止时间"));
    OffsetDateTime moved = TenderRules.deadlineAfterClarification(method, now, deadline, calendar);
    boolean deadlineMoved = moved.isAfter(deadline);

    StringBuilder text = facts.noticeHeader();
    if (answer) {
      line(text, "供应商提出的问题", tender.requiredText(QUESTION_TEXT, "问题"));
      line(text, "答复", tender.requiredText(QUESTION_ANSWER, "答复内容"));
    } else {
      line(text, "澄清或修改内容", tender.requiredText(AMENDMENT_TEXT, "澄清或修改内容"));
    }
    if (deadlineMoved) {
      line(text, "投标截止及开标时间", "顺延至" + MINUTE_IN_WORDS.format(moved) + "（原为" + MINUTE_IN_WORDS.format(
          deadline) + "）");
      text.append("顺延理由：").append(TenderRules.clarificationRuleText(method)).append("。\n");
    } else {
      line(text, "投标截止及开标时间", MINUTE_IN_WORDS.format(deadline) + "（不变）");
    }
    text.append("本澄清或修改内容为招标文件的组成部分。\n");
    var notice = register.publish(projectNumber, NoticeType.CLARIFICATION, facts.noticeTitle("澄清或修改公告"),
        text.toString(), facts.department(), execution.getProcessInstanceId());

    if (deadlineMoved) {
      moveDeadline(execution, projectNumber, round, moved);
    }
    terms.record(notice.id(), bidBox.call(projectNumber, round).orElseThrow(), null);
    Map<String, Object> model = Map.of("departmentName", facts.department(),
        "clarification", text.toString(), "noticeLink", links.notice(notice.id()),
        "bidLink", links.page("/portal/bidder/tenders/" + projectNumber),
        "bidDeadline", MINUTE_IN_WORDS.format(moved),
        "deadlineMoved", deadlineMoved ? "投标截止时间已顺延，请留意新的截止时间。" : "投标截止时间不变。");
    for (String bidder : bidBox.bidders(projectNumber, round)) {
      notifications.toUser(execution, bidder, MAIL, model);
    }
    if (!answer) {
      // the next amendment starts from an empty form; the published notice keeps this one
      execution.removeVariable(AMENDMENT_TEXT);
    }
  }

  private void moveDeadline(DelegateExecution execution, String projectNumber, int round, OffsetDateTime moved) {
    bidBox.moveDeadline(projectNumber, round, moved);
    var instance = execution.getProcessInstance();
    instance.setVariable(BID_DEADLINE, moved.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    instance.setVariable(BID_DEADLINE_AT, Date.from(moved.toInstant()));
    instance.setVariable(BID_DEADLINE_TEXT, MINUTE_IN_WORDS.format(moved));
    // the deadline timer was armed with the old date; it follows the new one (and the stage re-checks when it fires)
    var management = execution.getProcessEngineServices().getManagementService();
    SystemAccess.run(() -> {
      for (Job timer : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
          .activityId(DEADLINE_TIMER).list()) {
        management.setJobDuedate(timer.getId(), Date.from(moved.toInstant()));
      }
      return null;
    });
  }
}
