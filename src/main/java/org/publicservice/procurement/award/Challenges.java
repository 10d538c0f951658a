package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Challenges (质疑) to an award, for the portal and the Tasklist start form (process BidChallenge). A bidder files
 * within 7 working days after the 1-working-day notice period (政府采购法第五十二条, 94号令第十条), once for this
 * step of the procedure, with its grounds; the department replies within 7 working days (第五十三条). The challenge
 * is handled in the project's AwardStage, which therefore cannot end (and the contract cannot be signed) while
 * it is open. A refused challenge throws {@link org.publicservice.procurement.purchase.SubmissionRejectedException}
 * with a Chinese message and changes nothing.
 */
@Component
public class Challenges {

  private final ProcessEngine engine;
  private final DisputeRecords records;
  private final WorkingDayCalendar workingDays;

  public Challenges(@Lazy ProcessEngine engine, DisputeRecords records, WorkingDayCalendar workingDays) {
    this.engine = engine;
    this.records = records;
    this.workingDays = workingDays;
  }

  /** Files the challenge and returns its id; throws SubmissionRejectedException when it is not admissible. */
  @Transactional
  public String file(String projectNumber, String bidderUserId, String grounds) {
    if (projectNumber == null || projectNumber.isBlank()) {
      throw reject(PROJECT_NUMBER, "请填写项目编号。");
    }
    String text = grounds == null ? "" : grounds.strip();
    if (text.isEmpty()) {
      throw reject(CHALLENGE_GROUNDS, "请填写质疑事项及理由。");
    }
    if (text.length() > 4000) {
      throw reject(CHALLENGE_GROUNDS, "质疑事项及理由不能超过4000个字。");
    }
    String project = projectNumber.strip().toUpperCase(Locale.ROOT);
    return SystemAccess.run(engine, () -> fileAsSystem(project, bidderUserId, text));
  }

  private String fileAsSystem(String project, String bidder, String grounds) {
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance stage = runtime.createProcessInstanceQuery().processDefinitionKey(STAGE_PROCESS_KEY)
        .processInstanceBusinessKey(project).list().stream().findFirst()
        .orElseThrow(() -> reject(PROJECT_NUMBER, "项目" + project + "没有正在公示的中标结果，请核对项目编号。"));
    if (stage.isSuspended()) {
      throw reject(PROJECT_NUMBER, "项目" + project + "的采购活动因投诉处理已暂停，暂不受理质疑。");
    }
    if (runtime.getVariable(stage.getId(), AWARD_NOTICE_DATE) == null) {
      throw reject(PROJECT_NUMBER, "项目" + project + "的中标结果尚未公告，暂不受理质疑。");
    }
    Date windowEnd = (Date) runtime.getVariable(stage.getId(), CHALLENGE_WINDOW_END);
    Date now = ClockUtil.getCurrentTime();
    if (now.after(windowEnd)) {
      throw reject(PROJECT_NUMBER, "项目" + project + "的质疑期已于"
          + MINUTE_IN_WORDS.format(windowEnd.toInstant())
          + "结束，不再受理质疑。");
    }
    String bidderName = bidderName(runtime, stage.getId(), bidder)
        .orElseThrow(() -> reject(null, "只有参加本项目投标的供应商才能对中标结果提出质疑。"));
    Optional<DisputeRecords.Challenge> earlier = records.challengesOf(project).stream()
        .filter(c -> c.stageInstanceId().equals(stage.getId()) && c.bidder().equals(bidder)).findFirst();
    if (earlier.isPresent()) {
      throw reject(null, "贵单位已于" + MINUTE_IN_WORDS.format(earlier.get().filedAt())
          + "对本项目中标结果提出质疑；对同一采购程序环节的质疑应一次性提出。");
    }

    OffsetDateTime filedAt = now.toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
    Date replyDeadline = workingDays.after(ProcurementTime.today(), 7);
    Date complaintDeadline = WorkingDayCalendar.endOf(workingDays.addWorkingDays(
        replyDeadline.toInstant().atZone(ProcurementTime.ZONE).toLocalDate(), 15));
    String id = UUID.randomUUID().toString();
    records.addChallenge(new DisputeRecords.Challenge(id, project, stage.getId(), bidder, bidderName, grounds, filedAt,
        offset(replyDeadline), DisputeRecords.OPEN, null, null, null, offset(complaintDeadline)));
    runtime.createMessageCorrelation(CHALLENGE_MESSAGE).processInstanceId(stage.getId())
        // transient: the stage keeps them in the challenge's own scope (KeepChallengeInItsScopeListener)
        .setVariables(Variables.createVariables()
            .putValueTyped(CHALLENGE_ID, Variables.stringValue(id, true))
            .putValueTyped(CHALLENGER, Variables.stringValue(bidder, true))
            .putValueTyped(CHALLENGER_NAME, Variables.stringValue(bidderName, true))
            .putValueTyped(CHALLENGE_GROUNDS, Variables.stringValue(grounds, true))
            .putValueTyped(CHALLENGE_REPLY_DEADLINE, Variables.dateValue(replyDeadline, true)))
        .correlate();
    return id;
  }

  /** The name of the bidder as ranked or opened, if it bid in this round. */
  private static Optional<String> bidderName(RuntimeService runtime, String stageId, String bidder) {
    if (bidder == null) {
      return Optional.empty();
    }
    for (String list : List.of(RANKING, OPENED_BIDS)) {
      for (Map<String, Object> row : JsonValues.rows(runtime.getVariable(stageId, list))) {
        if (bidder.equals(String.valueOf(row.get("bidder")))) {
          Object name = row.get("bidderName");
          return Optional.of(name == null ? bidder : name.toString());
        }
      }
    }
    return Optional.empty();
  }

  static OffsetDateTime offset(Date date) {
    return date.toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
  }
}
