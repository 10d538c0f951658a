package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.review.ReviewStages.BIDS;
import static org.publicservice.procurement.review.ReviewStages.forgetCreditRecordsOfTheBidders;
import static org.publicservice.procurement.review.ReviewStages.inputs;
import static org.publicservice.procurement.review.ReviewVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.tender.FinalOffers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 竞争性磋商 and 竞争性谈判 after the compliance review: rounds in which the panel talks with each supplier on its own
 * (records confidential to that supplier), changes to the documents sent to every supplier still in, a supplier
 * leaving, sealed final offers by a deadline, then scoring (磋商) or the lowest final offer (谈判); too few final
 * offers end it (74号令第三十一条至第三十七条; 214号).
 */
@ProcurementSpringTest
class NegotiationRoundsTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(ReviewStageProcessTest.MONDAY);

  @Autowired ProcessEngine engine;
  @Autowired FinalOffers finalOffers;
  @Autowired NegotiationRecords negotiations;
  @Autowired BidReviewResults results;
  @Autowired JdbcTemplate jdbc;

  ReviewStages stages;

  @BeforeEach
  void setUp() {
    stages = new ReviewStages(engine, session.people());
    forgetCreditRecordsOfTheBidders(jdbc);
  }

  ProcessInstance negotiating(String project, String method, String evaluation, int minimum, Object[]... bids) {
    VariableMap in = inputs(project, 2_000_000, evaluation, minimum, bids).putValue(PROCUREMENT_METHOD, method);
    if (COMPREHENSIVE.equals(evaluation)) {
      in.putValue(PRICE_WEIGHT, 20L);
    }
    ProcessInstance stage = stages.start(in);
    stages.submitQualification(stage, stages.qualificationForm(bids.length, null));
    stages.acceptAll(stage);
    stages.passCompliance(stage);
    return stage;
  }

  long finalOfferCall(ProcessInstance stage) {
    return ((Number) engine.getRuntimeService().getVariable(stage.getId(), FINAL_OFFER_CALL)).longValue();
  }

  void reachFinalOfferDeadline(ProcessInstance stage) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(stage.getId())
        .activityId("Timer_FinalOfferDeadline").singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    stages.runJobs(stage);
  }

  @Test
  void thePanelTalksWithASupplierSeeingItsWholeServicePlan() {
    // a plan of 12,000 characters (a bid may have 20,000): more than the 4,000 characters a String variable holds,
    // which made the round fail to open
    String plan = "第一部分 服务内容与流程。" + "上门探访、助餐、助洁、紧急呼叫响应，逐户建立服务档案。".repeat(450);
    VariableMap in = inputs("NT-2026-0974", 2_000_000, COMPREHENSIVE, 2, BIDS[0], BIDS[1], BIDS[2])
        .putValue(PROCUREMENT_METHOD, COMPETITIVE_CONSULTATION).putValue(PRICE_WEIGHT, 20L);
    List<Map<String, Object>> bids = JsonValues.rows(((org.camunda.bpm.engine.variable.value.SerializableValue) in
        .getValueTyped(OPENED_BIDS)).getValueSerialized());
    bids.get(1).put("servicePlan", plan);
    in.putValueTyped(OPENED_BIDS, org.camunda.spin.plugin.variable.SpinValues.jsonValue(JsonValues.toJson(bids))
        .create());
    ProcessInstance stage = stages.start(in);
    stages.submitQualification(stage, stages.qualificationForm(3, null));
    stages.acceptAll(stage);
    stages.passCompliance(stage);

    assertThat(stages.tasks(stage, "Task_NegotiateWithSupplier")).hasSize(3)
        .anySatisfy(talk -> assertThat((String) engine.getTaskService().getVariable(talk.getId(),
            NEGOTIATION_BID_INFO)).contains(plan));
  }

  @Test
  void aConsultationWithTwoRoundsAChangeOfTheDocumentsAWithdrawalAndSealedFinalOffersIsScoredOnTheFinalPrices()
      throws Exception {
    ProcessInstance stage = negotiating("NT-2026-0941", COMPETITIVE_CONSULTATION, COMPREHENSIVE, 2, BIDS[0], BIDS[1],
        BIDS[2]);

    // round 1: the panel talks with each of the three on its own
    List<Task> talks = stages.tasks(stage, "Task_NegotiateWithSupplier");
    assertThat(talks).hasSize(3).extracting(Task::getName).contains("第1轮磋商：南通心语社会工作服务社");
    String chair = (String) engine.getRuntimeService().getVariable(stage.getId(), PANEL_CHAIR);
    assertThat(talks).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo(chair));
    assertThatThrownBy(() -> stages.submitAs(chair, talks.get(0), org.camunda.bpm.engine.variable.Variables
        .createVariables().putValue(NEGOTIATION_NOTES, " ")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请填写本轮磋商记录。");
    stages.talkWithEach(stage, "就夜间紧急呼叫响应时间进行磋商，供应商承诺30分钟内到场");
    assertThatThrownBy(() -> stages.concludeRound(stage, null, FINAL_OFFERS, 0))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("最后报价期限应为1至72小时。");
    stages.concludeRound(stage, "服务对象由800名调整为850名；增加夜间紧急呼叫响应要求（30分钟内到场）。", ANOTHER_ROUND, null);

    // round 2: 惠民 leaves; then the final offers
    assertThat(stages.tasks(stage, "Task_NegotiateWithSupplier")).hasSize(3)
        .extracting(Task::getName).contains("第2轮磋商：南通惠民社区服务中心");
    stages.talkWithEach(stage, "确认变动后的服务要求", "org-huimin");
    stages.concludeRound(stage, null, FINAL_OFFERS, 24);

    assertThat(stage).isWaitingAt("Timer_FinalOfferDeadline");
    long call = finalOfferCall(stage);
    assertThat(finalOffers.callsOf("org-yangguang")).filteredOn(c -> c.id() == call).singleElement()
        .satisfies(c -> assertThat(c.open()).isTrue());
    assertThat(finalOffers.callsOf("org-huimin")).noneMatch(c -> c.id() == call);
    assertThatThrownBy(() -> finalOffers.submit(call, "org-huimin", new BigDecimal("1500000"), null))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("贵单位不是本次最后报价的受邀供应商。");
    assertThatThrownBy(() -> finalOffers.submit(call, "org-xinyu", new BigDecimal("2000000.01"), null))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("超过采购预算");
    finalOffers.submit(call, "org-yangguang", new BigDecimal("1790000"), "含夜间值守人员2名");
    finalOffers.submit(call, "org-xinyu", new BigDecimal("1720000"), null);
    finalOffers.submit(call, "org-yangguang", new BigDecimal("1760000"), "替换：含夜间值守人员2名");
    // sealed until the deadline: counted, never readable, no price in a column or a variable
    assertThat(finalOffers.countOffers(call)).isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT * FROM final_offer WHERE call_id = ?", call).toString())
        .doesNotContain("1760000", "1720000", "1790000");
    assertThat(engine.getRuntimeService().getVariables(stage.getId()).toString()).doesNotContain("1760000");
    assertThat(finalOffers.ownOffer(call, "org-yangguang")).hasValueSatisfying(o ->
        assertThat(o.price()).isEqualByComparingTo("1760000"));
    assertThatThrownBy(() -> finalOffers.openOffers(call)).isInstanceOf(IllegalStateException.class);

    reachFinalOfferDeadline(stage);
    assertThatThrownBy(() -> finalOffers.submit(call, "org-xinyu", new BigDecimal("1700000"), null))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("截止时间");

    // 2 final offers suffice for the consultation of a purchased service; scored on the final prices
    assertThat(stage).isWaitingAt("Task_ScoreBids");
    assertThat(JsonValues.rows(engine.getTaskService().getVariable(stages.tasks(stage, "Task_ScoreBids").get(0).getId(),
        SCORE_SHEET))).hasSize(2);
    stages.scoreAll(stage, new double[][] {{40, 20, 10}, {36, 18, 9}});
    stages.confirmAll(stage);
    assertThat(stage).isEnded().hasPassed("ServiceTask_OpenFinalOffers", "EndEvent_Ranked");
    List<Map<String, Object>> ranking = JsonValues.rows(stages.variable(stage, RANKING));
    assertThat(ranking).extracting(r -> r.get("bidder")).containsExactly("org-yangguang", "org-xinyu");
    assertThat(new BigDecimal(ranking.get(0).get("price").toString())).isEqualByComparingTo("1760000");
    // price score on the final offers: 1,720,000 / 1,760,000 x 20
    assertThat(new BigDecimal(ranking.get(0).get("priceScore").toString())).isEqualByComparingTo("19.55");
    assertThat(results.ofReview(stage.getId())).filteredOn(r -> r.bidder().equals("org-huimin")).singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(BidReviewResults.WITHDRAWN));

    // the file: two rounds of talks, one change of the documents
    List<NegotiationRecords.Entry> file = negotiations.ofReview(stage.getId());
    assertThat(file).filteredOn(e -> e.kind().equals(NegotiationRecords.TALK)).hasSize(6);
    assertThat(file).filteredOn(e -> e.kind().equals(NegotiationRecords.DOCUMENT_CHANGE)).singleElement()
        .satisfies(e -> assertThat(e.round()).isEqualTo(1));

    // each supplier reads its own talks only; the change goes to all three still in after round 1
    session.mails().deliver("NT-2026-0941");
    List<String> toXinyu = MailDeliveries.mailsTo(greenMail, "org-xinyu@demo.local").stream()
        .map(m -> MailDeliveries.subject(m) + "\n" + content(m)).toList();
    assertThat(toXinyu).anyMatch(m -> m.startsWith("【磋商记录】NT-2026-0941 崇川区居家养老上门服务 第1轮")
        && m.contains("（org-xinyu）"));
    assertThat(String.join("\n", toXinyu)).doesNotContain("（org-yangguang）", "（org-huimin）");
    for (String supplier : List.of("org-yangguang", "org-xinyu", "org-huimin")) {
      assertThat(MailDeliveries.mailsTo(greenMail, supplier + "@demo.local")).extracting(MailDeliveries::subject)
          .contains("【采购文件变动】NT-2026-0941 崇川区居家养老上门服务 第1轮磋商后");
    }
    assertThat(MailDeliveries.mailsTo(greenMail, "org-xinyu@demo.local")).extracting(MailDeliveries::subject)
        .contains("【提交最后报价】NT-2026-0941 崇川区居家养老上门服务");
    assertThat(MailDeliveries.mailsTo(greenMail, "org-huimin@demo.local")).extracting(MailDeliveries::subject)
        .doesNotContain("【提交最后报价】NT-2026-0941 崇川区居家养老上门服务");
  }

  @Test
  void aNegotiationWithThreeSuppliersGoesToTheLowestFinalOfferAndWithTwoOffersItEnds() {
    Object[] anle = BIDS[3];
    ProcessInstance stage = negotiating("NT-2026-0942", COMPETITIVE_NEGOTIATION, LOWEST_PRICE, 3, BIDS[0], BIDS[1],
        anle);
    assertThat(stages.tasks(stage, "Task_NegotiateWithSupplier")).extracting(Task::getName)
        .contains("第1轮谈判：南通安乐居家养老服务社");
    stages.talkWithEach(stage, "就服务人员资质和价格构成进行谈判");
    stages.concludeRound(stage, null, FINAL_OFFERS, 8);
    long call = finalOfferCall(stage);
    finalOffers.submit(call, "org-yangguang", new BigDecimal("1690000"), null);
    finalOffers.submit(call, "org-xinyu", new BigDecimal("1710000"), null);
    finalOffers.submit(call, "org-anle", new BigDecimal("1700000"), null);
    reachFinalOfferDeadline(stage);

    // lowest final offer among those meeting the requirements (74号令第三十五条)
    assertThat(stage).isWaitingAt("Task_ConfirmReport").hasNotPassed("Task_ScoreBids");
    stages.confirmAll(stage);
    assertThat(JsonValues.rows(stages.variable(stage, RANKING))).extracting(r -> r.get("bidder"))
        .containsExactly("org-yangguang", "org-anle", "org-xinyu");

    // the same with only two final offers: fewer than 3 ends the negotiation (74号令第三十七条第三项)
    ProcessInstance short_ = negotiating("NT-2026-0943", COMPETITIVE_NEGOTIATION, LOWEST_PRICE, 3, BIDS[0], BIDS[1],
        anle);
    stages.talkWithEach(short_, "就服务人员资质进行谈判");
    stages.concludeRound(short_, null, FINAL_OFFERS, 8);
    long shortCall = finalOfferCall(short_);
    finalOffers.submit(shortCall, "org-yangguang", new BigDecimal("1690000"), null);
    finalOffers.submit(shortCall, "org-anle", new BigDecimal("1700000"), null);
    reachFinalOfferDeadline(short_);
    assertThat(short_).isEnded().hasPassed("ServiceTask_CloseTooFewValid", "EndEvent_TooFewValid");
    assertThat(stages.variable(short_, REVIEW_OUTCOME)).isEqualTo(TOO_FEW_VALID);
    assertThat((String) stages.variable(short_, FAILED_TENDER_REASON))
        .startsWith("提交最后报价的供应商只有2家，不足3家，终止本次谈判（74号令第三十七条第三项）。");
    assertThat(results.ofReview(short_.getId())).filteredOn(r -> r.bidder().equals("org-xinyu")).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(OpenFinalOffersDelegate.NO_OFFER));
  }

  private static String content(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
