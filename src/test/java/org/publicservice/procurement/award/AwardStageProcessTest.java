package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.award.AwardScenario.*;
import static org.publicservice.procurement.award.AwardVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The award stage driven as the department, the bidders and the finance bureau drive it: choice of the winner (or
 * the default to no. 1), the notice with the panel, each bidder's own result, challenges and complaints with the
 * suspension of the purchase, on a moved engine clock.
 */
@ProcurementSpringTest
class AwardStageProcessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  /** A Thursday in December 2026 (no holidays before New Year). */
  static final ZonedDateTime THURSDAY_MORNING = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  /** Monday after the notice period (which ends Friday 4 December). */
  static final ZonedDateTime MONDAY_MORNING = ZonedDateTime.of(2026, 12, 7, 9, 30, 0, 0, ProcurementTime.ZONE);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired DisclosureRegister register;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired AwardResults results;
  @Autowired Challenges challenges;
  @Autowired Complaints complaints;
  @Autowired DisputeRecords disputes;

  TestIdentities people;
  AwardScenario award;
  MailDeliveries mails;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(identityService).ensureOfficials();
    award = new AwardScenario(engine, people);
    mails = new MailDeliveries(engine);
    ClockUtil.setCurrentTime(Date.from(THURSDAY_MORNING.toInstant()));
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void withoutChallengesTheDepartmentsChoiceIsPublishedEachBidderLearnsItsOwnResultAndTheStageAwards() throws Exception {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    String project = purchase.getBusinessKey();
    assertThat(stage).isWaitingAt("Task_ChooseWinner");
    Task choose = award.task(stage, "Task_ChooseWinner");
    assertThat(engine.getTaskService().getIdentityLinksForTask(choose.getId())).extracting(l -> l.getGroupId())
        .contains(Groups.DEPT_CIVIL_AFFAIRS);
    assertThat(choose.getDueDate()).isEqualTo(workingDays.after(THURSDAY_MORNING.toLocalDate(), 5))
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 10, 23, 59, 59, 0, ProcurementTime.ZONE).toInstant()));
    assertThat((String) runtimeService.getVariable(stage.getId(), RANKING_TEXT))
        .contains("第1名：南通安乐居家养老服务社，报价268,000.00元，价格分29.10分，技术商务分61.40分，总分90.50分");
    assertThat(results.ownResult(project, SECOND)).as("nothing before the notice").isEmpty();

    award.choose(stage, FIRST, null);

    assertThat(stage).isWaitingAt("Timer_ChallengeWindowEnds");
    DisclosureNotice notice = notices(project, NoticeType.AWARD_NOTICE).get(0);
    assertThat(notice.title()).isEqualTo("南通市民政局关于崇川区居家养老上门服务的中标（成交）结果公告");
    assertThat(notice.content()).contains("中标（成交）供应商：南通安乐居家养老服务社", "中标（成交）金额：268,000.00元",
        "评审委员会成员：周立群（组长）、吴海燕、郑国强、孙晓梅、钱文（采购人代表）", "确定方式：采购人确定排名第一的中标候选人",
        "1个工作日，至2026年12月4日 23:59", "至2026年12月15日 23:59")
        .doesNotContain("87.25", SECOND_NAME);
    assertThat(award.timer(stage, "Timer_ChallengeWindowEnds").getDuedate())
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 15, 23, 59, 59, 0, ProcurementTime.ZONE).toInstant()));

    assertThat(results.ownResult(project, SECOND)).hasValueSatisfying(own -> {
      assertThat(own.rank()).isEqualTo(2);
      assertThat(own.bidderCount()).isEqualTo(3);
      assertThat(own.totalScore()).isEqualByComparingTo("87.25");
      assertThat(own.winner()).isFalse();
      assertThat(own.winnerName()).isEqualTo(FIRST_NAME);
    });
    assertThat(results.ownResult(project, FIRST)).hasValueSatisfying(own -> assertThat(own.winner()).isTrue());
    assertThat(results.ownResult(project, NON_BIDDER)).isEmpty();

    mails.deliver(project);
    MimeMessage toSecond = MailDeliveries.mailsTo(greenMail, SECOND + "@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【中标结果】")).findFirst().orElseThrow();
    assertThat(toSecond.getSubject()).isEqualTo("【中标结果】" + project + " 崇川区居家养老上门服务 您的得分与排名");
    assertThat(toSecond.getContent().toString()).contains("南通惠民社区服务中心，您好", "排名：第2名（共3家）",
        "总分：87.25分", "贵单位未中标", "中标（成交）供应商：南通安乐居家养老服务社", "2026年12月15日 23:59",
        "/portal/projects/" + project).doesNotContain("90.50", "77.04");
    assertThat(MailDeliveries.mailsTo(greenMail, FIRST + "@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【中标结果】")).findFirst().orElseThrow().getContent().toString())
        .contains("贵单位为中标（成交）供应商", "总分：90.50分").doesNotContain("87.25");

    award.fire(stage, "Timer_ChallengeWindowEnds");
    assertThat(stage).isEnded().hasPassed("EndEvent_Awarded").hasNotPassed("Task_DeemFirstCandidateChosen");
    assertThat(award.historicVariable(stage, AWARD_OUTCOME)).isEqualTo(OUTCOME_AWARDED);
    assertThat(award.historicVariable(stage, WINNER)).isEqualTo(FIRST);
    assertThat(award.historicVariable(stage, WINNER_NAME)).isEqualTo(FIRST_NAME);
    assertThat(award.historicVariable(stage, AWARDED_PRICE)).isEqualTo(268000L);
    assertThat(award.historicVariable(stage, AWARD_NOTICE_DATE)).isEqualTo(notice.publishedAt().toString());
    assertThat(JsonValues.rows(award.historicVariable(stage, CANDIDATES))).extracting(r -> r.get("bidder"))
        .containsExactly(FIRST, SECOND, THIRD);
  }

  @Test
  void whenTheDepartmentDoesNotChooseWithinFiveWorkingDaysCandidateNumberOneStands() {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    assertThat(award.timer(stage, "Timer_DecisionDeadline").getDuedate())
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 10, 23, 59, 59, 0, ProcurementTime.ZONE).toInstant()));

    award.fire(stage, "Timer_DecisionDeadline");

    assertThat(stage).hasPassed("Task_DeemFirstCandidateChosen", "Task_PublishAwardNotice")
        .isWaitingAt("Timer_ChallengeWindowEnds");
    assertThat(award.task(stage, "Task_ChooseWinner")).isNull();
    assertThat(runtimeService.getVariable(stage.getId(), WINNER)).isEqualTo(FIRST);
    assertThat(runtimeService.getVariable(stage.getId(), WINNER_CHOSEN_BY)).isEqualTo(CHOSEN_BY_DEFAULT);
    assertThat(notices(purchase.getBusinessKey(), NoticeType.AWARD_NOTICE)).singleElement().satisfies(n ->
        assertThat(n.content()).contains("中标（成交）供应商：南通安乐居家养老服务社",
            "采购人未在评审报告送达后5个工作日内确定中标人，依法视为确定排名第一的中标候选人"));
  }

  @Test
  void choosingCandidateNumberTwoNeedsAReasonWhichTheNoticeShows() {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);

    assertThatThrownBy(() -> award.choose(stage, SECOND, "  ")).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("未选择排名第一的中标候选人时，请填写理由。");
    assertThatThrownBy(() -> award.choose(stage, NON_BIDDER, "理由")).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("所选供应商不在评审委员会推荐的中标候选人名单中。");
    assertThat(stage).isWaitingAt("Task_ChooseWinner");
    assertThat(runtimeService.getVariable(stage.getId(), WINNER)).isNull();
    assertThat(notices(purchase.getBusinessKey(), NoticeType.AWARD_NOTICE)).isEmpty();

    award.choose(stage, SECOND, "排名第一的供应商已书面放弃中标资格。");

    assertThat(runtimeService.getVariable(stage.getId(), WINNER)).isEqualTo(SECOND);
    assertThat(runtimeService.getVariable(stage.getId(), AWARDED_PRICE)).isEqualTo(260000L);
    assertThat(JsonValues.rows(runtimeService.getVariable(stage.getId(), CANDIDATES))).extracting(r -> r.get("bidder"))
        .containsExactly(SECOND, FIRST, THIRD);
    assertThat(notices(purchase.getBusinessKey(), NoticeType.AWARD_NOTICE)).singleElement().satisfies(n ->
        assertThat(n.content()).contains("中标（成交）供应商：南通惠民社区服务中心", "评审排名：第2名（共3家有效投标）",
            "采购人确定排名第2的中标候选人，理由：排名第一的供应商已书面放弃中标资格。"));
  }

  @Test
  void aRejectedChallengeFollowedByAnUpheldComplaintSuspendsResumesAndOverturnsTheAward() throws Exception {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    String project = purchase.getBusinessKey();
    award.choose(stage, FIRST, null);

    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    String challengeId = challenges.file(project, SECOND, "中标供应商的养老护理员资格证书不足招标文件要求的20人。");
    Task reply = award.task(stage, "Task_ReplyToChallenge");
    assertThat(reply.getDueDate()).isEqualTo(workingDays.after(MONDAY_MORNING.toLocalDate(), 7));
    assertThat(engine.getTaskService().getVariable(reply.getId(), CHALLENGER_NAME)).isEqualTo(SECOND_NAME);
    award.reply(stage, REJECTED, null, "经核查，中标供应商持证护理员23人，符合招标文件要求。");
    assertThat(disputes.challenge(challengeId)).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(REJECTED));
    assertThat(stage).isWaitingAt("Gateway_ComplaintOrNot", "Timer_ChallengeWindowEnds");

    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.plusDays(2).toInstant()));
    String complaintId = complaints.file(project, SECOND, "采购单位的答复未核实证书真伪，请求重新评审。");
    ProcessInstance complaint = runtimeService.createProcessInstanceQuery().processDefinitionKey(COMPLAINT_PROCESS_KEY)
        .processInstanceBusinessKey(project).singleResult();
    assertThat(complaint).isWaitingAt("Task_AcceptComplaint");
    assertThat(disputes.complaint(complaintId)).hasValueSatisfying(c -> {
      assertThat(c.processInstanceId()).isEqualTo(complaint.getId());
      assertThat(c.decisionDeadline().toInstant()).isEqualTo(workingDays.after(ProcurementTime.today(), 30).toInstant());
    });
    assertThat(stage).isWaitingAt("Message_ComplaintDecided");

    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_AcceptComplaint",
        Variables.createVariables().putValue(SUSPEND_PROCUREMENT, "true"));
    assertThat(suspended(stage)).isTrue();
    assertThat(suspended(purchase)).isTrue();
    assertThat(suspended(complaint)).isFalse();
    assertThat(complaint).isWaitingAt("Task_DecideComplaint");
    assertThatThrownBy(() -> challenges.file(project, THIRD, "另一项质疑。")).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("因投诉处理已暂停");

    assertThatThrownBy(() -> award.completeAs(FINANCE_OFFICIAL, complaint, "Task_DecideComplaint",
        Variables.createVariables().putValue(COMPLAINT_DECISION, UPHELD).putValue(COMPLAINT_DECISION_TEXT, "证书造假属实。")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请选择投诉成立后的处理。");
    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_DecideComplaint", Variables.createVariables()
        .putValue(COMPLAINT_DECISION, UPHELD).putValue(COMPLAINT_REMEDY, OUTCOME_RE_TENDER)
        .putValue(COMPLAINT_DECISION_TEXT, "经核查，中标供应商提交的8份护理员证书系伪造，评审依据不实。"));
    assertThat(complaint).isWaitingAt("Task_ReportDecisionToAward");
    award.runJobs(complaint);

    assertThat(complaint).isEnded().hasPassed("Task_ResumeProcurement", "Task_PublishComplaintDecision",
        "Task_ReportDecisionToAward");
    assertThat(suspended(purchase)).isFalse();
    assertThat(purchase).isWaitingAt("Task_ReviewRequest");
    assertThat(stage).isEnded().hasPassed("EndEvent_ComplaintUpheld", "EndEvent_AwardOverturned")
        .hasNotPassed("EndEvent_Awarded");
    assertThat(award.historicVariable(stage, AWARD_OUTCOME)).isEqualTo(OUTCOME_RE_TENDER);
    assertThat((String) award.historicVariable(stage, FAILED_TENDER_REASON)).startsWith("投诉成立");
    assertThat(notices(project, NoticeType.COMPLAINT_DECISION)).singleElement().satisfies(n -> {
      assertThat(n.title()).isEqualTo("财政局关于崇川区居家养老上门服务投诉的处理决定");
      assertThat(n.content()).contains("投诉人：南通惠民社区服务中心", "投诉事项成立，责令重新开展采购活动",
          "处理期间曾暂停采购活动，现已恢复");
    });

    mails.deliver(project);
    assertThat(MailDeliveries.mailsTo(greenMail, SECOND + "@demo.local")).extracting(MailDeliveries::subject)
        .contains("【质疑答复】" + project + " 崇川区居家养老上门服务 中标结果质疑",
            "【投诉处理决定】" + project + " 崇川区居家养老上门服务 政府采购投诉");
    assertThat(MailDeliveries.mailsTo(greenMail, SECOND + "@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【质疑答复】")).findFirst().orElseThrow().getContent()
        .toString()).contains("质疑不成立，维持中标结果", "向同级财政部门投诉");
    assertThat(MailDeliveries.mailsTo(greenMail, "caizheng@demo.local")).extracting(MailDeliveries::subject)
        .contains("【收到投诉】" + project + " 崇川区居家养老上门服务 政府采购投诉");
  }

  @Test
  void aSuspensionEndsByItselfAfterThirtyDaysAndARejectedComplaintLetsTheAwardStand() {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    String project = purchase.getBusinessKey();
    award.choose(stage, FIRST, null);
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    challenges.file(project, THIRD, "价格分计算有误。");
    award.reply(stage, REJECTED, null, "价格分按招标文件公式计算，无误。");
    complaints.file(project, THIRD, "价格分计算有误，采购单位答复不实。");
    ProcessInstance complaint = runtimeService.createProcessInstanceQuery().processDefinitionKey(COMPLAINT_PROCESS_KEY)
        .processInstanceBusinessKey(project).singleResult();
    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_AcceptComplaint",
        Variables.createVariables().putValue(SUSPEND_PROCUREMENT, "true"));
    assertThat(suspended(stage)).isTrue();
    assertThat(award.timer(complaint, "Timer_SuspensionEnds").getDuedate())
        .isEqualTo(Date.from(MONDAY_MORNING.plusDays(30).toInstant()));

    award.fire(complaint, "Timer_SuspensionEnds");
    assertThat(suspended(stage)).isFalse();
    assertThat(suspended(purchase)).isFalse();
    assertThat(complaint).isWaitingAt("Task_DecideComplaint");

    award.completeAs(FINANCE_OFFICIAL, complaint, "Task_DecideComplaint", Variables.createVariables()
        .putValue(COMPLAINT_DECISION, REJECTED).putValue(COMPLAINT_DECISION_TEXT, "价格分计算符合招标文件。"));
    award.runJobs(complaint);
    assertThat(complaint).isEnded();
    assertThat(notices(project, NoticeType.COMPLAINT_DECISION)).singleElement()
        .satisfies(n -> assertThat(n.content()).contains("驳回投诉，中标（成交）结果维持"));
    // the challenge window passed while suspended: its timer fires now
    award.fire(stage, "Timer_ChallengeWindowEnds");
    assertThat(stage).isEnded().hasPassed("EndEvent_AwardStands", "EndEvent_Awarded");
    assertThat(award.historicVariable(stage, AWARD_OUTCOME)).isEqualTo(OUTCOME_AWARDED);
  }

  @Test
  void anUpheldChallengeLeadsToReReviewAndKeepsTheContractFromStarting() throws Exception {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    String project = purchase.getBusinessKey();
    award.choose(stage, FIRST, null);
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    challenges.file(project, SECOND, "评审专家对我单位服务方案的评分与评分标准不符。");

    // the window ends while the challenge is open: the stage does not end, so no contract signing starts
    award.fire(stage, "Timer_ChallengeWindowEnds");
    assertThat(stage).isNotEnded().hasPassed("EndEvent_Awarded").isWaitingAt("Task_ReplyToChallenge");

    assertThatThrownBy(() -> award.reply(stage, UPHELD, null, "评分确有错误。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请选择质疑成立后的处理。");
    award.reply(stage, UPHELD, OUTCOME_RE_REVIEW, "经复核，第3项评分标准适用错误，由原评审委员会重新评审。");

    assertThat(stage).isEnded().hasPassed("EndEvent_ChallengeUpheld", "EndEvent_AwardOverturned");
    assertThat(award.historicVariable(stage, AWARD_OUTCOME)).isEqualTo(OUTCOME_RE_REVIEW);
    mails.deliver(project);
    assertThat(MailDeliveries.mailsTo(greenMail, SECOND + "@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【质疑答复】")).findFirst().orElseThrow().getContent()
        .toString()).contains("质疑成立，本项目将由评审委员会重新评审", "第3项评分标准适用错误");
  }

  @Test
  void aChallengeBeforeTheNoticeOrAfterTheWindowIsRefusedAndNothingIsSaved() {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    String project = purchase.getBusinessKey();
    assertThatThrownBy(() -> challenges.file(project, SECOND, "理由。")).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("项目" + project + "的中标结果尚未公告，暂不受理质疑。");
    award.choose(stage, FIRST, null);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 16, 0, 0, 1, 0, ProcurementTime.ZONE).toInstant()));

    assertThatThrownBy(() -> challenges.file(project, SECOND, "迟到的质疑。"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("项目" + project + "的质疑期已于2026年12月15日 23:59结束，不再受理质疑。");
    assertThat(disputes.challengesOf(project)).isEmpty();
    assertThat(award.task(stage, "Task_ReplyToChallenge")).isNull();
    assertThatThrownBy(() -> challenges.file("NT-2026-9997", SECOND, "理由。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("项目NT-2026-9997没有正在公示的中标结果，请核对项目编号。");
  }

  @Test
  void onlyBiddersChallengeOnceWithGroundsAlsoThroughTheTasklistStartForm() {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    String project = purchase.getBusinessKey();
    award.choose(stage, FIRST, null);

    assertThatThrownBy(() -> challenges.file(project, NON_BIDDER, "我单位认为结果不公。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("只有参加本项目投标的供应商才能对中标结果提出质疑。");
    assertThatThrownBy(() -> challenges.file(project, SECOND, " ")).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("请填写质疑事项及理由。");
    assertThatThrownBy(() -> startChallengeForm(NON_BIDDER, project, "我单位认为结果不公。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("只有参加本项目投标的供应商才能对中标结果提出质疑。");
    assertThat(disputes.challengesOf(project)).isEmpty();
    assertThat(BpmnAwareTests.historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CHALLENGE_PROCESS_KEY).processInstanceBusinessKey(project).count()).isZero();

    // an opened but disqualified bidder may challenge too, through Tasklist's start form
    ProcessInstance filed = startChallengeForm(DISQUALIFIED, project.toLowerCase(), "我单位的资格审查结论有误。");
    assertThat(filed.getBusinessKey()).isEqualTo(project);
    assertThat(award.task(stage, "Task_ReplyToChallenge")).isNotNull();
    assertThat(disputes.challengesOf(project)).singleElement()
        .satisfies(c -> assertThat(c.bidderName()).isEqualTo("南通阳光养老服务中心"));
    assertThatThrownBy(() -> challenges.file(project, DISQUALIFIED, "补充一项质疑。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("质疑应一次性提出");
    assertThatThrownBy(() -> startChallengeForm(FINANCE_OFFICIAL, project, "财政部门不应通过此途径质疑。"))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
  }

  @Test
  void aComplaintWithoutAPriorRejectedChallengeIsRefusedAndNothingIsSaved() {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    String project = purchase.getBusinessKey();
    award.choose(stage, FIRST, null);
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));

    assertThatThrownBy(() -> complaints.file(project, THIRD, "评分不公。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("投诉前须先向采购单位提出质疑");
    challenges.file(project, THIRD, "评分不公。");
    assertThatThrownBy(() -> complaints.file(project, THIRD, "评分不公。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("质疑尚待采购单位答复");
    award.reply(stage, REJECTED, null, "评分符合标准。");
    assertThatThrownBy(() -> complaints.file(project, THIRD, ""))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请填写投诉事项及理由。");
    Date complaintEnd = (Date) runtimeService.getVariable(award.timer(stage, "Timer_ComplaintWindowEnds").getExecutionId(),
        COMPLAINT_WINDOW_END);
    ClockUtil.setCurrentTime(new Date(complaintEnd.getTime() + 2000));
    assertThatThrownBy(() -> complaints.file(project, THIRD, "评分不公。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("投诉期已于");

    assertThat(disputes.complaintsOf(project)).isEmpty();
    assertThat(BpmnAwareTests.historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(COMPLAINT_PROCESS_KEY).processInstanceBusinessKey(project).count()).isZero();
    // without a complaint the award stands once both periods are over
    award.fire(stage, "Timer_ComplaintWindowEnds");
    award.fire(stage, "Timer_ChallengeWindowEnds");
    assertThat(stage).isEnded().hasPassed("EndEvent_NoComplaint", "EndEvent_Awarded");
    assertThat(award.historicVariable(stage, AWARD_OUTCOME)).isEqualTo(OUTCOME_AWARDED);
  }

  @Test
  void aLateReplyIsEscalatedToTheSupervisorsAndTheChallengeStaysOpen() throws Exception {
    ProcessInstance purchase = award.purchase();
    ProcessInstance stage = award.stage(purchase);
    String project = purchase.getBusinessKey();
    award.choose(stage, FIRST, null);
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    challenges.file(project, SECOND, "中标供应商近三年有重大违法记录。");
    assertThat(award.timer(stage, "Timer_ChallengeReplyOverdue").getDuedate())
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 16, 23, 59, 59, 0, ProcurementTime.ZONE).toInstant()));

    award.fire(stage, "Timer_ChallengeReplyOverdue");

    assertThat(stage).hasPassed("Task_EscalateLateReply").isWaitingAt("Task_ReplyToChallenge");
    mails.deliver(project);
    assertThat(MailDeliveries.mailsTo(greenMail, "jiandu@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【质疑答复逾期】")).findFirst().orElseThrow()
        .getContent().toString()).contains("质疑供应商：南通惠民社区服务中心", "中标供应商近三年有重大违法记录。",
            "2026年12月16日 23:59");
  }

  // --- helpers --------------------------------------------------------------------------------------------

  private ProcessInstance startChallengeForm(String organisation, String projectNumber, String grounds) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CHALLENGE_PROCESS_KEY).latestVersion().singleResult().getId();
    people.actAs(organisation);
    try {
      return engine.getFormService().submitStartForm(definitionId, Variables.createVariables()
          .putValue(PROJECT_NUMBER, projectNumber).putValue(CHALLENGE_GROUNDS, grounds));
    } finally {
      people.actAsNobody();
    }
  }

  private boolean suspended(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().isSuspended();
  }

  private List<DisclosureNotice> notices(String project, NoticeType type) {
    return register.findByProject(project).stream().filter(n -> n.type() == type).toList();
  }

}
