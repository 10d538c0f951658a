package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (投诉) to the finance bureau, for the portal and the Tasklist start form (process BidComplaint). Only a
 * bidder whose challenge the department rejected may complain, within 15 working days after the reply deadline
 * (政府采购法第五十五条, 94号令第十七条); finance decides within 30 working days (94号令第二十八条). Each complaint
 * runs in its own BidComplaint instance, so that it goes on while the purchase is suspended. A refused complaint
 * throws {@link org.publicservice.procurement.purchase.SubmissionRejectedException} and changes nothing.
 */
@Component
public class Complaints {

  /** The bidder a call of {@link #file} files for; REST callers cannot set it, they are who they logged in as. */
  private static final ThreadLocal<String> FILING_BIDDER = new ThreadLocal<>();

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

  /** Checks and records the complaint at the start of its BidComplaint instance; tells the award stage. */
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
    DisputeRecords.Challenge challenge = records.challengesOf(project).stream().filter(c -> c.bidder().equals(bidder))
        .max(Comparator.comparing(DisputeRecords.Challenge::filedAt))
        .orElseThrow(() -> reject(PROJECT_NUMBER, "投诉前须先向采购单位提出质疑（政府采购法第五十五条）；贵单位未对项目"
            + project + "提出过质疑，不予受理。"));
    if (DisputeRecords.OPEN.equals(challenge.status())) {
      throw reject(PROJECT_NUMBER, "贵单位对项目" + project + "的质疑尚待采购单位答复，请在答复后再提出投诉。");
    }
    if (UPHELD.equals(challenge.status())) {
      throw reject(PROJECT_NUMBER, "贵单位对项目" + project + "的质疑已被采购单位认定成立，无需投诉。");
    }
    Date now = ClockUtil.getCurrentTime();
    if (now.toInstant().isAfter(challenge.complaintDeadline().toInstant())) {
      throw reject(PROJECT_NUMBER, "投诉期已于" + MINUTE_IN_WORDS.format(
          challenge.complaintDeadline()) + "结束，不再受理投诉。");
    }
    if (records.complaintsOf(project).stream().anyMatch(c -> c.challengeId().equals(challenge.id()))) {
      throw reject(PROJECT_NUMBER, "贵单位已就该质疑向财政部门提出过投诉。");
    }

    RuntimeService runtime = complaint.getProcessEngineServices().getRuntimeService();
    Date decisionDeadline = workingDays.after(ProcurementTime.today(), 30);
    String id = UUID.randomUUID().toString();
    records.addComplaint(new DisputeRecords.Complaint(id, challenge.id(), project, bidder, challenge.bidderName(),
        text, Challenges.offset(now), Challenges.offset(decisionDeadline), complaint.getProcessInstanceId(),
        DisputeRecords.OPEN, null, null, null));
    complaint.setProcessBusinessKey(project);
    complaint.setVariable(PROJECT_NUMBER, project);
    complaint.setVariable(COMPLAINT_ID, id);
    complaint.setVariable(CHALLENGE_ID, challenge.id());
    complaint.setVariable(COMPLAINANT, bidder);
    complaint.setVariable(COMPLAINANT_NAME, challenge.bidderName());
    complaint.setVariable(COMPLAINT_GROUNDS, text);
    complaint.setVariable(CHALLENGE_GROUNDS, challenge.grounds());
    complaint.setVariable(CHALLENGE_REPLY, challenge.reply());
    complaint.setVariable(COMPLAINT_DECISION_DEADLINE, decisionDeadline);
    complaint.setVariable("projectLink", links.project(project));
    for (String name : new String[] {"serviceName", "departmentName", "departmentGroup"}) {
      complaint.setVariable(name, runtime.getVariable(challenge.stageInstanceId(), name));
    }
    messageChallengeScope(runtime, challenge.stageInstanceId(), COMPLAINT_FILED_MESSAGE, challenge.id(), Map.of());
  }

  /**
   * Delivers a message to the handling of one challenge in the award stage. Several challenges may wait there for
   * the same message; the one whose scope holds the challenge id receives it, with the given variables set in that
   * scope. Returns false when that handling no longer waits (the award stage ended meanwhile).
   */
  static boolean messageChallengeScope(RuntimeService runtime, String stageInstanceId, String message,
      String challengeId, Map<String, Object> variables) {
    for (EventSubscription subscription : runtime.createEventSubscriptionQuery().processInstanceId(stageInstanceId)
        .eventType("message").eventName(message).list()) {
      if (challengeId.equals(runtime.getVariable(subscription.getExecutionId(), CHALLENGE_ID))) {
        if (!variables.isEmpty()) {
          // into the challenge's scope (where its id is local), not the waiting execution, which may be pruned
          String scope = runtime.createVariableInstanceQuery().processInstanceIdIn(stageInstanceId)
              .variableName(CHALLENGE_ID).list().stream().filter(v -> challengeId.equals(v.getValue())).findFirst()
              .orElseThrow().getExecutionId();
          runtime.setVariablesLocal(scope, variables);
        }
        runtime.messageEventReceived(message, subscription.getExecutionId());
        return true;
      }
    }
    return false;
  }
}
