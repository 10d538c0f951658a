package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.List;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (投诉) to the finance bureau, for the portal and the Tasklist start form (process BidComplaint). A
 * supplier that challenged may complain when it is not satisfied with the reply, or when the department did not
 * reply in time, within 15 working days after the end of the reply period (政府采购法第五十五条, 94号令第十七条), on
 * the matters it challenged (94号令第二十条). Each complaint runs in its own BidComplaint instance, so that it goes on
 * while the purchase is suspended: finance examines it within 5 working days (补正, 不予受理 or 受理, 94号令第二十一条),
 * sends the copy to the department for its statement (第二十一条第四项, 第二十二条) and decides within 30 working days
 * (政府采购法第五十六条, 94号令第二十六条), the completion time not counted (第二十七条). A refused complaint throws
 * {@link org.publicservice.procurement.purchase.SubmissionRejectedException} and changes nothing.
 */
@Component
public class Complaints {

  /** The bidder a call of {@link #file} files for; REST callers cannot set it, they are who they logged in as. */
  private static final ThreadLocal<String> FILING_BIDDER = new ThreadLocal<>();

  static final int EXAMINATION_WORKING_DAYS = 5;
  static final int DECISION_WORKING_DAYS = 30;

  private final ProcessEngine engine;
  private final DisputeRecords records;
  private final WorkingDayCalendar workingDays;
  private final PublicLinks links;

  public Complaints(@Lazy ProcessEngine engine, DisputeRecords records, WorkingDayCalendar workingDays,
      PublicLinks links) {
    this.engine = engine;
    this.records = records;
    this.workingDays = workingDays;
    this.links = links;
  }

  /** Files the complaint (starts its BidComplaint instance) and returns its id. */
  @Transactional
  public String file(String projectNumber, String bidderUserId, String grounds) {
    if (bidderUserId == null || bidderUserId.isBlank()) {
      throw reject(null, "请登录后再提出投诉。");
    }
    FILING_BIDDER.set(bidderUserId);
    try {
      return SystemAccess.run(engine, () -> {
        var instance = engine.getRuntimeService().startProcessInstanceByKey(COMPLAINT_PROCESS_KEY,
            Variables.createVariables().putValue(PROJECT_NUMBER, projectNumber == null ? null : projectNumber.strip())
                .putValue(COMPLAINT_GROUNDS, grounds));
        return (String) engine.getRuntimeService().getVariable(instance.getId(), COMPLAINT_ID);
      });
    } finally {
      FILING_BIDDER.remove();
    }
  }

  /** The bidder {@link #file} is filing for in this thread, or {@code null} on a start through Tasklist/REST. */
  static String filingBidder() {
    return FILING_BIDDER.get();
  }

