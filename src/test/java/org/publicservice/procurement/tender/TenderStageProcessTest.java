package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;
import static org.publicservice.procurement.tender.Tenders.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
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
 * The tender stage's paths, started as the main process calls it and driven as the department, the finance bureau
 * and social organisations drive it; the bid deadline comes by moving the engine clock.
 */
@ProcurementSpringTest
class TenderStageProcessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(ISSUED);

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired DisclosureRegister register;
  @Autowired TenderQuestions questions;

  Tenders tenders;

  @BeforeEach
  void setUp() {
    tenders = new Tenders(engine, bidBox);
  }

  @Test
  void anOpenTenderWithThreeBidsIsOpenedAtTheDeadlineAndTheOpeningRecordPublishedAndMailed() throws Exception {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    assertThat(stage).isWaitingAt("Task_PrepareDocuments");
    assertThat(engine.getTaskService().getIdentityLinksForTask(tenders.task(stage, "Task_PrepareDocuments").getId()))
        .extracting(link -> link.getGroupId()).contains(Groups.DEPT_CIVIL_AFFAIRS);
    tenders.prepareDocuments(stage, documents());

    assertThat(stage).isWaitingAt("Timer_BidDeadline", "Task_AmendDocuments");
    assertThat(tenders.deadlineTimer(stage).getDuedate()).isEqualTo(Date.from(DEADLINE.toInstant()));
    DisclosureNotice notice = notices(stage, NoticeType.TENDER_NOTICE).get(0);
    assertThat(notice.title()).isEqualTo("南通市民政局关于崇川区居家养老上门服务的招标公告");
    assertThat(notice.content()).contains("预算金额：2,000,000.00元", "采购方式：公开招标",
        "评审方法：综合评分法，价格分30分，服务方案40分，项目团队20分，同类服务业绩10分（满分100分）",
        "投标截止及开标时间：2026年12月28日 09:30", "提问截止时间：2026年12月14日 23:59", "投标保证金：20,000.00元");
    assertThat(bidBox.openCalls()).extracting(TenderCall::projectNumber).contains(stage.getBusinessKey());

    at(ISSUED.plusDays(3));
    tenders.bid(stage, YANGGUANG, "1800000.00");
    tenders.bid(stage, XINYU, "1750000.50");
    tenders.bid(stage, HUIMIN, "1900000");
    assertThat(bidBox.countBids(stage.getBusinessKey())).isEqualTo(3);

    tenders.reachDeadline(stage);

    assertThat(stage).isEnded().hasPassed("Task_CountBids", "Task_OpenBids", "EndEvent_BidsOpened")
        .hasNotPassed("Task_DeclareFailedTender");
    Map<String, Object> out = historicVariables(stage);
    assertThat(out).containsEntry(TENDER_OUTCOME, OPENED).containsEntry(TENDER_ROUND, 1L)
        .containsEntry(MINIMUM_BIDS, 3L).containsEntry(EVALUATION_METHOD, COMPREHENSIVE)
        .containsEntry(PRICE_WEIGHT, 30L).containsEntry(BID_BOND, 20_000L)
        .containsEntry(BID_DEADLINE, "2026-12-28T09:30:00+08:00").containsEntry(PROCUREMENT_METHOD, "OPEN_TENDER");
    assertThat(JsonValues.rows(out.get(EVALUATION_CRITERIA))).containsExactly(
        Map.of("name", "服务方案", "maxScore", 40), Map.of("name", "项目团队", "maxScore", 20),
        Map.of("name", "同类服务业绩", "maxScore", 10));
    List<Map<String, Object>> opened = JsonValues.rows(out.get(OPENED_BIDS));
    assertThat(opened).extracting(b -> b.get("bidder")).containsExactly(YANGGUANG, XINYU, HUIMIN);
    assertThat(opened).extracting(b -> ((Number) b.get("price")).doubleValue()).containsExactly(1_800_000.0, 1_750_000.5,
        1_900_000.0);
    assertThat(opened.get(1)).containsEntry("bidderName", "南通心语社会工作服务社")
        .containsEntry("servicePlan", XINYU + "的服务方案：分片包干，每周巡访。")
        .containsKeys("bidId", "team", "qualifications", "submittedAt");

    DisclosureNotice record = notices(stage, NoticeType.OPENING_RECORD).get(0);
    assertThat(record.content()).contains("投标人数：3家", "南通心语社会工作服务社，投标报价：1,750,000.50元",
        "投标报价：1,800,000.00元", "投标报价：1,900,000.00元");

    session.mails().deliver(stage.getBusinessKey());
    List<MimeMessage> toXinyu = MailDeliveries.mailsTo(greenMail, XINYU + "@demo.local");
    assertThat(toXinyu).extracting(MailDeliveries::subject).contains(
        "【投标回执】" + stage.getBusinessKey() + " 崇川区居家养老上门服务",
        "【开标记录】" + stage.getBusinessKey() + " 崇川区居家养老上门服务");
    MimeMessage receipt = toXinyu.stream().filter(m -> MailDeliveries.subject(m).startsWith("【投标回执】")).findFirst()
        .orElseThrow();
    assertThat(receipt.getContent().toString()).contains("收到时间：2026年12月6日 10:00:00", "回执编号：" + stage.getBusinessKey())
        .doesNotContain("1750000", "1,750,000");
    assertThat(MailDeliveries.mailsTo(greenMail, HUIMIN + "@demo.local")).anySatisfy(mail ->
        assertThat(mail.getContent().toString()).contains("南通心语社会工作服务社，投标报价：1,750,000.50元"));
  }

  @Test
  void tooFewBidsFailTheTenderUnopenedAndTheDepartmentTendersAgainInANewRound() throws Exception {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    tenders.bid(stage, YANGGUANG, "1800000");
    tenders.bid(stage, XINYU, "1750000");

    tenders.reachDeadline(stage);

    assertThat(stage).isWaitingAt("Task_DecideAfterFailedTender").hasPassed("Task_DeclareFailedTender")
        .hasNotPassed("Task_OpenBids");
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), FAILED_TENDER_REASON).toString())
        .contains("2家，不足3家，不予开标");
    assertThat(notices(stage, NoticeType.FAILED_TENDER)).singleElement().satisfies(failed ->
        assertThat(failed.content()).contains("废标理由：投标截止时提交投标文件的供应商为2家，不足3家", "未予开启")
            .doesNotContain("1,800,000", "1,750,000"));
    assertThat(notices(stage, NoticeType.OPENING_RECORD)).isEmpty();
    // returned unopened: not even the bidder can read it any more
    assertThat(bidBox.ownBid(stage.getBusinessKey(), YANGGUANG)).isEmpty();
    assertThat(bidBox.countBids(stage.getBusinessKey())).isZero();
    session.mails().deliver(stage.getBusinessKey());
    assertThat(MailDeliveries.mailsTo(greenMail, XINYU + "@demo.local")).extracting(MailDeliveries::subject)
        .contains("【废标通知】" + stage.getBusinessKey() + " 崇川区居家养老上门服务");

    tenders.decide(stage, RE_TENDER, null);
    assertThat(stage).isWaitingAt("Task_PrepareDocuments");
    at(ISSUED.plusDays(26));
    tenders.prepareDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2027-01-25")
        .putValue(CLARIFICATION_DEADLINE_DATE, "2027-01-10"));
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), TENDER_ROUND)).isEqualTo(2L);
    assertThat(bidBox.currentCall(stage.getBusinessKey())).hasValueSatisfying(call -> assertThat(call.round()).isEqualTo(2));
    assertThat(notices(stage, NoticeType.TENDER_NOTICE)).hasSize(2);
    tenders.bid(stage, YANGGUANG, "1800000");
    tenders.bid(stage, XINYU, "1750000");
    tenders.bid(stage, ANLE, "1700000");

    tenders.reachDeadline(stage);

    assertThat(stage).isEnded().hasPassed("EndEvent_BidsOpened");
    Map<String, Object> out = historicVariables(stage);
    assertThat(out).containsEntry(TENDER_OUTCOME, OPENED).containsEntry(TENDER_ROUND, 2L);
    assertThat(JsonValues.rows(out.get(OPENED_BIDS))).extracting(b -> b.get("bidder"))
        .containsExactly(YANGGUANG, XINYU, ANLE);
  }

  @Test
  void afterAFailedTenderTheFinanceBureauApprovesTheChangeToConsultationWhichOpensWithTwoBids() {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    tenders.bid(stage, YANGGUANG, "1800000");
    tenders.reachDeadline(stage);

    tenders.decide(stage, CHANGE_METHOD, "COMPETITIVE_CONSULTATION");
    assertThat(stage).isWaitingAt("Task_ApproveMethodChange");
    assertThat(engine.getTaskService().getIdentityLinksForTask(tenders.task(stage, "Task_ApproveMethodChange").getId()))
        .extracting(link -> link.getGroupId()).containsExactly(Groups.FINANCE);
    assertThatThrownBy(() -> tenders.approveMethodChange(stage, REFUSE, null))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("不予批准时请填写理由");
    tenders.approveMethodChange(stage, APPROVE, "同意变更为竞争性磋商。");

    assertThat(stage).isWaitingAt("Task_PrepareDocuments");
    assertThat(engine.getRuntimeService().getVariables(stage.getId()))
        .containsEntry(PROCUREMENT_METHOD, "COMPETITIVE_CONSULTATION")
        .containsEntry(PROCUREMENT_METHOD_NAME, "竞争性磋商").containsEntry(MINIMUM_BIDS, 2L);
    at(ISSUED.plusDays(26));
    // consultation: 10 days suffice (214号第十条), the price weight is 10-30 points
    tenders.prepareDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2027-01-12")
        .putValue(CLARIFICATION_DEADLINE_DATE, "2027-01-05"));
    assertThat(notices(stage, NoticeType.TENDER_NOTICE).get(1).title()).isEqualTo("南通市民政局关于崇川区居家养老上门服务的竞争性磋商公告");
    tenders.bid(stage, XINYU, "1750000");
    tenders.bid(stage, ANLE, "1700000");

    tenders.reachDeadline(stage);

    assertThat(stage).isEnded().hasPassed("Task_ApproveMethodChange", "EndEvent_BidsOpened");
    assertThat(historicVariables(stage)).containsEntry(TENDER_OUTCOME, OPENED)
        .containsEntry(PROCUREMENT_METHOD, "COMPETITIVE_CONSULTATION").containsEntry(MINIMUM_BIDS, 2L)
        .containsEntry(TENDER_ROUND, 2L);
  }

  @Test
  void aRefusedChangeOfMethodGoesBackToTheDepartmentWhichMayAbandonThePurchase() {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    tenders.reachDeadline(stage);
    tenders.decide(stage, CHANGE_METHOD, "COMPETITIVE_NEGOTIATION");
    tenders.approveMethodChange(stage, REFUSE, "需求明确，应重新公开招标。");

    assertThat(stage).isWaitingAt("Task_DecideAfterFailedTender");
    assertThat(engine.getRuntimeService().getVariables(stage.getId()))
        .containsEntry(PROCUREMENT_METHOD, "OPEN_TENDER").containsEntry(METHOD_CHANGE_COMMENT, "需求明确，应重新公开招标。");
    tenders.decide(stage, ABANDON, null);

    assertThat(stage).isEnded().hasPassed("EndEvent_Abandoned");
    assertThat(historicVariables(stage)).containsEntry(TENDER_OUTCOME, ABANDONED);
  }

  @Test
  void aConsultationOpensWithTwoBidders() {
    ProcessInstance stage = tenders.start("COMPETITIVE_CONSULTATION");
    tenders.prepareDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2026-12-15")
        .putValue(CLARIFICATION_DEADLINE_DATE, "2026-12-08").putValue(PRICE_WEIGHT, 20L)
        .putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 50, "项目团队", 30)));
    tenders.bid(stage, HUIMIN, "1600000");
    tenders.bid(stage, ANLE, "1650000");

    tenders.reachDeadline(stage);

    assertThat(stage).isEnded().hasPassed("EndEvent_BidsOpened");
    assertThat(historicVariables(stage)).containsEntry(MINIMUM_BIDS, 2L).containsEntry(PRICE_WEIGHT, 20L);
    assertThat(notices(stage, NoticeType.OPENING_RECORD).get(0).content()).contains("投标人数：2家");
  }

  @Test
  void aStageSentBackAfterReviewStartsAtTheFailedTenderDecision() {
    String projectNumber = Tenders.newProjectNumber();
    ProcessInstance stage = engine.getRuntimeService().startProcessInstanceByKey(STAGE_PROCESS_KEY, projectNumber,
        Tenders.in(projectNumber, "OPEN_TENDER").putValue(FAILED_TENDER_REASON, "资格审查合格的投标人不足3家（87号令第四十四条）。"));

    assertThat(stage).isWaitingAt("Task_DecideAfterFailedTender").hasNotPassed("Task_PrepareDocuments");
    tenders.decide(stage, RE_TENDER, null);
    assertThat(stage).isWaitingAt("Task_PrepareDocuments");
  }

  @Test
  void anAmendmentLessThanFifteenDaysBeforeTheDeadlineMovesItAndTheTimerFollows() throws Exception {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    tenders.bid(stage, YANGGUANG, "1800000");

    // 2026-12-18 is 10 days before the deadline: 15 days from then is 2027-01-02, a Saturday -> Monday 2027-01-04
    at(ZonedDateTime.of(2026, 12, 18, 15, 0, 0, 0, ProcurementTime.ZONE));
    tenders.submit(TestIdentities.PURCHASER, tenders.task(stage, "Task_AmendDocuments"),
        Variables.createVariables().putValue(AMENDMENT_TEXT, "服务人数由800名调整为850名。"));

    ZonedDateTime moved = ZonedDateTime.of(2027, 1, 4, 9, 30, 0, 0, ProcurementTime.ZONE);
    assertThat(stage).isWaitingAt("Timer_BidDeadline", "Task_AmendDocuments");
    assertThat(tenders.deadlineTimer(stage).getDuedate()).isEqualTo(Date.from(moved.toInstant()));
    assertThat(engine.getRuntimeService().getVariables(stage.getId()))
        .containsEntry(BID_DEADLINE, "2027-01-04T09:30:00+08:00").containsEntry(BID_DEADLINE_TEXT, "2027年1月4日 09:30");
    assertThat(bidBox.currentCall(stage.getBusinessKey()).orElseThrow().bidDeadline().toInstant())
        .isEqualTo(moved.toInstant());
    assertThat(notices(stage, NoticeType.CLARIFICATION)).singleElement().satisfies(clarification ->
        assertThat(clarification.content()).contains("澄清或修改内容：服务人数由800名调整为850名。",
            "顺延至2027年1月4日 09:30（原为2026年12月28日 09:30）"));
    session.mails().deliver(stage.getBusinessKey());
    assertThat(MailDeliveries.mailsTo(greenMail, YANGGUANG + "@demo.local")).anySatisfy(mail -> {
      assertThat(mail.getSubject()).isEqualTo("【澄清公告】" + stage.getBusinessKey() + " 崇川区居家养老上门服务");
      assertThat(mail.getContent().toString()).contains("服务人数由800名调整为850名", "当前投标截止及开标时间：2027年1月4日 09:30");
    });

    // bids are still taken after the original deadline
    at(DEADLINE.plusHours(1));
    tenders.bid(stage, XINYU, "1750000");
    tenders.bid(stage, HUIMIN, "1700000");
    tenders.reachDeadline(stage);
    assertThat(stage).isEnded().hasPassed("EndEvent_BidsOpened");
    assertThat(historicVariables(stage)).containsEntry(BID_DEADLINE, "2027-01-04T09:30:00+08:00");
  }

  @Test
  void aLongAnswerAndALongAmendmentArePublishedWhole() throws Exception {
    // 6,000 characters each (8,000 allowed): more than the 4,000 a String variable holds, which made the answer fail
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    at(ISSUED.plusDays(2));
    questions.ask(stage.getBusinessKey(), XINYU, "请逐项说明助浴服务的设备配置要求。");
    String answer = "逐项答复如下。" + "助浴床、防滑垫、移位机由供应商自备，每套须有产品合格证明。".repeat(200);
    tenders.submit(TestIdentities.PURCHASER, tenders.task(stage, "Task_AnswerQuestion"),
        Variables.createVariables().putValue(QUESTION_ANSWER, answer));
    String amendment = "采购需求第三章修改如下。" + "每名老人每月上门服务次数由8次调整为10次，服务时长不变。".repeat(210);
    tenders.submit(TestIdentities.PURCHASER, tenders.task(stage, "Task_AmendDocuments"),
        Variables.createVariables().putValue(AMENDMENT_TEXT, amendment));

    assertThat(stage).isWaitingAt("Timer_BidDeadline", "Task_AmendDocuments");
    assertThat(notices(stage, NoticeType.CLARIFICATION)).hasSize(2)
        .anySatisfy(notice -> assertThat(notice.content()).contains(answer))
        .anySatisfy(notice -> assertThat(notice.content()).contains(amendment));
  }

  @Test
  void aTimerThatFiresBeforeTheMovedDeadlineWaitsAgain() {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    // the deadline moved without the timer (as after an operator's repair): the stage does not close early
    Date later = Date.from(DEADLINE.plusDays(7).toInstant());
    engine.getRuntimeService().setVariable(stage.getId(), BID_DEADLINE_AT, later);
    at(DEADLINE.plusMinutes(1));
    engine.getManagementService().executeJob(tenders.deadlineTimer(stage).getId());

    assertThat(stage).isWaitingAt("Timer_BidDeadline", "Task_AmendDocuments").hasNotPassed("Task_CountBids");
    assertThat(tenders.deadlineTimer(stage).getDuedate()).isEqualTo(later);
  }

  @Test
  void aQuestionIsAnsweredPublishedWithoutTheAskerAndMailedToTheBidders() throws Exception {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    tenders.bid(stage, YANGGUANG, "1800000");
    at(ISSUED.plusDays(2));
    questions.ask(stage.getBusinessKey().toLowerCase(), XINYU, "助浴服务是否需要配备专用车辆？");

    var answer = tenders.task(stage, "Task_AnswerQuestion");
    assertThat(engine.getTaskService().getVariables(answer.getId()))
        .containsEntry(QUESTION_TEXT, "助浴服务是否需要配备专用车辆？").containsEntry(QUESTION_ASKER, XINYU);
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), QUESTION_TEXT)).isNull();
    assertThatThrownBy(() -> tenders.submit(TestIdentities.PURCHASER, answer, Variables.createVariables()))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请填写答复内容。");
    tenders.submit(TestIdentities.PURCHASER, tenders.task(stage, "Task_AnswerQuestion"),
        Variables.createVariables().putValue(QUESTION_ANSWER, "不强制要求，可租用。"));

    assertThat(stage).isWaitingAt("Timer_BidDeadline", "Task_AmendDocuments");
    assertThat(tenders.deadlineTimer(stage).getDuedate()).isEqualTo(Date.from(DEADLINE.toInstant()));
    assertThat(notices(stage, NoticeType.CLARIFICATION)).singleElement().satisfies(clarification ->
        assertThat(clarification.content()).contains("供应商提出的问题：助浴服务是否需要配备专用车辆？", "答复：不强制要求，可租用。",
            "2026年12月28日 09:30（不变）").doesNotContain("心语", XINYU));
    session.mails().deliver(stage.getBusinessKey());
    assertThat(MailDeliveries.mailsTo(greenMail, YANGGUANG + "@demo.local")).anySatisfy(mail ->
        assertThat(mail.getContent().toString()).contains("答复：不强制要求，可租用。"));

    at(ZonedDateTime.of(2026, 12, 15, 0, 0, 1, 0, ProcurementTime.ZONE));
    assertThatThrownBy(() -> questions.ask(stage.getBusinessKey(), XINYU, "还能提问吗？"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("提问截止时间（2026年12月14日 23:59）已过");
    assertThatThrownBy(() -> questions.ask(stage.getBusinessKey(), TestIdentities.PURCHASER, "官员提问"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("只有在平台注册并确认的供应商");
  }

  @Test
  void documentsThatBreakAStatutoryLimitAreRefusedAndNothingIsPublished() {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    refusedDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2026-12-22"),
        "公开招标自招标文件开始发出之日起至投标截止之日止不得少于20日（政府采购法第三十五条），今天发布的，截止日期最早为2026年12月23日。");
    refusedDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2026-12-26"),
        "2026年12月26日不是工作日，请将投标截止日期定在工作日。");
    refusedDocuments(stage, documents().putValue(PRICE_WEIGHT, 5L).putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 65, "项目团队", 30)),
        "服务项目采用综合评分法的，价格分值不得低于总分的10%（87号令第五十五条）。");
    refusedDocuments(stage, documents().putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 40, "项目团队", 20)),
        "评审因素分值与价格分值合计应为100分，现为90分。");
    refusedDocuments(stage, documents().putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 40, " ", 30)),
        "评审因素第2行：请填写名称。");
    refusedDocuments(stage, documents().putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 70, "项目团队", 0)),
        "评审因素第2行：分值须在0.01至100分之间。");
    refusedDocuments(stage, documents().putValue(BID_BOND, 40_001L),
        "投标保证金不得超过采购项目预算金额的2%（政府采购法实施条例第三十三条），本项目最多为40,000.00元。");
    refusedDocuments(stage, documents().putValue(CLARIFICATION_DEADLINE_DATE, "2026-12-28"),
        "提问截止日期应在今天至投标截止日期前一天之间。");
    refusedDocuments(stage, documents().putValue(BID_DEADLINE_TIME, "25:00"), "投标截止时间应写成“时:分”，例如 09:30。");
    refusedDocuments(stage, documents().putValue(BID_DEADLINE_TIME, "07:00"), "投标截止时间应在工作时间（8:00至18:00）内。");
    refusedDocuments(stage, documents().putValue(QUALIFICATION_REQUIREMENTS, " "), "请填写供应商资格要求。");

    assertThat(stage).isWaitingAt("Task_PrepareDocuments");
    assertThat(register.findByProject(stage.getBusinessKey())).extracting(DisclosureNotice::type)
        .containsOnly(NoticeType.PROCUREMENT_INTENTION);
    assertThat(bidBox.currentCall(stage.getBusinessKey())).isEmpty();
    // the lowest price method needs no weight nor criteria
    tenders.prepareDocuments(stage, documents().putValue(EVALUATION_METHOD, LOWEST_PRICE).putValue(PRICE_WEIGHT, null)
        .putValue(EVALUATION_CRITERIA, null));
    assertThat(engine.getRuntimeService().getVariables(stage.getId())).containsEntry(PRICE_WEIGHT, 0L);
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(stage.getId(), EVALUATION_CRITERIA))).isEmpty();
  }

  /** As many criteria as the documents allow (the review scores them all), and not one more. */
  @Test
  void theDocumentsSetUpToTwentyCriteria() {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    Object[] criteria = new Object[2 * (TenderDocumentsValidator.MAX_CRITERIA + 1)];
    for (int c = 0; c <= TenderDocumentsValidator.MAX_CRITERIA; c++) {
      criteria[2 * c] = "评审因素" + (c + 1);
      criteria[2 * c + 1] = 3;
    }
    criteria[1] = 10;
    refusedDocuments(stage, documents().putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of(criteria)),
        "评审因素最多20行，现有21行。");
    // 20 criteria of 13 + 19 x 3 = 70 points, and 30 for the price
    Object[] twenty = Arrays.copyOf(criteria, 2 * TenderDocumentsValidator.MAX_CRITERIA);
    twenty[1] = 13;
    tenders.prepareDocuments(stage, documents().putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of(twenty)));
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(stage.getId(), EVALUATION_CRITERIA)))
        .hasSize(20).last().isEqualTo(Map.of("name", "评审因素20", "maxScore", 3));
  }

  @Test
  void consultationDocumentsKeepTheConsultationLimits() {
    at(ZonedDateTime.of(2026, 9, 29, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance stage = tenders.start("COMPETITIVE_CONSULTATION");
    VariableMap lawfulDays = documents().putValue(BID_DEADLINE_DATE, "2026-10-13")
        .putValue(CLARIFICATION_DEADLINE_DATE, "2026-10-09");
    refusedDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2026-10-08")
        .putValue(CLARIFICATION_DEADLINE_DATE, "2026-09-30"),
        "竞争性磋商自磋商文件开始发出之日起至提交响应文件截止之日止不得少于10日（财库〔2014〕214号第十条），今天发布的，截止日期最早为2026年10月9日。");
    // 10 days, but over National Day only 4 working days of availability (Sep 30, Oct 8, 9, 10): 实施条例第三十一条
    refusedDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2026-10-09")
        .putValue(CLARIFICATION_DEADLINE_DATE, "2026-09-30"),
        "招标文件的提供期限不得少于5个工作日（政府采购法实施条例第三十一条），截止日期应在2026年10月12日之后。");
    refusedDocuments(stage, lawfulDays.putValue(PRICE_WEIGHT, 40L).putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 60)),
        "竞争性磋商服务项目的价格分值应为总分的10%至30%（财库〔2014〕214号第二十四条）。");
    refusedDocuments(stage, lawfulDays.putValue(EVALUATION_METHOD, LOWEST_PRICE),
        "竞争性磋商应采用综合评分法（财库〔2014〕214号第二十三条）。");
    tenders.prepareDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2026-10-13")
        .putValue(CLARIFICATION_DEADLINE_DATE, "2026-10-09"));
    assertThat(stage).isWaitingAt("Timer_BidDeadline", "Task_AmendDocuments");
  }

  void refusedDocuments(ProcessInstance stage, VariableMap documents, String message) {
    assertThatThrownBy(() -> tenders.prepareDocuments(stage, documents))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage(message);
  }

  List<DisclosureNotice> notices(ProcessInstance stage, NoticeType type) {
    return register.findByProject(stage.getBusinessKey()).stream().filter(n -> n.type() == type).toList();
  }

  Map<String, Object> historicVariables(ProcessInstance stage) {
    Map<String, Object> values = new java.util.HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(stage.getId()).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }
}
