package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.award.AwardScenario.*;
import static org.publicservice.procurement.award.AwardVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.contract.SigningHolds;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.ocds.OcdsSchemas;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Challenges and complaints as the law has them, in a running purchase with the engine clock moved: a challenge holds
 * the signing but never shortens the winner's period; silence opens the complaint; the complaint's completion,
 * refusal, copy, statement, suspension and decision; an upheld complaint hands the award to the next candidate with a
 * notice, letter and challenge window of its own; an upheld challenge ends the tender.
 */
@ProcurementSpringTest
class RemediesProcessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(AWARD_DAY).withOfficials();

  /** Thursday 3 December 2026, the award notice (period ends Friday 4, challenges until Tuesday 15 December). */
  static final ZonedDateTime AWARD_DAY = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 12, 7, 9, 30, 0, 0, ProcurementTime.ZONE);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired DisclosureRegister register;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired Challenges challenges;
  @Autowired Complaints complaints;
  @Autowired DisputeRecords disputes;
  @Autowired AwardDecisions decisions;
  @Autowired SigningHolds holds;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

  AwardScenario award;

  @BeforeEach
  void setUp() {
    award = new AwardScenario(engine, session.people());
  }

  @Test
  void aRejectedChallengeAndARejectedComplaintLeaveTheWinnerItsContractAndEveryDayOfItsPeriod() throws Exception {
    ProcessInstance purchase = award.purchaseAtAward();
    String project = purchase.getBusinessKey();
    award.choose(award.award(purchase), FIRST);
    ProcessInstance contract = award.contract(purchase);
    Date signBy = workingDays.calendarDaysAfter(AWARD_DAY.toLocalDate(), 30);
    assertThat(deadline(contract)).isEqualTo(signBy);

    // Monday: the no. 2 challenges the result; signing is held (实施条例第五十四条), the clock stands still
    at(MONDAY);
    String challengeId = challenges.file(project, SECOND, "中标供应商的养老护理员资格证书不足招标文件要求的20人。");
    ProcessInstance challenge = award.challengeInstance(challengeId);
    assertThat(challenge).isWaitingAt("Task_ReplyToChallenge");
    assertThat(award.task(challenge, "Task_ReplyToChallenge").getDueDate())
        .isEqualTo(workingDays.after(MONDAY.toLocalDate(), 7));
    assertThat(holds.reasons(project)).singleElement().asString().contains("实施条例第五十四条");
    assertThat(award.timer(contract, "BoundaryEvent_SigningDeadlinePassed").getDuedate()).as("parked while held")
        .isAfter(Date.from(AWARD_DAY.plusYears(100).toInstant()));
    award.draft(contract, 268_000, SCHEDULE);
    assertThatThrownBy(() -> award.sign(contract, FIRST)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("本项目暂停签订合同：供应商对中标（成交）结果的质疑尚待答复");
    assertThatThrownBy(() -> complaints.file(project, SECOND, "抢先投诉。")).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("质疑尚在答复期内");

    // Wednesday: rejected; the hold ends and the period is 2 days longer
    at(MONDAY.plusDays(2));
    award.reply(challenge, REJECTED, null, "经核查，中标供应商持证护理员23人，符合招标文件要求。");
    assertThat(challenge).isEnded().hasPassed("EndEvent_ChallengeSettled");
    assertThat(disputes.challenge(challengeId)).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(REJECTED));
    assertThat(holds.reasons(project)).isEmpty();
    Date afterChallenge = workingDays.calendarDaysAfter(signBy.toInstant().atZone(ProcurementTime.ZONE).toLocalDate(), 2);
    assertThat(deadline(contract)).isEqualTo(afterChallenge);
    assertThat(award.timer(contract, "BoundaryEvent_SigningDeadlinePassed").getDuedate()).isEqualTo(afterChallenge);

    // Thursday: a complaint; finance accepts it and suspends the procurement for 4 days
    at(MONDAY.plusDays(3));
    String complaintId = complaints.file(project, SECOND, "采购单位的答复未核实证书真伪，请求认定中标无效。");
    ProcessInstance complaint = award.complaintInstance(complaintId);
    assertThat(complaint).isWaitingAt("Task_ExamineComplaint");
    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_ExamineComplaint", Variables.createVariables()
        .putValue(COMPLAINT_EXAMINATION, ACCEPT).putValue(SUSPEND_PROCUREMENT, "true"));
    award.runJobs(complaint);
    assertThat(suspended(purchase)).isTrue();
    assertThat(suspended(contract)).isTrue();
    assertThat(complaint).isWaitingAt("Task_SubmitStatement");
    award.completeAs(PURCHASER, complaint, "Task_SubmitStatement", Variables.createVariables()
        .putValue(DEPARTMENT_STATEMENT, "23名护理员证书均经人社部门系统核验，附核验截图。"));
    assertThat(complaint).isWaitingAt("Task_DecideComplaint");

    at(MONDAY.plusDays(7));
    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_DecideComplaint", Variables.createVariables()
        .putValue(COMPLAINT_DECISION, REJECTED).putValue(COMPLAINT_DECISION_TEXT, "证书经核验真实有效，投诉缺乏事实依据。"));
    assertThat(suspended(contract)).isFalse();
    award.runJobs(complaint);
    assertThat(complaint).isEnded().hasPassed("Task_ResumeProcurement", "Task_PublishComplaintDecision",
        "EndEvent_ComplaintDecided").hasNotPassed("Task_ApplyComplaintRemedy");
    assertThat(suspended(contract)).isFalse();
    Date afterComplaint = workingDays.calendarDaysAfter(afterChallenge.toInstant().atZone(ProcurementTime.ZONE)
        .toLocalDate(), 4);
    assertThat(deadline(contract)).isEqualTo(afterComplaint).isAfter(signBy);
    assertThat(session.notices(project, NoticeType.COMPLAINT_DECISION)).singleElement().satisfies(n -> {
      assertThat(n.title()).isEqualTo("财政局关于崇川区居家养老上门服务投诉的处理决定");
      assertThat(n.content()).contains("投诉人：南通惠民社区服务中心", "驳回投诉", "处理期间曾暂停采购活动，现已恢复",
          "被投诉人说明：已于规定期限内作出书面说明", "行政复议");
    });

    // the winner signs, on the day the unextended period would have ended
    at(signBy.toInstant().atZone(ProcurementTime.ZONE).minusHours(1));
    award.sign(contract, FIRST);
    award.countersign(contract);
    assertThat(contract).isWaitingAt("Task_PublishContract", "Task_FileContract")
        .hasNotPassed("Task_DecideNextCandidate");
    assertThat(decisions.active(project)).hasValueSatisfying(d -> assertThat(d.winner()).isEqualTo(FIRST));

    session.mails().deliver(project);
    assertThat(subjects(SECOND)).contains("【质疑答复】" + project + " 崇川区居家养老上门服务 中标（成交）结果质疑",
        "【投诉处理决定】" + project + " 崇川区居家养老上门服务 政府采购投诉");
    assertThat(subjects("caizheng")).contains("【收到投诉】" + project + " 崇川区居家养老上门服务 政府采购投诉");
    assertThat(subjects(FIRST)).as("the winner is a party concerned: it learns the reply and gets the copy")
        .contains("【质疑答复告知】" + project + " 崇川区居家养老上门服务 中标（成交）结果质疑",
            "【投诉答复通知书】" + project + " 崇川区居家养老上门服务 投诉书副本");
  }

  @Test
  void aLongComplaintTakesALongCompletion() {
    // grounds and completion of 3,900 characters each (4,000 allowed each): together more than the 4,000 characters
    // of a String variable and of the complaint's former grounds column
    ProcessInstance purchase = award.purchaseAtAward("COMPETITIVE_CONSULTATION", "竞争性磋商", 2, null);
    String project = purchase.getBusinessKey();
    award.choose(award.award(purchase), FIRST);
    at(MONDAY);
    String challengeId = challenges.file(project, SECOND, ChallengeSubject.PROCESS.name(),
        "评审委员会未按磋商文件对中标供应商的业绩进行核实。");
    award.fire(award.challengeInstance(challengeId), "Timer_ReplyPeriodOver");
    at(ZonedDateTime.of(2026, 12, 17, 10, 0, 0, 0, ProcurementTime.ZONE));
    String grounds = "采购单位逾期未答复质疑。" + "中标供应商所报同类业绩与实际不符，评审委员会未予核实。".repeat(140);
    String complaintId = complaints.file(project, SECOND, grounds);
    ProcessInstance complaint = award.complaintInstance(complaintId);
    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_ExamineComplaint", Variables.createVariables()
        .putValue(COMPLAINT_EXAMINATION, REQUEST_COMPLETION).putValue(COMPLETION_REQUEST, "请补充投诉请求和事实依据。")
        .putValue(COMPLETION_DAYS, 3L));
    String completion = "请求认定中标无效。" + "附虚构业绩合同的编号、甲方名称和甲方出具的情况说明。".repeat(150);
    award.completeAs(SECOND, complaint, "Task_CompleteComplaint", Variables.createVariables()
        .putValue(COMPLETION_TEXT, completion));

    assertThat(complaint).isWaitingAt("Task_ExamineComplaint");
    assertThat((String) runtimeService.getVariable(complaint.getId(), COMPLAINT_GROUNDS))
        .isEqualTo(grounds + "\n【补正】" + completion);
    assertThat(disputes.complaint(complaintId)).hasValueSatisfying(c ->
        assertThat(c.grounds()).isEqualTo(grounds + "\n【补正】" + completion));
  }

  @Test
  void afterTheDepartmentsSilenceTheComplaintIsCompletedUpheldWithoutStatementAndTheNextCandidateWins()
      throws Exception {
    // a consultation of services: 2 qualified suppliers suffice (财库〔2015〕124号), so another winner may be found
    ProcessInstance purchase = award.purchaseAtAward("COMPETITIVE_CONSULTATION", "竞争性磋商", 2, null);
    String project = purchase.getBusinessKey();
    award.choose(award.award(purchase), FIRST);
    String firstAward = decisions.active(project).orElseThrow().id();

    at(MONDAY);
    String challengeId = challenges.file(project, SECOND, ChallengeSubject.PROCESS.name(),
        "评审委员会未按磋商文件对中标供应商的业绩进行核实。");
    ProcessInstance challenge = award.challengeInstance(challengeId);
    award.fire(challenge, "Timer_ReplyPeriodOver");
    assertThat(challenge).isWaitingAt("Task_ReplyToChallenge").hasPassed("Task_TellChallengerItMayComplain",
        "Task_EscalateLateReply");
    assertThat(disputes.challenge(challengeId)).hasValueSatisfying(c -> assertThat(c.replyOverdueAt()).isNotNull());

    // 94号令第十七条: silence opens the complaint
    at(ZonedDateTime.of(2026, 12, 17, 10, 0, 0, 0, ProcurementTime.ZONE));
    String complaintId = complaints.file(project, SECOND, "采购单位逾期未答复质疑。");
    ProcessInstance complaint = award.complaintInstance(complaintId);
    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_ExamineComplaint", Variables.createVariables()
        .putValue(COMPLAINT_EXAMINATION, REQUEST_COMPLETION).putValue(COMPLETION_REQUEST, "请补充投诉请求和事实依据。")
        .putValue(COMPLETION_DAYS, 3L));
    assertThat(complaint).isWaitingAt("Task_CompleteComplaint");
    assertThat(award.task(complaint, "Task_CompleteComplaint").getAssignee()).isEqualTo(SECOND);
    assertThat(disputes.complaint(complaintId)).hasValueSatisfying(c ->
        assertThat(c.status()).isEqualTo(DisputeRecords.AWAITING_COMPLETION));

    at(ZonedDateTime.of(2026, 12, 18, 10, 0, 0, 0, ProcurementTime.ZONE));
    award.completeAs(SECOND, complaint, "Task_CompleteComplaint", Variables.createVariables()
        .putValue(COMPLETION_TEXT, "请求认定中标无效。中标供应商所报同类业绩中有两项系虚构，附合同编号。"));
    assertThat(complaint).isWaitingAt("Task_ExamineComplaint");
    assertThatThrownBy(() -> award.completeAs(FINANCE_OFFICIAL, complaint, "Task_ExamineComplaint",
        Variables.createVariables().putValue(COMPLAINT_EXAMINATION, REQUEST_COMPLETION)
            .putValue(COMPLETION_REQUEST, "再补充。").putValue(COMPLETION_DAYS, 3L)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("补正通知应一次性发出");
    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_ExamineComplaint", Variables.createVariables()
        .putValue(COMPLAINT_EXAMINATION, ACCEPT).putValue(SUSPEND_PROCUREMENT, "false"));
    // 30 working days from receipt (17 December), the completion's 1 working day not counted (94号令第二十七条)
    assertThat(award.task(complaint, "Task_SubmitStatement")).isNotNull();
    assertThat(runtimeService.getVariable(complaint.getId(), COMPLAINT_DECISION_DEADLINE))
        .isEqualTo(workingDays.after(LocalDate.of(2026, 12, 17), 31));

    // the department states nothing within 5 working days
    award.fire(complaint, "Timer_StatementOverdue");
    assertThat(complaint).isWaitingAt("Task_DecideComplaint");
    assertThat(optionValues(complaint)).containsExactly(REMEDY_NO_EFFECT, REMEDY_RE_REVIEW, REMEDY_NEXT_CANDIDATE,
        REMEDY_RE_TENDER);
    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_DecideComplaint", Variables.createVariables()
        .putValue(COMPLAINT_DECISION, UPHELD).putValue(COMPLAINT_REMEDY, REMEDY_NEXT_CANDIDATE)
        .putValue(COMPLAINT_DECISION_TEXT, "经查，中标供应商提供的两项业绩合同系虚构，中标无效。"));
    award.runJobs(complaint);
    award.runJobs(complaint);
    assertThat(complaint).isEnded().hasPassed("Task_ApplyComplaintRemedy");
    assertThat(session.notices(project, NoticeType.COMPLAINT_DECISION)).singleElement().satisfies(n -> assertThat(n.content())
        .contains("投诉事项成立：中标（成交）结果无效，从合格候选人中按顺序另行确定", "视同放弃说明权利"));

    // the contract stage of the invalid award is cancelled; a new award decision follows the ranking
    assertThat(purchase).hasPassed("BoundaryEvent_OverturnedInContract").isWaitingAt("Task_AwardStage");
    assertThat(decisions.find(firstAward)).hasValueSatisfying(d -> {
      assertThat(d.status()).isEqualTo(AwardDecisions.CANCELLED);
      assertThat(d.endReason()).contains("投诉成立");
    });
    assertThat(holds.reasons(project)).as("finance has decided the matter the challenge raised").isEmpty();
    ProcessInstance replacement = award.award(purchase);
    assertThat(runtimeService.getVariable(replacement.getId(), FIRST_CANDIDATE)).isEqualTo(SECOND);
    at(ZonedDateTime.of(2027, 1, 5, 10, 0, 0, 0, ProcurementTime.ZONE));
    award.choose(replacement, SECOND);

    DisclosureNotice changed = session.notices(project, NoticeType.AWARD_NOTICE).get(1);
    assertThat(changed.title()).endsWith("的中标（成交）结果变更公告");
    assertThat(changed.content()).contains("中标（成交）供应商：南通惠民社区服务中心",
        "原中标（成交）供应商南通安乐居家养老服务社的中标（成交）结果不再有效：存在违法违规情形", "投诉成立",
        "公告期满之日起7个工作日内（至" + ProcurementTime.MINUTE_IN_WORDS.format(WorkingDayCalendar.endOf(
            workingDays.addWorkingDays(LocalDate.of(2027, 1, 5), 8)).toInstant().atZone(ProcurementTime.ZONE)) + "）");
    assertThat(decisions.ofProject(project)).extracting(AwardDecisions.Decision::winner, AwardDecisions.Decision::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FIRST, AwardDecisions.CANCELLED),
            org.assertj.core.groups.Tuple.tuple(SECOND, AwardDecisions.ACTIVE));
    ProcessInstance contract = award.contract(purchase);
    assertThat(runtimeService.getVariable(contract.getId(), "contractor")).isEqualTo(SECOND);
    assertThat(deadline(contract)).isEqualTo(workingDays.calendarDaysAfter(LocalDate.of(2027, 1, 5), 30));
    // the replacement has its own challenge window: the first winner may challenge it
    String again = challenges.file(project, FIRST, "我单位业绩真实，请求恢复中标资格。");
    assertThat(award.challengeInstance(again)).isWaitingAt("Task_ReplyToChallenge");

    // open data: one award per decision, the invalid one cancelled, the replacement active for its own winner
    var records = json.readTree(http.getForObject("/ocds/records/" + project, String.class));
    assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, records)).isEmpty();
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE,
        json.readTree(http.getForObject("/ocds/releases/" + project, String.class)))).isEmpty();
    var awards = records.at("/records/0/compiledRelease/awards");
    assertThat(awards).hasSize(2);
    assertThat(awards.get(0).get("id").asText()).isEqualTo(firstAward);
    assertThat(awards.get(0).get("status").asText()).isEqualTo("cancelled");
    assertThat(awards.get(0).get("statusDetails").asText()).contains("投诉成立");
    assertThat(awards.get(0).at("/suppliers/0/name").asText()).isEqualTo(FIRST_NAME);
    assertThat(awards.get(1).get("status").asText()).isEqualTo("active");
    assertThat(awards.get(1).at("/suppliers/0/name").asText()).isEqualTo(SECOND_NAME);
    assertThat(awards.get(1).at("/suppliers")).hasSize(1);
    assertThat(awards.get(1).at("/value/amount").decimalValue()).isEqualByComparingTo("260000");

    // the organisations' pages: the first winner's award ended, the second's stands
    assertThat(http.getForObject("/portal/organisations/" + FIRST, String.class))
        .contains("中标（成交）结果已不再有效：投诉成立");
    assertThat(http.getForObject("/portal/organisations/" + SECOND, String.class)).contains("中标（成交）结果有效");

    session.mails().deliver(project);
    assertThat(subjects(SECOND)).contains("【质疑逾期未答复】" + project + " 崇川区居家养老上门服务 您可以投诉",
        "【投诉补正通知】" + project + " 崇川区居家养老上门服务 政府采购投诉",
        "【中标（成交）通知书】" + project + " 崇川区居家养老上门服务");
  }

  @Test
  void aComplaintIsRefusedWithReasonsOrWhenItIsNotCompletedInTimeAndNothingElseChanges() throws Exception {
    ProcessInstance purchase = award.purchaseAtAward();
    String project = purchase.getBusinessKey();
    award.choose(award.award(purchase), FIRST);
    at(MONDAY);
    assertThatThrownBy(() -> complaints.file(project, THIRD, "评分不公。")).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("投诉前须先向采购单位提出质疑");
    String challengeId = challenges.file(project, THIRD, "价格分计算有误。");
    award.reply(award.challengeInstance(challengeId), REJECTED, null, "价格分按招标文件公式计算，无误。");

    String first = complaints.file(project, THIRD, "价格分计算有误。");
    ProcessInstance refused = award.complaintInstance(first);
    award.completeAs(FINANCE_OFFICIAL, refused, "Task_ExamineComplaint", Variables.createVariables()
        .putValue(COMPLAINT_EXAMINATION, NOT_ADMISSIBLE).putValue(NOT_ADMISSIBLE_REASON, "投诉事项超出已质疑事项的范围。"));
    assertThat(refused).isEnded().hasPassed("Task_NotifyNotAdmissible", "EndEvent_NotAdmissible");
    assertThat(disputes.complaint(first)).hasValueSatisfying(c -> {
      assertThat(c.status()).isEqualTo(DisputeRecords.NOT_ACCEPTED);
      assertThat(c.decisionText()).isEqualTo("投诉事项超出已质疑事项的范围。");
    });

    // refused is not handled: within the period the supplier may complain again (94号令第十九条第四项)
    String second = complaints.file(project, THIRD, "价格分计算有误，采购单位答复不实。");
    ProcessInstance incomplete = award.complaintInstance(second);
    award.completeAs(FINANCE_OFFICIAL, incomplete, "Task_ExamineComplaint", Variables.createVariables()
        .putValue(COMPLAINT_EXAMINATION, REQUEST_COMPLETION).putValue(COMPLETION_REQUEST, "请提供价格分计算的证明材料。")
        .putValue(COMPLETION_DAYS, 2L));
    award.fire(incomplete, "Timer_CompletionOverdue");
    assertThat(incomplete).isEnded().hasPassed("Task_RefuseComplaint", "EndEvent_NotAdmissible")
        .hasNotPassed("Task_AcceptComplaint");
    assertThat(disputes.complaint(second)).hasValueSatisfying(c -> {
      assertThat(c.status()).isEqualTo(DisputeRecords.NOT_ACCEPTED);
      assertThat(c.decisionText()).contains("未在补正期限");
    });
    assertThat(session.notices(project, NoticeType.COMPLAINT_DECISION)).isEmpty();
    assertThat(award.contract(purchase)).isWaitingAt("Task_DraftContract");
    assertThat(decisions.active(project)).isPresent();

    // after the complaint period nothing is taken any more
    Date end = Date.from(disputes.challenge(challengeId).orElseThrow().complaintDeadline().toInstant());
    ClockUtil.setCurrentTime(new Date(end.getTime() + 2000));
    assertThatThrownBy(() -> complaints.file(project, THIRD, "价格分计算有误。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("投诉期已于");

    session.mails().deliver(project);
    assertThat(subjects(THIRD)).contains("【投诉不予受理】" + project + " 崇川区居家养老上门服务 政府采购投诉",
        "【投诉补正通知】" + project + " 崇川区居家养老上门服务 政府采购投诉");
  }

  @Test
  void anUpheldChallengeEndsTheTenderWithAPublicNoticeAndTheAwardIsCancelled() {
    ProcessInstance purchase = award.purchaseAtAward();
    String project = purchase.getBusinessKey();
    award.choose(award.award(purchase), FIRST);
    at(MONDAY);
    String challengeId = challenges.file(project, DISQUALIFIED, ChallengeSubject.PROCESS.name(),
        "资格审查时未允许我单位澄清登记证书，程序违法。");
    ProcessInstance challenge = award.challengeInstance(challengeId);
    assertThat(optionValues(challenge)).containsExactly(REMEDY_NO_EFFECT, REMEDY_RE_REVIEW, REMEDY_RE_TENDER)
        .as("3 qualified suppliers without the winner are fewer than the 3 an open tender needs")
        .doesNotContain(REMEDY_NEXT_CANDIDATE);
    assertThatThrownBy(() -> award.reply(challenge, UPHELD, REMEDY_NEXT_CANDIDATE, "资格审查程序有误。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("本项目目前不能中标（成交）结果无效，从合格候选人中按顺序另行确定");
    assertThatThrownBy(() -> award.reply(challenge, UPHELD, REMEDY_AMEND, "资格审查程序有误。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("本项目目前不能");

    award.reply(challenge, UPHELD, REMEDY_RE_TENDER, "资格审查未依法允许澄清，程序违法，重新开展采购活动。");
    award.runJobs(challenge);

    assertThat(challenge).isEnded().hasPassed("Task_ApplyChallengeRemedy");
    assertThat(purchase).hasPassed("BoundaryEvent_OverturnedInContract").isWaitingAt("Task_TenderStage");
    ProcessInstance tender = award.stage(purchase, "TenderStage");
    assertThat(tender).isWaitingAt("Task_DecideAfterFailedTender");
    assertThat((String) runtimeService.getVariable(tender.getId(), FAILED_TENDER_REASON)).startsWith("质疑成立");
    assertThat(award.contract(purchase)).isNull();
    assertThat(decisions.active(project)).isEmpty();
    assertThat(session.notices(project, NoticeType.FAILED_TENDER)).singleElement().satisfies(n -> assertThat(n.content())
        .contains("质疑成立（采购单位质疑答复）：资格审查未依法允许澄清", "重新开展采购活动"));
  }

  @Test
  void anUpheldChallengeToASingleSourceResultEndsTheSingleSourceAndItsContractStage() {
    String project = org.publicservice.procurement.contract.ContractFixtures.newProjectNumber();
    register.publish(project, NoticeType.AWARD_NOTICE, "南通市民政局关于崇川区居家养老上门服务的成交结果公告",
        "成交供应商：南通安乐居家养老服务社\n成交金额：268,000.00元\n", "南通市民政局", null);
    var in = org.publicservice.procurement.contract.ContractFixtures.awarded(project);
    for (String name : List.of(WINNER, WINNER_NAME, AWARDED_PRICE, AWARD_NOTICE_DATE, CANDIDATES, AWARD_OUTCOME)) {
      in.remove(name);
    }
    in.putValue("procurementMethod", "SINGLE_SOURCE").putValue("procurementMethodName", "单一来源采购")
        .putValue("singleSourceOutcome", "CONCLUDED").putValue("singleSourceSupplier", FIRST)
        .putValue("singleSourceSupplierName", FIRST_NAME).putValue("agreedPrice", 268_000L);
    ProcessInstance purchase = runtimeService.createProcessInstanceByKey(PURCHASE_PROCESS_KEY).businessKey(project)
        .setVariables(in).startBeforeActivity("Task_AdoptSingleSourceAward").execute();
    assertThat(award.contract(purchase)).isWaitingAt("Task_DraftContract");

    at(MONDAY);
    assertThatThrownBy(() -> challenges.file(project, SECOND, ChallengeSubject.PROCESS.name(), "单一来源理由不成立。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("只有参加本项目采购活动的供应商");
    ProcessInstance challenge = award.challengeInstance(challenges.file(project, FIRST,
        ChallengeSubject.PROCESS.name(), "协商记录未载明成交价格的构成，程序不合规。"));
    assertThat(holds.reasons(project)).as("signing waits for the reply").isNotEmpty();
    assertThat(optionValues(challenge)).containsExactly(REMEDY_NO_EFFECT, REMEDY_STOP);
    award.reply(challenge, UPHELD, REMEDY_STOP, "协商程序违反财政部令第74号第四十二条，终止本次单一来源采购。");
    award.runJobs(challenge);

    assertThat(purchase).isEnded().hasPassed("BoundaryEvent_OverturnedInContract", "EndEvent_PurchaseStopped")
        .hasNotPassed("Task_PerformanceStage");
    assertThat(award.contract(purchase)).isNull();
    assertThat(session.notices(project, NoticeType.FAILED_TENDER)).singleElement().satisfies(n -> assertThat(n.content())
        .contains("质疑成立", "本次单一来源采购终止"));
  }

  // --- helpers --------------------------------------------------------------------------------------------

  private static void at(ZonedDateTime time) {
    TasklistDriver.at(time);
  }

  private Date deadline(ProcessInstance contract) {
    return (Date) runtimeService.getVariable(contract.getId(), "signingDeadline");
  }

  private boolean suspended(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().isSuspended();
  }

  /** The remedies the open reply or decision task offers. */
  private List<Object> optionValues(ProcessInstance instance) {
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    return org.publicservice.procurement.purchase.JsonValues.rows(engine.getTaskService().getVariableLocal(task.getId(),
        REMEDY_OPTIONS)).stream().map(row -> row.get("value")).toList();
  }

  private List<String> subjects(String user) {
    return MailDeliveries.mailsTo(greenMail, user + "@demo.local").stream().map(MailDeliveries::subject).toList();
  }
}
