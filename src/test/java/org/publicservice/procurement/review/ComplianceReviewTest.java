package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.review.ReviewStages.BIDS;
import static org.publicservice.procurement.review.ReviewStages.bidId;
import static org.publicservice.procurement.review.ReviewStages.compliant;
import static org.publicservice.procurement.review.ReviewStages.forgetCreditRecordsOfTheBidders;
import static org.publicservice.procurement.review.ReviewStages.inputs;
import static org.publicservice.procurement.review.ReviewStages.invalid;
import static org.publicservice.procurement.review.ReviewStages.queryPrice;
import static org.publicservice.procurement.review.ReviewVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.ocds.OcdsPublisher;
import org.publicservice.procurement.ocds.OcdsSchemas;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The panel's compliance review (87号令第五十条), invalid bids with their grounds (第六十三条), the abnormally-low-price
 * procedure (第六十条) with the bidder's written answer, and the failed tender when too few valid bids remain
 * (政府采购法第三十六条): driven as the chair and the bidders work them, the deadline reached by moving the clock.
 */
@ProcurementSpringTest
class ComplianceReviewTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(ReviewStageProcessTest.MONDAY);

  @Autowired ProcessEngine engine;
  @Autowired BidReviewResults results;
  @Autowired PriceExplanations explanations;
  @Autowired DisclosureRegister disclosure;
  @Autowired JdbcTemplate jdbc;
  @Autowired OcdsPublisher ocds;

  ReviewStages stages;

  @BeforeEach
  void setUp() {
    stages = new ReviewStages(engine, session.people());
    forgetCreditRecordsOfTheBidders(jdbc);
  }

  /** Qualification passed, panel seated: the chair has one compliance task per qualified bid. */
  ProcessInstance atComplianceReview(String project, Object[]... bids) {
    ProcessInstance stage = stages.start(inputs(project, 2_000_000, COMPREHENSIVE, 3, bids));
    stages.submitQualification(stage, stages.qualificationForm(bids.length, null));
    stages.acceptAll(stage);
    return stage;
  }

  @Test
  void aBidDeclaredInvalidLeavesTheScoringIsReportedWithItsReasonAndMailedToTheBidder() throws Exception {
    ProcessInstance stage = atComplianceReview("NT-2026-0931", BIDS);
    List<Task> reviews = stages.tasks(stage, "Task_ReviewCompliance");
    String chair = (String) engine.getRuntimeService().getVariable(stage.getId(), PANEL_CHAIR);
    assertThat(reviews).hasSize(4).allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo(chair));
    assertThat(reviews).extracting(Task::getName).contains("符合性审查：南通心语社会工作服务社");
    Task xinyu = stages.complianceTask(stage, bidId("NT-2026-0931", 2));
    assertThat((String) engine.getTaskService().getVariable(xinyu.getId(), COMPLIANCE_BID_INFO))
        .contains("报价：1,650,000.00元（为其他合格投标平均报价1,816,666.67元的91%）");

    // a finding without its ground or reason, or an explanation period out of range, changes nothing
    assertThatThrownBy(() -> stages.reviewCompliance(stage, 2, invalid(null, "未提交投标保证金缴纳凭证")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请选择无效投标的情形。");
    assertThatThrownBy(() -> stages.reviewCompliance(stage, 2, invalid("NO_BID_BOND", " ")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请填写认定投标无效的具体理由。");
    assertThatThrownBy(() -> stages.reviewCompliance(stage, 2, invalid("PRICE_NOT_JUSTIFIED", "报价过低")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("无效投标的情形的选项无效。");
    assertThatThrownBy(() -> stages.reviewCompliance(stage, 3, queryPrice("请说明人工成本测算。", 0)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("说明期限应为1至72小时。");
    assertThat(results.ofReview(stage.getId())).isEmpty();

    stages.reviewCompliance(stage, 2, invalid("NO_BID_BOND", "投标文件未附投标保证金缴纳凭证，保证金未到账。"));
    stages.reviewCompliance(stage, 1, compliant());
    stages.reviewCompliance(stage, 3, compliant());
    stages.reviewCompliance(stage, 4, compliant());

    assertThat(stage).isWaitingAt("Task_ScoreBids");
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), VALID_COUNT)).isEqualTo(3);
    // each member scores the three valid bids, the invalid one is not on the sheet
    assertThat(JsonValues.rows(engine.getTaskService().getVariable(stages.tasks(stage, "Task_ScoreBids").get(0).getId(),
        SCORE_SHEET))).extracting(row -> row.get("bidderName"))
        .containsExactly("南通阳光养老服务中心", "南通惠民社区服务中心", "南通安乐居家养老服务社");
    stages.scoreAll(stage, new double[][] {{36, 18, 9}, {38, 19, 10}, {32, 16, 8}});
    String report = (String) engine.getRuntimeService().getVariable(stage.getId(), REPORT_TEXT);
    assertThat(report).contains("#### 符合性审查", "南通阳光养老服务中心：通过符合性审查",
        "南通心语社会工作服务社：无效投标，未按照招标文件的规定提交投标保证金（87号令第六十三条第一项）：投标文件未附投标保证金缴纳凭证，保证金未到账。");
    stages.confirmAll(stage);

    assertThat(stage).isEnded().hasPassed("EndEvent_Ranked");
    assertThat(JsonValues.rows(stages.variable(stage, RANKING))).extracting(r -> r.get("bidder"))
        .containsExactlyInAnyOrder("org-yangguang", "org-huimin", "org-anle");
    assertThat(results.ofReview(stage.getId())).extracting(BidReviewResults.Result::bidder,
        BidReviewResults.Result::outcome).containsExactly(
            org.assertj.core.groups.Tuple.tuple("org-xinyu", "INVALID"),
            org.assertj.core.groups.Tuple.tuple("org-yangguang", "VALID"),
            org.assertj.core.groups.Tuple.tuple("org-huimin", "VALID"),
            org.assertj.core.groups.Tuple.tuple("org-anle", "VALID"));

    session.mails().deliver("NT-2026-0931");
    List<MimeMessage> toXinyu = MailDeliveries.mailsTo(greenMail, "org-xinyu@demo.local");
    assertThat(toXinyu).extracting(MailDeliveries::subject).contains("【投标无效通知】NT-2026-0931 崇川区居家养老上门服务");
    assertThat(toXinyu.stream().filter(m -> MailDeliveries.subject(m).startsWith("【投标无效通知】")).findFirst()
        .orElseThrow().getContent().toString()).contains("未按照招标文件的规定提交投标保证金（87号令第六十三条第一项）",
            "保证金未到账");
    assertThat(MailDeliveries.mailsTo(greenMail, "org-huimin@demo.local")).extracting(MailDeliveries::subject)
        .noneMatch(s -> s.startsWith("【投标无效通知】"));
  }

  @Test
  void aLongBidAndALongPriceExplanationReachTheChairWhole() {
    // a service plan of 12,000 characters (a bid may have 20,000) and an answer of 6,000 (8,000 allowed): each more
    // than the 4,000 characters a String variable holds, which made the review's task fail to open
    String plan = "第一部分 服务内容与流程。" + "上门探访、助餐、助洁、紧急呼叫响应，逐户建立服务档案。".repeat(450);
    VariableMap in = inputs("NT-2026-0971", 2_000_000, COMPREHENSIVE, 3, BIDS[0], BIDS[1], BIDS[2],
        new Object[] {"org-anle", "南通安乐居家养老服务社", 900_000});
    List<Map<String, Object>> bids = JsonValues.rows(
        ((SerializableValue) in.getValueTyped(OPENED_BIDS)).getValueSerialized());
    bids.get(3).put("servicePlan", plan);
    in.putValueTyped(OPENED_BIDS, SpinValues.jsonValue(JsonValues.toJson(bids)).create());
    ProcessInstance stage = stages.start(in);
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    stages.acceptAll(stage);

    Task anle = stages.complianceTask(stage, bidId("NT-2026-0971", 4));
    assertThat((String) engine.getTaskService().getVariable(anle.getId(), COMPLIANCE_BID_INFO)).contains(plan);
    stages.reviewCompliance(stage, 4, queryPrice("报价约为其他投标的一半，请说明人工成本和服务人次的测算依据。", 24));
    BidReviewResults.PriceQuery query = results.query(stage.getId(), bidId("NT-2026-0971", 4)).orElseThrow();
    String answer = "测算依据如下。" + "护理员按月薪4,200元、每人每月服务120人次测算，人工成本每人次35元。".repeat(170);
    TasklistDriver.at(ReviewStageProcessTest.MONDAY.plusHours(5));
    explanations.answer("org-anle", query.id(), answer);
    Task assess = stages.task(stage, "Task_AssessPriceExplanation");
    assertThat((String) engine.getTaskService().getVariable(assess.getId(), EXPLANATION_TEXT)).contains(answer);
  }

  @Test
  void anAbnormallyLowPriceExplainedInTimeThroughThePortalIsAcceptedAndTheBidIsScored() throws Exception {
    Object[] cheap = {"org-anle", "南通安乐居家养老服务社", 900_000};
    ProcessInstance stage = atComplianceReview("NT-2026-0932", BIDS[0], BIDS[1], BIDS[2], cheap);
    stages.reviewCompliance(stage, 1, compliant());
    stages.reviewCompliance(stage, 2, compliant());
    stages.reviewCompliance(stage, 3, compliant());
    stages.reviewCompliance(stage, 4, queryPrice("报价约为其他投标的一半，请说明人工成本和服务人次的测算依据。", 24));

    assertThat(stage).isWaitingAt("ReceiveTask_PriceExplanation");
    BidReviewResults.PriceQuery query = results.query(stage.getId(), bidId("NT-2026-0932", 4)).orElseThrow();
    assertThat(query.dueAt().toInstant()).isEqualTo(ReviewStageProcessTest.MONDAY.plusHours(24).toInstant());
    session.mails().deliver("NT-2026-0932");
    assertThat(MailDeliveries.mailsTo(greenMail, "org-anle@demo.local")).anySatisfy(mail -> {
      assertThat(MailDeliveries.subject(mail)).isEqualTo("【报价说明】NT-2026-0932 崇川区居家养老上门服务");
      assertThat(mail.getContent().toString()).contains("投标报价：900,000.00元", "说明期限：2026年12月8日 09:00",
          "人工成本", "/portal/bidder/price-explanations");
    });

    // only the bidder asked may answer, once, with something written
    assertThat(explanations.of("org-huimin")).noneMatch(q -> q.projectNumber().equals("NT-2026-0932"));
    assertThatThrownBy(() -> explanations.answer("org-huimin", query.id(), "我们也想说明。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("没有找到贵单位的这项报价说明要求。");
    assertThatThrownBy(() -> explanations.answer("org-anle", query.id(), "  "))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请填写书面说明。");
    TasklistDriver.at(ReviewStageProcessTest.MONDAY.plusHours(5));
    explanations.answer("org-anle", query.id(), "本社自有日间照料中心两处，护理员为本社长期聘用人员，人工成本已按最低工资标准测算，附测算表。");
    assertThatThrownBy(() -> explanations.answer("org-anle", query.id(), "再补充一点。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("不能重复提交");

    Task assess = stages.task(stage, "Task_AssessPriceExplanation");
    assertThat(assess.getName()).isEqualTo("审查报价说明：南通安乐居家养老服务社");
    assertThat((String) engine.getTaskService().getVariable(assess.getId(), EXPLANATION_TEXT))
        .contains("人工成本和服务人次", "自有日间照料中心两处");
    assertThatThrownBy(() -> stages.submitAs(assess.getAssignee(), assess, Variables.createVariables()
        .putValue(EXPLANATION_DECISION, REJECT)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请写明理由");
    stages.submitAs(assess.getAssignee(), assess, Variables.createVariables().putValue(EXPLANATION_DECISION, ACCEPT));
    stages.runJobs(stage);

    assertThat(stage).isWaitingAt("Task_ScoreBids");
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), VALID_COUNT)).isEqualTo(4);
    assertThat(results.query(query.id()).orElseThrow().decision()).isEqualTo(BidReviewResults.ACCEPTED);
    assertThat(explanations.of("org-anle")).filteredOn(q -> q.projectNumber().equals("NT-2026-0932"))
        .singleElement().satisfies(q -> assertThat(q.answer()).contains("自有日间照料中心"));
  }

  @Test
  void anUnansweredAndARejectedExplanationMakeTheBidsInvalidAndTooFewValidBidsFailTheTender() throws Exception {
    Object[] cheap = {"org-anle", "南通安乐居家养老服务社", 900_000};
    Object[] cheaper = {"org-qingchun", "南通青春志愿服务协会", 850_000};
    ProcessInstance stage = atComplianceReview("NT-2026-0933", BIDS[0], BIDS[1], cheap, cheaper);
    stages.reviewCompliance(stage, 1, compliant());
    stages.reviewCompliance(stage, 2, compliant());
    stages.reviewCompliance(stage, 3, queryPrice("请说明报价的构成。", 4));
    stages.reviewCompliance(stage, 4, queryPrice("请说明报价的构成。", 8));
    long anle = results.query(stage.getId(), bidId("NT-2026-0933", 3)).orElseThrow().id();
    long qingchun = results.query(stage.getId(), bidId("NT-2026-0933", 4)).orElseThrow().id();

    // the second answers and the panel is not convinced
    explanations.answer("org-qingchun", qingchun, "本协会以志愿者为主，报价仅含交通补贴。");
    Task assess = stages.task(stage, "Task_AssessPriceExplanation");
    stages.submitAs(assess.getAssignee(), assess, Variables.createVariables().putValue(EXPLANATION_DECISION, REJECT)
        .putValue(EXPLANATION_DECISION_REASON, "以志愿者替代专业护理员，不能满足招标文件对持证护理员的要求。"));
    stages.runJobs(stage);
    assertThat(stage).isWaitingAt("ReceiveTask_PriceExplanation");

    // the first lets its 4 hours pass: the timer makes the bid invalid, and a late answer is refused
    ZonedDateTime late = ReviewStageProcessTest.MONDAY.plusHours(4).plusMinutes(1);
    TasklistDriver.at(late);
    assertThatThrownBy(() -> explanations.answer("org-anle", anle, "迟到的说明。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("说明期限（2026年12月7日 13:00）已过，不再受理。");
    stages.runJobs(stage);

    assertThat(stage).isEnded().hasPassed("Timer_ExplanationDue", "ServiceTask_CloseTooFewValid",
        "EndEvent_TooFewValid").hasNotPassed("Task_ScoreBids");
    assertThat(stages.variable(stage, REVIEW_OUTCOME)).isEqualTo(TOO_FEW_VALID);
    assertThat((String) stages.variable(stage, FAILED_TENDER_REASON))
        .isEqualTo("符合性审查后有效投标只有2家，不足3家，本次采购废标（政府采购法第三十六条第一项）。");
    assertThat(results.query(anle).orElseThrow().decision()).isEqualTo(BidReviewResults.NO_ANSWER);
    assertThat(results.ofReview(stage.getId())).extracting(BidReviewResults.Result::bidder,
        BidReviewResults.Result::outcome, BidReviewResults.Result::ground).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("org-yangguang", "VALID", null),
            org.assertj.core.groups.Tuple.tuple("org-xinyu", "VALID", null),
            org.assertj.core.groups.Tuple.tuple("org-anle", "INVALID", "PRICE_NOT_JUSTIFIED"),
            org.assertj.core.groups.Tuple.tuple("org-qingchun", "INVALID", "PRICE_NOT_JUSTIFIED"));
    assertThat(disclosure.findByProject("NT-2026-0933")).singleElement().satisfies(notice -> {
      assertThat(notice.type()).isEqualTo(NoticeType.FAILED_TENDER);
      assertThat(notice.content()).contains("废标理由：符合性审查后有效投标只有2家，不足3家",
          "无效投标：南通安乐居家养老服务社，报价明显低于其他通过符合性审查投标人的报价，投标人不能证明其报价合理性（87号令第六十条）："
              + RecordUnexplainedPriceDelegate.REASON,
          "无效投标：南通青春志愿服务协会，", "不能满足招标文件对持证护理员的要求");
    });

    // the open data show the failed tender with each bid's status, and stay valid OCDS
    var releases = ocds.projectReleases("NT-2026-0933").orElseThrow();
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, releases)).isEmpty();
    var failed = releases.get("releases").get(0);
    assertThat(failed.at("/tender/status").asText()).isEqualTo("unsuccessful");
    List<String> statuses = new java.util.ArrayList<>();
    failed.at("/bids/details").forEach(bid -> statuses.add(bid.at("/tenderers/0/name").asText() + ":"
        + bid.get("status").asText()));
    assertThat(statuses).containsExactlyInAnyOrder("南通阳光养老服务中心:valid", "南通心语社会工作服务社:valid",
        "南通安乐居家养老服务社:disqualified", "南通青春志愿服务协会:disqualified");

    session.mails().deliver("NT-2026-0933");
    for (String bidder : List.of("org-yangguang", "org-xinyu", "org-anle", "org-qingchun")) {
      assertThat(MailDeliveries.mailsTo(greenMail, bidder + "@demo.local")).as(bidder)
          .extracting(MailDeliveries::subject).contains("【废标通知】NT-2026-0933 崇川区居家养老上门服务 评审后有效投标不足");
    }
    MimeMessage toYangguang = MailDeliveries.mailsTo(greenMail, "org-yangguang@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【废标通知】")).findFirst().orElseThrow();
    assertThat(toYangguang.getContent().toString()).contains("贵单位投标的评审结果：有效投标").doesNotContain("志愿者");
    assertThat(MailDeliveries.mailsTo(greenMail, "minzheng@demo.local")).extracting(MailDeliveries::subject)
        .contains("【有效投标不足】NT-2026-0933 崇川区居家养老上门服务");
    // what the bidder reads back on its portal page
    assertThat(explanations.of("org-anle")).filteredOn(q -> q.projectNumber().equals("NT-2026-0933"))
        .singleElement().satisfies(q -> {
      assertThat(q.decision()).isEqualTo(BidReviewResults.NO_ANSWER);
      assertThat(q.answer()).isNull();
    });
  }
}