  /** Checks and records the complaint at the start of its BidComplaint instance. */
  void register(DelegateExecution complaint, String projectNumber, String bidder, String grounds) {
    if (projectNumber == null || projectNumber.isBlank()) {
      throw reject(PROJECT_NUMBER, "请填写项目编号。");
    }
    String text = grounds == null ? "" : grounds.strip();
    if (text.isEmpty()) {
      throw reject(COMPLAINT_GROUNDS, "请填写投诉事项及理由。");
    }
    if (text.length() > 4000) {
      throw reject(COMPLAINT_GROUNDS, "投诉事项及理由不能超过4000个字。");
    }
    String project = projectNumber.strip().toUpperCase(Locale.ROOT);
    OffsetDateTime now = Challenges.offset(ClockUtil.getCurrentTime());
    List<DisputeRecords.Challenge> own = records.challengesOf(project).stream().filter(c -> c.bidder().equals(bidder))
        .sorted(Comparator.comparing(DisputeRecords.Challenge::filedAt).reversed()).toList();
    if (own.isEmpty()) {
      throw reject(PROJECT_NUMBER, "投诉前须先向采购单位提出质疑（政府采购法第五十五条，财政部令第94号第十九条）；贵单位未对项目"
          + project + "提出过质疑，不予受理。");
    }
    DisputeRecords.Challenge challenge = own.stream().filter(c -> c.replyPeriodOver(now)).findFirst()
        .orElseThrow(() -> reject(PROJECT_NUMBER, "贵单位对项目" + project + "的质疑尚在答复期内（至"
            + ProcurementTime.MINUTE_IN_WORDS.format(own.get(0).replyDeadline().atZoneSameInstant(ProcurementTime.ZONE))
            + "），请在采购单位答复后或答复期满后再提出投诉。"));
    if (now.isAfter(challenge.complaintDeadline())) {
      throw reject(PROJECT_NUMBER, "投诉期已于" + ProcurementTime.MINUTE_IN_WORDS.format(
          challenge.complaintDeadline().atZoneSameInstant(ProcurementTime.ZONE)) + "结束，不再受理投诉。");
    }
    if (records.complaintsOf(project).stream().anyMatch(c -> c.challengeId().equals(challenge.id())
        && !DisputeRecords.NOT_ACCEPTED.equals(c.status()))) {
      throw reject(PROJECT_NUMBER, "贵单位已就该质疑向财政部门提出过投诉，同一投诉事项不再受理（财政部令第94号第十九条）。");
    }

    RuntimeService runtime = complaint.getProcessEngineServices().getRuntimeService();
    Date decisionDeadline = workingDays.after(ProcurementTime.today(), DECISION_WORKING_DAYS);
    String id = UUID.randomUUID().toString();
    records.addComplaint(new DisputeRecords.Complaint(id, challenge.id(), project, bidder, challenge.bidderName(),
        text, now, Challenges.offset(decisionDeadline), complaint.getProcessInstanceId(), DisputeRecords.OPEN, null,
        null, null, null, null, null, null));
    complaint.setProcessBusinessKey(project);
    complaint.setVariable(PROJECT_NUMBER, project);
    complaint.setVariable(COMPLAINT_ID, id);
    complaint.setVariable(CHALLENGE_ID, challenge.id());
    complaint.setVariable(CHALLENGE_SUBJECT, challenge.subject());
    complaint.setVariable(CHALLENGE_SUBJECT_NAME, ChallengeSubject.of(challenge.subject())
        .map(ChallengeSubject::label).orElse(challenge.subject()));
    complaint.setVariable(COMPLAINANT, bidder);
    complaint.setVariable(COMPLAINANT_NAME, challenge.bidderName());
    complaint.setVariable(COMPLAINT_GROUNDS, text);
    complaint.setVariable(CHALLENGE_GROUNDS, challenge.grounds());
    complaint.setVariable(CHALLENGE_REPLY, challenge.reply() == null
        ? "采购单位未在答复期限（" + ProcurementTime.MINUTE_IN_WORDS.format(
            challenge.replyDeadline().atZoneSameInstant(ProcurementTime.ZONE)) + "）内答复。"
        : challenge.reply());
    complaint.setVariable(COMPLAINT_DECISION_DEADLINE, decisionDeadline);
    complaint.setVariable(EXAMINATION_DUE, workingDays.after(ProcurementTime.today(), EXAMINATION_WORKING_DAYS));
    complaint.setVariable("projectLink", links.project(project));
    ProcessInstance purchase = runtime.createProcessInstanceQuery().processDefinitionKey(PURCHASE_PROCESS_KEY)
        .processInstanceBusinessKey(project).singleResult();
    for (String name : new String[] {"serviceName", "departmentName", "departmentGroup"}) {
      // after the purchase has ended, the challenge's own record still names the department
      Object value = purchase != null ? runtime.getVariable(purchase.getId(), name)
          : complaint.getProcessEngineServices().getHistoryService().createHistoricVariableInstanceQuery()
              .processInstanceId(challenge.processInstanceId()).variableName(name).list().stream().findFirst()
              .map(v -> v.getValue()).orElse(null);
      complaint.setVariable(name, value);
    }
    if (purchase != null) {
      complaint.setVariable(RESPONDENT_WINNER, runtime.getVariable(purchase.getId(), WINNER));
    }
  }
}
