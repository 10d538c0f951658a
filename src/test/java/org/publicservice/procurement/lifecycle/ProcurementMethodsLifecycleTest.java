package org.publicservice.procurement.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TasklistDriver.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.ocds.OcdsPublisher;
import org.publicservice.procurement.ocds.OcdsSchemas;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.planning.SplittingReasons;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.publicservice.procurement.review.ReviewRecords;
import org.publicservice.procurement.review.ReviewSheets;
import org.publicservice.procurement.review.ReviewVariables;
import org.publicservice.procurement.tender.BidBox;
import org.publicservice.procurement.tender.BidContent;
import org.publicservice.procurement.tender.FinalOffers;
import org.publicservice.procurement.tender.CriteriaTable;
import org.publicservice.procurement.tender.TenderVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each procurement method other than open tender and single source (PurchaseLifecycleTest has those) through the
 * main process, from the request to the contract stage: the decision table chooses it on its ground, the finance
 * bureau approves, the tender stage and the review run it as the rules have it, the award follows; the open data
 * name the method and the bids' statuses and stay valid. The stages after the award are the same for every method.
 */
@ProcurementSpringTest
class ProcurementMethodsLifecycleTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  /** Monday 2 November 2026, 9:00 in Nantong. */
  static final ZonedDateTime REQUEST_DAY = ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, ProcurementTime.ZONE);
  /**
   * The request is filed and approved, and its intention published, 33 days before the documents go out on
   * REQUEST_DAY (财库〔2020〕10号: at least 30).
   */
  static final ZonedDateTime PLANNING_DAY = ZonedDateTime.of(2026, 9, 30, 9, 0, 0, 0, ProcurementTime.ZONE);
  static final String DEPARTMENT = "minzheng";
  static final String FINANCE = "caizheng";
  static final String YANGGUANG = "org-yangguang";
  static final String XINYU = "org-xinyu";
  static final String HUIMIN = "org-huimin";

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired FinalOffers finalOffers;
  @Autowired DisclosureRegister register;
  @Autowired OcdsPublisher ocds;
  @Autowired ReviewRecords reviewRecords;
  @Autowired JdbcTemplate jdbc;

  TestIdentities people;
  PurchaseDriver drive;
  String tag;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(engine.getIdentityService());
    drive = new PurchaseDriver(engine, people);
    tag = UUID.randomUUID().toString().substring(0, 8);
    at(REQUEST_DAY);
    forgetCreditRecords();
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    people.removeExtraOrganisations();
    ClockUtil.reset();
    forgetCreditRecords();
  }

  @Test
  void aConsultationBelowTheThresholdWithARoundOfTalksAndFinalOffersIsAwardedOnTheScores() throws Exception {
    // 214号: below the open-tender threshold; the finance bureau flags the project as technically complex
    ProcessInstance purchase = approved(PurchaseRequests.elderlyCare(1_500_000)
        .putValue(PlanningVariables.SERVICE_NAME, "崇川区失智老人照护服务" + tag), "COMPETITIVE_CONSULTATION", true);
    ProcessInstance tender = drive.stage(purchase, TenderVariables.STAGE_PROCESS_KEY);
    drive.complete(DEPARTMENT, tender, "Task_PrepareDocuments", documents(TenderVariables.COMPREHENSIVE, 20L,
        "服务方案：50\n项目团队：30", "2026-11-16", "2026-11-09"));
    bid(purchase, YANGGUANG, "1450000");
    bid(purchase, XINYU, "1400000");
    bid(purchase, HUIMIN, "1480000");
    drive.fire(tender, "Timer_BidDeadline");

    ProcessInstance review = drive.stage(purchase, ReviewVariables.PROCESS_KEY);
    qualifyAndSeat(review, 3);
    // 87号令第四十七条: 7 members for a technically complex project, whatever its budget
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(review.getId(), ReviewVariables.PANEL)))
        .hasSize(7);
    assertThat(reviewRecords.draw(reviewRecords.drawsOf(purchase.getBusinessKey()).get(0)).sizeBasis())
        .contains("技术复杂");
    compliant(review);
    talk(review, "就服务人员配置和应急响应进行磋商", ReviewVariables.FINAL_OFFERS, 24);
    long call = ((Number) engine.getRuntimeService().getVariable(review.getId(), ReviewVariables.FINAL_OFFER_CALL))
        .longValue();
    finalOffers.submit(call, YANGGUANG, new BigDecimal("1420000"), null);
    finalOffers.submit(call, XINYU, new BigDecimal("1390000"), null);
    finalOffers.submit(call, HUIMIN, new BigDecimal("1380000"), null);
    drive.fire(review, "Timer_FinalOfferDeadline");
    for (Task sheet : drive.tasks(review, "Task_ScoreBids")) {
      drive.completeTask(sheet.getAssignee(), sheet, scores(new double[][] {{45, 28}, {40, 25}, {38, 22}}));
    }
    drive.runJobs(review);
    confirm(review);

    String winner = award(purchase);
    assertThat(winner).isEqualTo(YANGGUANG);
    assertThat(drive.variable(purchase, "awardedPrice").toString()).startsWith("1420000");
    JsonNode compiled = compiledRelease(purchase.getBusinessKey());
    assertThat(compiled.at("/tender/procurementMethod").asText()).isEqualTo("limited");
    assertThat(compiled.at("/tender/procurementMethodDetails").asText()).isEqualTo("竞争性磋商");
    assertThat(statuses(compiled)).containsOnly("valid").hasSize(3);
  }

  @Test
  void anInvitedTenderOnItsGroundDrawsItsSuppliersAndIsAwardedLikeATender() throws Exception {
    people.ensureExtraOrganisations();
    ProcessInstance purchase = approved(PurchaseRequests.elderlyCare(2_000_000)
        .putValue(PlanningVariables.SERVICE_NAME, "崇川区盲人按摩技能培训" + tag)
        .putValue(PlanningVariables.METHOD_GROUND, "INVITED_LIMITED_SUPPLIERS")
        .putValue(PlanningVariables.METHOD_GROUND_JUSTIFICATION, "具备盲人按摩培训资质的机构有限。"), "INVITED_TENDER", false);
    assertThat((String) drive.variable(purchase, PlanningVariables.METHOD_RATIONALE)).contains("第二十九条第一项");
    ProcessInstance tender = drive.stage(purchase, TenderVariables.STAGE_PROCESS_KEY);
    drive.complete(DEPARTMENT, tender, "Task_PrepareDocuments", documents(TenderVariables.COMPREHENSIVE, 30L,
        "服务方案：40\n项目团队：20\n同类服务业绩：10", "2026-11-30", "2026-11-16"));
    drive.complete(DEPARTMENT, tender, "Task_SelectInvitedSuppliers", Variables.createVariables()
        .putValue(TenderVariables.INVITATION_LIST_SOURCE, TenderVariables.SUPPLIER_DATABASE)
        .putValue(TenderVariables.INVITATION_COUNT, 3)
        .putValue(TenderVariables.INVITATION_SUPERVISOR_1, DEPARTMENT)
        .putValue(TenderVariables.INVITATION_SUPERVISOR_2, "minzheng2"));
    @SuppressWarnings("unchecked")
    List<String> invited = (List<String>) engine.getRuntimeService().getVariable(tender.getId(),
        TenderVariables.INVITED_SUPPLIERS);
    assertThat(invited).hasSize(3);
    List<String> prices = List.of("1900000", "1850000", "1950000");
    for (int i = 0; i < 3; i++) {
      bid(purchase, invited.get(i), prices.get(i));
    }
    drive.fire(tender, "Timer_BidDeadline");

    ProcessInstance review = drive.stage(purchase, ReviewVariables.PROCESS_KEY);
    qualifyAndSeat(review, 3);
    compliant(review);
    for (Task sheet : drive.tasks(review, "Task_ScoreBids")) {
      drive.completeTask(sheet.getAssignee(), sheet, scores(new double[][] {{36, 18, 9}, {30, 15, 8}, {38, 19, 10}}));
    }
    drive.runJobs(review);
    confirm(review);

    assertThat(award(purchase)).isIn(invited);
    JsonNode compiled = compiledRelease(purchase.getBusinessKey());
    assertThat(compiled.at("/tender/procurementMethod").asText()).isEqualTo("selective");
    assertThat(compiled.at("/tender/procurementMethodDetails").asText()).isEqualTo("邀请招标");
    assertThat(compiled.at("/tender/numberOfTenderers").asInt()).isEqualTo(3);
  }

  @Test
  void anOpenTenderLeftWithTwoValidBidsReturnsToTheTenderStageAndIsNegotiatedWithThoseTwo() throws Exception {
    ProcessInstance purchase = approved(PurchaseRequests.elderlyCare(4_500_000)
        .putValue(PlanningVariables.SERVICE_NAME, "崇川区社区矫正社会工作服务" + tag), "OPEN_TENDER", false);
    ProcessInstance tender = drive.stage(purchase, TenderVariables.STAGE_PROCESS_KEY);
    drive.complete(DEPARTMENT, tender, "Task_PrepareDocuments", documents(TenderVariables.COMPREHENSIVE, 30L,
        "服务方案：40\n项目团队：20\n同类服务业绩：10", "2026-11-30", "2026-11-16"));
    bid(purchase, YANGGUANG, "4300000");
    bid(purchase, XINYU, "4200000");
    bid(purchase, HUIMIN, "4400000");
    drive.fire(tender, "Timer_BidDeadline");

    // the panel finds one bid not responsive: two valid bids fail the tender (政府采购法第三十六条第一项)
    ProcessInstance review = drive.stage(purchase, ReviewVariables.PROCESS_KEY);
    qualifyAndSeat(review, 3);
    for (Task check : drive.tasks(review, "Task_ReviewCompliance")) {
      String bidder = check.getName().endsWith("南通惠民社区服务中心") ? "invalid" : "valid";
      drive.completeTask(check.getAssignee(), check, bidder.equals("invalid")
          ? Variables.createVariables().putValue(ReviewVariables.COMPLIANCE_OUTCOME, ReviewVariables.INVALID)
              .putValue(ReviewVariables.INVALIDITY_GROUND, "NOT_RESPONSIVE")
              .putValue(ReviewVariables.INVALIDITY_REASON, "服务期限响应为10个月，少于招标文件要求的12个月。")
          : Variables.createVariables().putValue(ReviewVariables.COMPLIANCE_OUTCOME, ReviewVariables.COMPLIANT));
    }
    drive.runJobs(review);
    assertThat(review).isEnded().hasPassed("EndEvent_TooFewValid");

    // back in the tender stage: with the finance bureau's approval, a negotiation with the two (74号令第二十七条第二款)
    at(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance again = drive.stage(purchase, TenderVariables.STAGE_PROCESS_KEY);
    assertThat(again).isWaitingAt("Task_DecideAfterFailedTender");
    drive.complete(DEPARTMENT, again, "Task_DecideAfterFailedTender", Variables.createVariables()
        .putValue(TenderVariables.FAILED_TENDER_DECISION, TenderVariables.CHANGE_METHOD)
        .putValue(TenderVariables.PROPOSED_METHOD, "COMPETITIVE_NEGOTIATION")
        .putValue(TenderVariables.DECISION_REASON, "实质性响应的供应商只有两家，申请与该两家进行竞争性谈判。"));
    drive.complete(FINANCE, again, "Task_ApproveMethodChange", Variables.createVariables()
        .putValue(TenderVariables.METHOD_CHANGE_APPROVAL, TenderVariables.APPROVE)
        .putValue(TenderVariables.METHOD_CHANGE_COMMENT, "同意。"));
    drive.complete(DEPARTMENT, again, "Task_PrepareDocuments", documents(TenderVariables.LOWEST_PRICE, null, null,
        "2026-12-04", "2026-12-02"));
    bid(purchase, YANGGUANG, "4280000");
    bid(purchase, XINYU, "4250000");
    drive.fire(again, "Timer_BidDeadline");

    ProcessInstance negotiation = drive.stage(purchase, ReviewVariables.PROCESS_KEY);
    qualifyAndSeat(negotiation, 2);
    compliant(negotiation);
    talk(negotiation, "就人员资质与价格构成进行谈判", ReviewVariables.FINAL_OFFERS, 8);
    long call = ((Number) engine.getRuntimeService().getVariable(negotiation.getId(),
        ReviewVariables.FINAL_OFFER_CALL)).longValue();
    finalOffers.submit(call, YANGGUANG, new BigDecimal("4150000"), null);
    finalOffers.submit(call, XINYU, new BigDecimal("4180000"), null);
    drive.fire(negotiation, "Timer_FinalOfferDeadline");
    confirm(negotiation);

    assertThat(award(purchase)).isEqualTo(YANGGUANG);
    assertThat(register.findByProject(purchase.getBusinessKey())).extracting(DisclosureNotice::type).containsExactly(
        NoticeType.PROCUREMENT_INTENTION, NoticeType.TENDER_NOTICE, NoticeType.OPENING_RECORD,
        NoticeType.FAILED_TENDER, NoticeType.TENDER_NOTICE, NoticeType.OPENING_RECORD, NoticeType.AWARD_NOTICE);
    DisclosureNotice failed = register.findByProject(purchase.getBusinessKey()).get(3);
    assertThat(failed.content()).contains("无效投标：南通惠民社区服务中心", "少于招标文件要求的12个月");
    assertThat(register.findByProject(purchase.getBusinessKey()).get(4).content())
        .contains("采购方式：竞争性谈判", "74号令第二十七条第二款");
    JsonNode releases = ocds.projectReleases(purchase.getBusinessKey()).orElseThrow();
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, releases)).isEmpty();
    assertThat(statuses(releases.get("releases").get(3))).containsExactlyInAnyOrder("valid", "valid", "disqualified");
    JsonNode compiled = compiledRelease(purchase.getBusinessKey());
    assertThat(compiled.at("/tender/procurementMethodDetails").asText()).isEqualTo("竞争性谈判");
    assertThat(compiled.at("/awards/0/value/amount").decimalValue()).isEqualByComparingTo("4150000");
  }

  // --- driving the purchase ------------------------------------------------------------------------------------

  /** Files the request and has the finance bureau approve it; the decision table chose {@code method}. */
  private ProcessInstance approved(VariableMap request, String method, boolean technicallyComplex) {
    ZonedDateTime tenderDay = ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE);
    at(PLANNING_DAY);
    ProcessInstance purchase = drive.fileRequest(DEPARTMENT, request);
    assertThat(engine.getRuntimeService().getVariable(purchase.getId(), PlanningVariables.PROCUREMENT_METHOD))
        .isEqualTo(method);
    // earlier consultations of the department in the shared test database may flag splitting: reason as asked
    String reviewTask = engine.getTaskService().createTaskQuery().processInstanceId(purchase.getId())
        .taskDefinitionKey("Task_ReviewRequest").singleResult().getId();
    drive.complete(FINANCE, purchase, "Task_ReviewRequest", SplittingReasons.asTheFormAsks(engine, reviewTask,
        Variables.createVariables().putValue(PlanningVariables.REVIEW_DECISION, PlanningVariables.DECISION_APPROVE)
            .putValue(PlanningVariables.TECHNICALLY_COMPLEX, technicallyComplex)));
    assertThat(purchase).isWaitingAt("Task_TenderStage");
    at(tenderDay);
    return purchase;
  }

  private static VariableMap documents(String evaluation, Long priceWeight, String criteria, String deadline,
      String questionsUntil) {
    // criteria as lines "名称：分值", sent as the documents form's table
    Object[] table = criteria == null ? new Object[0] : criteria.lines()
        .flatMap(line -> Stream.of(line.split("[：:]")[0], Integer.valueOf(line.split("[：:]")[1].strip())))
        .toArray();
    return Variables.createVariables()
        .putValue(TenderVariables.QUALIFICATION_REQUIREMENTS, "民政部门登记的社会组织；近三年无重大违法记录。")
        .putValue(TenderVariables.EVALUATION_METHOD, evaluation)
        .putValue(TenderVariables.PRICE_WEIGHT, priceWeight)
        .putValueTyped(TenderVariables.EVALUATION_CRITERIA, CriteriaTable.of(table))
        .putValue(TenderVariables.BID_DEADLINE_DATE, deadline)
        .putValue(TenderVariables.BID_DEADLINE_TIME, "09:30")
        .putValue(TenderVariables.CLARIFICATION_DEADLINE_DATE, questionsUntil)
        .putValue(TenderVariables.BID_BOND, 0L);
  }

  private void bid(ProcessInstance purchase, String bidder, String price) {
    bidBox.submit(purchase.getBusinessKey(), bidder, new BidContent(new BigDecimal(price),
        bidder + "的服务方案" + tag, "项目负责人1名、社工6名。", "民办非企业单位登记证书。"));
  }

  /** The department passes every bid, the drawn experts declare no conflict, the panel is seated. */
  private void qualifyAndSeat(ProcessInstance review, int bids) {
    drive.runJobs(review);
    drive.complete(DEPARTMENT, review, "Task_ReviewQualification",
        ReviewSheets.qualification(Collections.nCopies(bids, ReviewVariables.PASS).toArray(String[]::new)));
    for (Task declaration : drive.tasks(review, "Task_DeclareConflict")) {
      drive.completeTask(declaration.getAssignee(), declaration, Variables.createVariables()
          .putValue(ReviewVariables.CONFLICT_DECLARATION, ReviewVariables.NO_CONFLICT));
    }
    drive.runJobs(review);
  }

  private void compliant(ProcessInstance review) {
    for (Task check : drive.tasks(review, "Task_ReviewCompliance")) {
      drive.completeTask(check.getAssignee(), check, Variables.createVariables()
          .putValue(ReviewVariables.COMPLIANCE_OUTCOME, ReviewVariables.COMPLIANT));
    }
    drive.runJobs(review);
  }

  /** One round with every supplier, then the next step. */
  private void talk(ProcessInstance review, String notes, String next, int hours) {
    for (Task talk : drive.tasks(review, "Task_NegotiateWithSupplier")) {
      drive.completeTask(talk.getAssignee(), talk, Variables.createVariables()
          .putValue(ReviewVariables.NEGOTIATION_NOTES, notes));
    }
    drive.runJobs(review);
    Task conclude = drive.tasks(review, "Task_ConcludeNegotiationRound").get(0);
    drive.completeTask(conclude.getAssignee(), conclude, Variables.createVariables()
        .putValue(ReviewVariables.NEXT_STEP, next).putValue(ReviewVariables.FINAL_OFFER_HOURS, hours));
    drive.runJobs(review);
  }

  private static VariableMap scores(double[][] scores) {
    return ReviewSheets.scores(scores);
  }

  private void confirm(ProcessInstance review) {
    for (Task sign : drive.tasks(review, "Task_ConfirmReport")) {
      drive.completeTask(sign.getAssignee(), sign, Variables.createVariables()
          .putValue(ReviewVariables.REPORT_AGREEMENT, ReviewVariables.AGREE));
    }
    drive.runJobs(review);
    assertThat(review).isEnded().hasPassed("EndEvent_Ranked");
  }

  /** The department chooses candidate no. 1; notice and 中标通知书 go out; the contract stage begins the same day. */
  private String award(ProcessInstance purchase) {
    ProcessInstance award = drive.stage(purchase, "AwardStage");
    List<Map<String, Object>> ranking = JsonValues.rows(drive.variable(purchase, ReviewVariables.RANKING));
    drive.complete(DEPARTMENT, award, "Task_ChooseWinner", Variables.createVariables()
        .putValue("chosenBidder", ranking.get(0).get("bidder")));
    assertThat(award).isEnded().hasPassed("EndEvent_Awarded");
    assertThat(purchase).isWaitingAt("Task_ContractStage");
    return (String) drive.variable(purchase, "winner");
  }

  private JsonNode compiledRelease(String project) {
    JsonNode record = ocds.record(project).orElseThrow();
    assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, record)).isEmpty();
    return record.at("/records/0/compiledRelease");
  }

  private static List<String> statuses(JsonNode release) {
    List<String> statuses = new ArrayList<>();
    release.at("/bids/details").forEach(bid -> statuses.add(bid.get("status").asText()));
    return statuses;
  }

  private void forgetCreditRecords() {
    for (String bidder : List.of(YANGGUANG, XINYU, HUIMIN, "org-qingchun", "org-anle")) {
      jdbc.update("DELETE FROM credit_record WHERE organisation_user_id = ?", bidder);
    }
  }
}
