package org.publicservice.procurement.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.publicservice.procurement.contract.ContractFixtures;
import org.publicservice.procurement.contract.ContractVariables;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.evaluation.EvaluationStages;
import org.publicservice.procurement.evaluation.EvaluationVariables;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.ocds.OcdsSchemas;
import org.publicservice.procurement.performance.PerformanceVariables;
import org.publicservice.procurement.performance.ProgressReports;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.rating.ServiceRatings;
import org.publicservice.procurement.review.ReviewSheets;
import org.publicservice.procurement.review.ReviewVariables;
import org.publicservice.procurement.tender.BidBox;
import org.publicservice.procurement.tender.BidContent;
import org.publicservice.procurement.tender.SingleSourceVariables;
import org.publicservice.procurement.tender.CriteriaTable;
import org.publicservice.procurement.tender.TenderVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole purchases through the main process PublicServicePurchase, as their users work them: the department
 * (minzheng), the finance bureau (caizheng), social organisations bidding through the portal's BidBox, the drawn
 * experts, the winner, residents on the portal and the third-party evaluator (pingjia). The engine clock moves
 * from the request to the archive; due jobs are executed when the job executor would execute them. Along the way
 * the public pages and the open data are read as an anonymous visitor reads them (confidentiality); at
 * the end the register, the open data, the project page and the mails show what a user would check (issues 5, 7).
 */
@ProcurementSpringTest
class PurchaseLifecycleTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  /** Monday 2 November 2026, 9:00 in Nantong: the department files its request. */
  /** The request is filed and approved, and its intention published, on a Friday after National Day. */
  static final ZonedDateTime REQUEST_DAY = ZonedDateTime.of(2026, 10, 9, 9, 0, 0, 0, ProcurementTime.ZONE);
  /** The tender documents go out 31 days after the intention (财库〔2020〕10号: at least 30). */
  static final ZonedDateTime TENDER_DAY = ZonedDateTime.of(2026, 11, 9, 9, 0, 0, 0, ProcurementTime.ZONE);

  static final String DEPARTMENT = "minzheng";
  static final String REPRESENTATIVE = "minzheng2";
  static final String FINANCE = "caizheng";
  static final String EVALUATOR = "pingjia";
  static final String YANGGUANG = "org-yangguang";
  static final String XINYU = "org-xinyu";
  static final String HUIMIN = "org-huimin";
  static final String QINGCHUN = "org-qingchun";
  static final List<String> BIDDERS = List.of(YANGGUANG, XINYU, HUIMIN, QINGCHUN);

  /** Bid prices no other test uses, so that a page showing one of them shows this purchase's sealed bid. */
  static final Map<String, String> PRICES = Map.of(YANGGUANG, "4213579", XINYU, "4296481", HUIMIN, "4187654",
      QINGCHUN, "3998765");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired DisclosureRegister register;
  @Autowired ServiceRatings ratings;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  TestIdentities people;
  TasklistDriver tasklist;
  MailDeliveries mails;
  PortalClient visitor;
  String tag;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(engine.getIdentityService());
    tasklist = new TasklistDriver(engine, people);
    mails = new MailDeliveries(engine);
    visitor = new PortalClient(port);
    tag = UUID.randomUUID().toString().substring(0, 8);
    TasklistDriver.at(REQUEST_DAY);
    forgetCreditRecordsOfTheBidders();
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
    forgetCreditRecordsOfTheBidders();
  }

  @Test
  void anOpenTenderGoesFromTheRequestThroughEveryStageToTheArchiveAndThePublicSeesOnlyWhatIsPublic() throws Exception {
    String service = "崇川区居家养老上门服务" + tag;
    List<String> secrets = new ArrayList<>();

    // --- planning: the department files, the finance bureau approves ------------------------------------------
    ProcessInstance purchase = fileRequest(PurchaseRequests.elderlyCare(4_500_000)
        .putValue(PlanningVariables.SERVICE_NAME, service)
        .putValue(PlanningVariables.SERVICE_PERIOD_START, "2027-01-01")
        .putValue(PlanningVariables.SERVICE_PERIOD_END, "2027-12-31"));
    String project = purchase.getBusinessKey();
    assertThat(purchase).isWaitingAt("Task_ReviewRequest");
    assertThat(engine.getRuntimeService().getVariable(purchase.getId(), PlanningVariables.PROCUREMENT_METHOD))
        .isEqualTo("OPEN_TENDER");
    String financeNote = "内部审核意见" + tag + "：预算测算偏高，下年度压减";
    secrets.add(financeNote);
    tasklist.completeAs(FINANCE, purchase, "Task_ReviewRequest", Variables.createVariables()
        .putValue(PlanningVariables.REVIEW_DECISION, PlanningVariables.DECISION_APPROVE)
        .putValue(PlanningVariables.REVIEW_COMMENT, financeNote));
    assertThat(purchase).hasPassed("Task_RecordApprovedPlan", "Task_PublishProcurementIntention")
        .isWaitingAt("Task_TenderStage");

    // a resident comments on the published intention: name, address and text stay with the department
    String residentName = "钱居民" + tag;
    String residentAddress = "resident-" + tag + "@example.com";
    String residentComment = "居民意见" + tag + "：希望增加夜间紧急呼叫服务";
    secrets.addAll(List.of(residentName, residentAddress, residentComment));
    visitor.openProject(project);
    assertThat(visitor.comment(project, residentName, residentComment, residentAddress).statusCode()).isEqualTo(302);

    // --- tender: documents, notice, four sealed bids through the BidBox, deadline, opening ---------------------
    TasklistDriver.at(TENDER_DAY);
    ProcessInstance tender = stage(purchase, TenderVariables.STAGE_PROCESS_KEY);
    assertThat(tender.getBusinessKey()).isEqualTo(project);
    tasklist.completeAs(DEPARTMENT, tender, "Task_PrepareDocuments", Variables.createVariables()
        .putValue(TenderVariables.QUALIFICATION_REQUIREMENTS, "民政部门登记的社会组织；近三年无重大违法记录。")
        .putValue(TenderVariables.EVALUATION_METHOD, TenderVariables.COMPREHENSIVE)
        .putValue(TenderVariables.PRICE_WEIGHT, 30L)
        .putValueTyped(TenderVariables.EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 40, "项目团队", 20, "同类服务业绩", 10))
        .putValue(TenderVariables.BID_DEADLINE_DATE, "2026-11-30")
        .putValue(TenderVariables.BID_DEADLINE_TIME, "09:30")
        .putValue(TenderVariables.CLARIFICATION_DEADLINE_DATE, "2026-11-16")
        .putValue(TenderVariables.BID_BOND, 50_000L));
    assertThat(tender).isWaitingAt("Timer_BidDeadline");

    TasklistDriver.at(TENDER_DAY.plusDays(1).withHour(10));
    List<String> plans = new ArrayList<>();
    for (String bidder : BIDDERS) {
      String plan = bidder + "服务方案" + tag + "：分片包干，每周巡访两次";
      plans.add(plan);
      bidBox.submit(project, bidder, new BidContent(new BigDecimal(PRICES.get(bidder)), plan,
          "项目负责人1名、社工6名、护理员20名。", "民办非企业单位登记证书；养老服务资质。"));
    }
    assertThat(bidBox.countBids(project)).isEqualTo(4);
    // before the opening no public page and no open data shows a price or a plan of a sealed bid
    List<String> sealed = new ArrayList<>(plans);
    PRICES.values().forEach(price -> sealed.addAll(List.of(price, grouped(price))));
    assertNowhereInPublic(project, sealed);
    // nor who bid: the opening record is the first public word of the bidders
    assertNowhereInProjectPages(project, List.of("南通阳光养老服务中心", "南通心语社会工作服务社", "南通惠民社区服务中心",
        "南通青春志愿服务协会"));

    Job deadline = job(tender, "Timer_BidDeadline");
    at(deadline.getDuedate(), 1000);
    engine.getManagementService().executeJob(deadline.getId());
    assertThat(tender).isEnded().hasPassed("Task_OpenBids", "EndEvent_BidsOpened");
    assertThat(purchase).hasPassed("Task_TenderStage").isWaitingAt("Task_ReviewStage");
    assertThat(notices(project, NoticeType.OPENING_RECORD)).singleElement().satisfies(record ->
        assertThat(record.content()).contains(grouped(PRICES.get(XINYU))));

    // --- review: credit check, qualification (one bid fails), panel with declarations, scores, report ----------
    ProcessInstance review = stage(purchase, ReviewVariables.PROCESS_KEY);
    tasklist.runJobs(review);
    String failReason = "资格审查内部意见" + tag + "：社保缴纳证明缺失";
    secrets.add(failReason);
    tasklist.completeAs(DEPARTMENT, review, "Task_ReviewQualification", ReviewSheets.qualification(ReviewVariables.PASS,
        ReviewVariables.PASS, ReviewVariables.PASS, ReviewVariables.FAIL, failReason)
        .putValue(ReviewVariables.REPRESENTATIVE, REPRESENTATIVE));
    tasklist.runJobs(review);
    List<Task> declarations = tasklist.tasks(review, "Task_DeclareConflict");
    assertThat(declarations).hasSize(4);
    for (Task declaration : declarations) {
      submitAs(declaration.getAssignee(), declaration, Variables.createVariables()
          .putValue(ReviewVariables.CONFLICT_DECLARATION, ReviewVariables.NO_CONFLICT));
    }
    tasklist.runJobs(review);
    List<Map<String, Object>> panel = JsonValues.rows(
        engine.getRuntimeService().getVariable(review.getId(), ReviewVariables.PANEL));
    assertThat(panel).hasSize(5);
    List<String> experts = panel.stream().filter(m -> !"DEPARTMENT_REPRESENTATIVE".equals(m.get("role")))
        .map(m -> m.get("userId").toString()).toList();
    List<String> expertNames = panel.stream().filter(m -> !"DEPARTMENT_REPRESENTATIVE".equals(m.get("role")))
        .map(m -> m.get("name").toString()).toList();
    assertThat(expertNames).hasSize(4);
    // the panel's compliance review, recorded by its chair: every qualified bid meets the substantive requirements
    List<Task> compliance = tasklist.tasks(review, "Task_ReviewCompliance");
    assertThat(compliance).hasSize(3).allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo(experts.get(0)));
    for (Task bid : compliance) {
      submitAs(bid.getAssignee(), bid, Variables.createVariables()
          .putValue(ReviewVariables.COMPLIANCE_OUTCOME, ReviewVariables.COMPLIANT));
    }
    tasklist.runJobs(review);

    // every member scores the three qualified bids (in order of submission: yangguang, xinyu, huimin)
    double[][] scores = {{30, 15, 7}, {38, 19, 9}, {33, 16, 8}};
    for (Task sheet : tasklist.tasks(review, "Task_ScoreBids")) {
      submitAs(sheet.getAssignee(), sheet, ReviewSheets.scores(scores));
    }
    tasklist.runJobs(review);
    String dissent = "评审不同意见" + tag + "：项目团队分值偏高";
    secrets.add(dissent);
    List<Task> confirmations = tasklist.tasks(review, "Task_ConfirmReport");
    assertThat(confirmations).hasSize(5);
    for (int i = 0; i < confirmations.size(); i++) {
      Task confirm = confirmations.get(i);
      VariableMap form = Variables.createVariables();
      if (i == 0) {
        form.putValue(ReviewVariables.REPORT_AGREEMENT, ReviewVariables.DISSENT)
            .putValue(ReviewVariables.REPORT_DISSENT, dissent);
      } else {
        form.putValue(ReviewVariables.REPORT_AGREEMENT, ReviewVariables.AGREE);
      }
      submitAs(confirm.getAssignee(), confirm, form);
    }
    tasklist.runJobs(review);
    assertThat(review).isEnded().hasPassed("EndEvent_Ranked");
    assertThat(purchase).hasPassed("Task_ReviewStage").isWaitingAt("Task_AwardStage");
    List<Map<String, Object>> ranking = JsonValues.rows(variable(purchase, ReviewVariables.RANKING));
    assertThat(ranking).extracting(r -> r.get("bidder")).containsExactly(XINYU, HUIMIN, YANGGUANG);

    // before the award notice no expert's name is public; nor are the internal comments so far
    assertNowhereInProjectPages(project, expertNames);
    assertNowhereInPublic(project, secrets);

    // --- award: the department chooses no. 1; notice with the panel and the 中标通知书; the contract stage starts ---
    TasklistDriver.at(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance award = stage(purchase, "AwardStage");
    tasklist.completeAs(DEPARTMENT, award, "Task_ChooseWinner", Variables.createVariables().putValue("chosenBidder", XINYU));
    DisclosureNotice awardNotice = notices(project, NoticeType.AWARD_NOTICE).get(0);
    assertThat(awardNotice.content()).contains("南通心语社会工作服务社", grouped(PRICES.get(XINYU)));
    assertThat(awardNotice.content()).contains(expertNames.toArray(String[]::new));
    assertThat(visitor.get("/portal/notices/" + awardNotice.id()).body()).contains(expertNames.toArray(String[]::new));
    assertThat(award).isEnded().hasPassed("EndEvent_Awarded");
    assertThat(purchase).hasPassed("Task_AwardStage").isWaitingAt("Task_ContractStage");
    assertThat(variable(purchase, "winner")).isEqualTo(XINYU);
    ProcessInstance contract = stage(purchase, ContractVariables.PROCESS_KEY);
    Date signBy = (Date) engine.getRuntimeService().getVariable(contract.getId(), ContractVariables.SIGNING_DEADLINE);

    // --- a challenge: the no. 2 challenges the result through Tasklist's start form; signing waits for the reply;
    // the department rejects it two days later and the winner's period grows by those two days ----------------
    TasklistDriver.at(ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE));
    people.actAs(HUIMIN);
    ProcessInstance challenge;
    try {
      challenge = engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("BidChallenge").latestVersion().singleResult().getId(), Variables.createVariables()
          .putValue("projectNumber", project).putValue("challengeSubject", "RESULT")
          .putValue("challengeGrounds", "中标供应商的服务团队人数不足招标文件要求。"));
    } finally {
      people.actAsNobody();
    }
    TasklistDriver.at(ZonedDateTime.of(2026, 12, 5, 10, 0, 0, 0, ProcurementTime.ZONE));
    tasklist.completeAs(DEPARTMENT, challenge, "Task_ReplyToChallenge", Variables.createVariables()
        .putValue("challengeDecision", "REJECTED").putValue("challengeReply", "经核查，中标供应商服务团队27人，符合要求。"));
    assertThat(challenge).isEnded().hasPassed("EndEvent_ChallengeSettled");
    assertThat((Date) engine.getRuntimeService().getVariable(contract.getId(), ContractVariables.SIGNING_DEADLINE))
        .isAfterOrEqualTo(Date.from(signBy.toInstant().plus(java.time.Duration.ofDays(2))));

    // --- contract: draft, the organisation signs, the department countersigns, publication, filing ------------
    signContract(purchase, XINYU, 4_296_481L, """
        第一阶段验收：1500000：2027-04-30
        第二阶段验收：1500000：2027-11-30
        绩效评价后尾款：1296481：2028-01-31""");

    // --- performance: each milestone reported, accepted with the recipients, paid once ------------------------
    perform(purchase, XINYU);

    // --- evaluation: self-evaluation, ratings of recipients and residents, third party, grade, archive ---------
    ProcessInstance evaluation = stage(purchase, EvaluationVariables.PROCESS_KEY);
    String ratingComment = "评价留言" + tag + "：护理员张阿姨很耐心";
    String rater = "rater-" + tag + "@example.com";
    secrets.addAll(List.of(ratingComment, rater));
    evaluate(purchase, evaluation, XINYU, ratingComment, rater);
    String grade = (String) variable(purchase, EvaluationVariables.GRADE);
    assertThat(grade).isEqualTo(EvaluationVariables.GRADE_EXCELLENT);
    assertThat(BigDecimal.valueOf(((Number) variable(purchase, EvaluationVariables.SCORE)).doubleValue()))
        .isEqualByComparingTo("90.7");
    assertThat(purchase).hasPassed("Task_RecordApprovedPlan", "Task_TenderStage", "Task_ReviewStage", "Task_AwardStage")
        .hasNotPassed("Task_SingleSourceProcurement", "Task_AdoptSingleSourceAward");

    // --- what the public sees at the end -------------------------------------------------------------------
    List<DisclosureNotice> published = register.findByProject(project);
    assertThat(published).extracting(DisclosureNotice::type).containsExactly(
        NoticeType.PROCUREMENT_INTENTION, NoticeType.TENDER_NOTICE, NoticeType.OPENING_RECORD,
        NoticeType.AWARD_NOTICE, NoticeType.CONTRACT, NoticeType.ACCEPTANCE, NoticeType.PAYMENT,
        NoticeType.ACCEPTANCE, NoticeType.PAYMENT, NoticeType.EVALUATION_RESULT);

    JsonNode records = ocds("/ocds/records/" + project);
    assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, records)).isEmpty();
    JsonNode releases = ocds("/ocds/releases/" + project);
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, releases)).isEmpty();
    assertThat(releases.get("releases")).hasSize(published.size());
    JsonNode compiled = records.at("/records/0/compiledRelease");
    assertThat(compiled.at("/tender/procurementMethod").asText()).isEqualTo("open");
    assertThat(compiled.at("/tender/numberOfTenderers").asInt()).isEqualTo(4);
    // the bids as the award notice made them public: the one that failed the qualification review is disqualified
    List<String> bidStatuses = new ArrayList<>();
    compiled.at("/bids/details").forEach(bid -> bidStatuses.add(bid.at("/tenderers/0/id").asText() + ":"
        + bid.get("status").asText()));
    assertThat(bidStatuses).containsExactlyInAnyOrder("CN-ORG-" + YANGGUANG + ":valid", "CN-ORG-" + XINYU + ":valid",
        "CN-ORG-" + HUIMIN + ":valid", "CN-ORG-" + QINGCHUN + ":disqualified");
    assertThat(compiled.at("/awards/0/suppliers/0/name").asText()).isEqualTo("南通心语社会工作服务社");
    assertThat(compiled.at("/awards/0/value/amount").decimalValue()).isEqualByComparingTo("4296481");
    assertThat(compiled.at("/contracts/0/value/amount").decimalValue()).isEqualByComparingTo("4296481");
    assertThat(compiled.at("/contracts/0/dateSigned").asText()).startsWith("2026-12-15");
    // the contract carries out the one award of the purchase, and after the evaluation and final payment it has ended
    assertThat(compiled.at("/awards")).hasSize(1);
    assertThat(compiled.at("/contracts/0/awardID").asText()).isEqualTo(compiled.at("/awards/0/id").asText())
        .isEqualTo(project + "-award-1");
    assertThat(compiled.at("/contracts/0/id").asText()).isNotEqualTo(compiled.at("/awards/0/id").asText());
    assertThat(compiled.at("/contracts/0/status").asText()).isEqualTo("terminated");
    assertThat(compiled.at("/tender/status").asText()).isEqualTo("complete");
    List<String> paid = new ArrayList<>();
    compiled.at("/contracts/0/implementation/transactions").forEach(t -> paid.add(t.at("/value/amount").decimalValue()
        .stripTrailingZeros().toPlainString()));
    assertThat(paid).containsExactly("1500000", "1500000", "1296481");
    // every payment, the final one after the evaluation included, names who paid and who was paid
    compiled.at("/contracts/0/implementation/transactions").forEach(t -> {
      assertThat(t.at("/payee/name").asText()).isEqualTo("南通心语社会工作服务社");
      assertThat(t.at("/payer/name").asText()).isEqualTo("南通市民政局");
    });
    assertThat(compiled.at("/contracts/0/implementation/milestones").toString()).contains("第一阶段验收", "第二阶段验收",
        "评价等级：优秀");

    String page = visitor.get("/portal/projects/" + project).body();
    int previous = -1;
    for (DisclosureNotice notice : published) {
      int at = page.indexOf(notice.title(), previous + 1);
      assertThat(at).as("the project page lists %s after the notices before it", notice.title()).isGreaterThan(previous);
      previous = at;
    }

    assertNowhereInPublic(project, secrets);

    // --- the mails of the whole purchase ----------------------------------------------------------------------
    mails.deliver(project);
    String subject = project + " " + service;
    assertThat(subjects(FINANCE)).contains("【新待办】" + subject + "：审核采购申请");
    assertThat(subjects(DEPARTMENT)).contains("【采购计划已批准】" + subject);
    for (String bidder : List.of(YANGGUANG, HUIMIN)) {
      assertThat(subjects(bidder)).as(bidder).contains("【投标回执】" + subject, "【开标记录】" + subject,
          "【中标结果】" + subject + " 您的得分与排名");
    }
    assertThat(mail(HUIMIN, "【中标结果】").getContent().toString()).contains("排名：第2名", "贵单位未中标");
    // the winner's result comes as the 中标（成交）通知书 (87号令第六十九条), and the challenger gets its reply
    assertThat(subjects(XINYU)).contains("【投标回执】" + subject, "【开标记录】" + subject, "【中标（成交）通知书】" + subject);
    assertThat(mail(XINYU, "【中标（成交）通知书】").getContent().toString()).contains("中标（成交）通知书",
        "自本通知书发出之日起30日内");
    assertThat(mail(HUIMIN, "【质疑答复】").getContent().toString()).contains("质疑不成立", "中标供应商服务团队27人");
    assertThat(subjects(XINYU)).contains("【合同待签订】" + subject + " 政府采购合同",
        "【款项已支付】" + subject + " 第1期 第一阶段验收", "【款项已支付】" + subject + " 第2期 第二阶段验收",
        "【绩效评价结果】" + subject);
    assertThat(mail(XINYU, "【合同待签订】").getContent().toString()).contains("合同金额：4,296,481.00元");
    assertThat(mail(XINYU, "【绩效评价结果】").getContent().toString()).contains("优秀");
    assertThat(MailDeliveries.mailsTo(greenMail, rater)).extracting(MailDeliveries::subject)
        .contains("【评价结果公布】" + subject);
    assertThat(subjects(DEPARTMENT)).contains("【新待办】" + subject + "：编制招标文件");
    for (String expert : experts) {
      assertThat(subjects(expert)).as(expert).contains("【新待办】" + subject + "：回避声明");
    }
    assertThat(subjects(EVALUATOR)).contains("【新待办】" + subject + "：第三方评价打分");
    // the others learn only what concerns them
    for (String loser : List.of(YANGGUANG, HUIMIN, QINGCHUN)) {
      assertThat(subjects(loser)).as(loser).noneMatch(s -> s.startsWith("【合同待签订】") || s.startsWith("【款项已支付】")
          || s.startsWith("【绩效评价结果】"));
    }
    assertThat(subjects("org-anle")).noneMatch(s -> s.contains(project));
    assertThat(mail(FINANCE, "【新待办】").getContent().toString()).contains(project, service, "/camunda/app/tasklist");
    String receipt = mail(XINYU, "【投标回执】").getContent().toString();
    assertThat(receipt).doesNotContain(PRICES.get(XINYU), grouped(PRICES.get(XINYU)));
  }

  @Test
  void aSingleSourcePurchaseGoesFromItsSupplierIntoTheContractStageAndOnToTheArchive() throws Exception {
    String service = "崇川区盲文教学服务" + tag;
    String anle = "org-anle";
    ProcessInstance purchase = fileRequest(PurchaseRequests.elderlyCare(300_000)
        .putValue(PlanningVariables.SERVICE_NAME, service)
        .putValue(PlanningVariables.SINGLE_SOURCE_GROUND, "UNIQUE_SUPPLIER")
        .putValue(PlanningVariables.SINGLE_SOURCE_JUSTIFICATION, "本市唯一具备盲文教学资质的社会组织。"));
    String project = purchase.getBusinessKey();
    tasklist.completeAs(FINANCE, purchase, "Task_ReviewRequest", Variables.createVariables()
        .putValue(PlanningVariables.REVIEW_DECISION, PlanningVariables.DECISION_APPROVE));
    assertThat(purchase).isWaitingAt("Task_SingleSourceProcurement");

    ProcessInstance singleSource = stage(purchase, SingleSourceVariables.STAGE_PROCESS_KEY);
    tasklist.completeAs(DEPARTMENT, singleSource, "Task_PrepareNotice", Variables.createVariables()
        .putValue(SingleSourceVariables.SUPPLIER, anle)
        .putValue(SingleSourceVariables.SUPPLIER_QUALIFICATIONS, "民政部门登记的社会服务机构，持有盲文教学资质证书。")
        .putValue(PlanningVariables.SINGLE_SOURCE_JUSTIFICATION, "本市唯一具备盲文教学资质的社会组织。")
        .putValue(SingleSourceVariables.PROPOSED_PRICE, 290_000L));
    Job noticePeriod = job(singleSource, "Timer_NoticePeriodEnds");
    at(noticePeriod.getDuedate(), 1000);
    engine.getManagementService().executeJob(noticePeriod.getId());
    tasklist.completeAs(FINANCE, singleSource, "Task_ApproveSingleSource", Variables.createVariables()
        .putValue(SingleSourceVariables.APPROVAL_DECISION, SingleSourceVariables.APPROVE)
        .putValue(SingleSourceVariables.APPROVAL_COMMENT, "同意采用单一来源采购。"));
    tasklist.completeAs(DEPARTMENT, singleSource, "Task_RecordNegotiation", Variables.createVariables()
        .putValue(SingleSourceVariables.AGREED_PRICE, 280_000L)
        .putValue(SingleSourceVariables.NEGOTIATION_RECORD, "与供应商协商，服务内容不变，价格按人工成本核定。"));
    assertThat(singleSource).isEnded();
    assertThat(purchase).hasPassed("Task_SingleSourceProcurement", "Task_AdoptSingleSourceAward")
        .hasNotPassed("Task_TenderStage", "Task_ReviewStage", "Task_AwardStage").isWaitingAt("Task_ContractStage");
    assertThat(variable(purchase, "winner")).isEqualTo(anle);

    signContract(purchase, anle, 280_000L, """
        第一阶段验收：100000：2027-04-30
        第二阶段验收：100000：2027-11-30
        绩效评价后尾款：80000：2028-01-31""");
    perform(purchase, anle);
    String ratingComment = "评价留言" + tag + "：老师讲解细致";
    String rater = "rater-" + tag + "@example.com";
    evaluate(purchase, stage(purchase, EvaluationVariables.PROCESS_KEY), anle, ratingComment, rater);

    assertThat(register.findByProject(project)).extracting(DisclosureNotice::type).containsExactly(
        NoticeType.PROCUREMENT_INTENTION, NoticeType.SINGLE_SOURCE_NOTICE, NoticeType.AWARD_NOTICE,
        NoticeType.CONTRACT, NoticeType.ACCEPTANCE, NoticeType.PAYMENT, NoticeType.ACCEPTANCE, NoticeType.PAYMENT,
        NoticeType.EVALUATION_RESULT);
    JsonNode records = ocds("/ocds/records/" + project);
    assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, records)).isEmpty();
    assertThat(records.at("/records/0/compiledRelease/tender/procurementMethod").asText()).isEqualTo("direct");
    assertThat(records.at("/records/0/compiledRelease/contracts/0/value/amount").decimalValue())
        .isEqualByComparingTo("280000");
    assertNowhereInPublic(project, List.of(ratingComment, rater));

    mails.deliver(project);
    String subject = project + " " + service;
    assertThat(subjects(anle)).contains("【成交通知】" + subject + " 单一来源采购", "【合同待签订】" + subject + " 政府采购合同",
        "【款项已支付】" + subject + " 第1期 第一阶段验收", "【款项已支付】" + subject + " 第2期 第二阶段验收",
        "【绩效评价结果】" + subject);
  }

  // --- driving the purchase ------------------------------------------------------------------------------------

  private ProcessInstance fileRequest(VariableMap request) {
    people.actAs(DEPARTMENT);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(PlanningVariables.PROCESS_KEY).latestVersion().singleResult().getId(), request);
    } finally {
      people.actAsNobody();
    }
  }

  private void signContract(ProcessInstance purchase, String contractor, long amount, String schedule) {
    TasklistDriver.at(ZonedDateTime.of(2026, 12, 14, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance contract = stage(purchase, ContractVariables.PROCESS_KEY);
    tasklist.completeAs(DEPARTMENT, contract, "Task_DraftContract", Variables.createVariables()
        .putValue(ContractVariables.CONTRACT_AMOUNT, amount)
        .putValue(ContractVariables.PERFORMANCE_BOND, amount / 20)
        .putValue(ContractVariables.CONTRACT_PERIOD_START, "2027-01-01")
        .putValue(ContractVariables.CONTRACT_PERIOD_END, "2027-12-31")
        .putValueTyped(ContractVariables.PAYMENT_SCHEDULE, ContractFixtures.schedule(schedule))
        .putValue(ContractVariables.CONTRACT_TERMS, "服务人员变动须提前10日书面告知采购人。"));
    TasklistDriver.at(ZonedDateTime.of(2026, 12, 15, 10, 0, 0, 0, ProcurementTime.ZONE));
    tasklist.completeAs(contractor, contract, "Task_SignContract", Variables.createVariables()
        .putValue(ContractVariables.CONTRACTOR_DECISION, ContractVariables.SIGN));
    tasklist.completeAs(DEPARTMENT, contract, "Task_CountersignContract", Variables.createVariables()
        .putValue(ContractVariables.DEPARTMENT_SIGNS, true));
    TasklistDriver.at(ZonedDateTime.of(2026, 12, 16, 10, 0, 0, 0, ProcurementTime.ZONE));
    tasklist.completeAs(DEPARTMENT, contract, "Task_PublishContract", Variables.createVariables());
    tasklist.completeAs(DEPARTMENT, contract, "Task_FileContract", Variables.createVariables()
        .putValue(ContractVariables.FILING_REFERENCE, "通财购备〔2026〕" + tag));
    assertThat(contract).isEnded().hasPassed("EndEvent_ContractSigned");
    assertThat(purchase).hasPassed("Task_ContractStage").isWaitingAt("Task_PerformanceStage");
    assertThat(variable(purchase, ContractVariables.CONTRACTOR)).isEqualTo(contractor);
  }

  /** Both phased milestones (30 April and 30 November 2027) reported, accepted and paid; the last follows the grade. */
  private void perform(ProcessInstance purchase, String contractor) {
    ProcessInstance performance = stage(purchase, PerformanceVariables.PROCESS_KEY);
    TasklistDriver.at(ZonedDateTime.of(2027, 4, 26, 10, 0, 0, 0, ProcurementTime.ZONE));
    // a count may carry the unit of its target (76800人次)
    deliverMilestone(performance, contractor, 92, "91%", "26000人次");
    TasklistDriver.at(ZonedDateTime.of(2027, 11, 29, 10, 0, 0, 0, ProcurementTime.ZONE));
    deliverMilestone(performance, contractor, 94, "93%", "70000");
    assertThat(performance).isEnded().hasPassed("EndEvent_Delivered");
    assertThat(purchase).hasPassed("Task_PerformanceStage").isWaitingAt("Task_EvaluationStage");
  }

  /**
   * The evaluation: two service recipients rate with the department's codes (one with a comment), a resident with
   * a confirmed address who wants to hear the outcome; self-evaluation, the window closing on its timer, the third
   * party's scores, the grade; the main process then ends archived.
   */
  private void evaluate(ProcessInstance purchase, ProcessInstance evaluation, String contractor, String ratingComment,
      String rater) throws Exception {
    String project = purchase.getBusinessKey();
    // the evaluation begins when the service period is over, not before
    Job periodEnds = engine.getManagementService().createJobQuery().processInstanceId(evaluation.getId())
        .activityId("Timer_ServicePeriodEnds").singleResult();
    if (periodEnds != null) {
      assertThat(evaluation).isWaitingAt("Timer_ServicePeriodEnds");
      at(periodEnds.getDuedate(), 1000);
      engine.getManagementService().executeJob(periodEnds.getId());
      tasklist.runJobs(evaluation);
    }
    assertThat(evaluation).isWaitingAt("Task_SelfEvaluation", "Task_HandOutRatingCodes");
    Task handOut = tasklist.task(evaluation, "Task_HandOutRatingCodes");
    List<String> codes = List.of(((String) engine.getTaskService()
        .getVariableLocal(handOut.getId(), EvaluationVariables.RATING_CODES)).split("\n"));
    ratings.rateWithCode(project, codes.get(0), Map.of(1, 5, 2, 4), ratingComment);
    ratings.rateWithCode(project, codes.get(1), Map.of(1, 4, 2, 4), null);
    ratings.sendEmailCode(project, rater);
    mails.deliver(project);
    String confirmation = confirmationCode(MailDeliveries.mailsTo(greenMail, rater));
    ratings.rateWithEmail(project, rater, confirmation, Map.of(1, 5, 2, 5), null, true);

    tasklist.completeAs(contractor, evaluation, "Task_SelfEvaluation", EvaluationStages.selfEvaluation(
        new String[] {"93%", "72000人次"}, 92.0, 90.0)
        .putValue(EvaluationVariables.SELF_REPORT, "全年完成上门服务72,000人次，建立服务记录档案。"));
    tasklist.completeAs(DEPARTMENT, evaluation, "Task_HandOutRatingCodes", Variables.createVariables()
        .putValue(EvaluationVariables.RATING_CODES_HANDED_OUT, true));
    Job ratingWindow = engine.getManagementService().createJobQuery().processInstanceId(evaluation.getId()).timers()
        .singleResult();
    at(ratingWindow.getDuedate(), 1000);
    engine.getManagementService().executeJob(ratingWindow.getId());
    assertThat(evaluation).isWaitingAt("Task_ThirdPartyEvaluation");
    tasklist.completeAs(EVALUATOR, evaluation, "Task_ThirdPartyEvaluation", EvaluationStages.thirdPartyScores(92.0, 90.0)
        .putValue(EvaluationVariables.THIRD_PARTY_REPORT, "经入户抽查120户并查阅服务记录，评价如下。"));
    tasklist.runJobs(evaluation);

    assertThat(evaluation).isEnded().hasPassed("Task_RecordFinalPayment", "Task_PublishEvaluationResult",
        "Task_ArchivePurchase", "EndEvent_EvaluationCompleted");
    assertThat(purchase).isEnded().hasPassed("Task_ContractStage", "Task_PerformanceStage", "Task_EvaluationStage",
        "EndEvent_PurchaseArchived");
  }

  private void deliverMilestone(ProcessInstance performance, String contractor, int satisfaction, String... values) {
    tasklist.completeAs(contractor, performance, "Task_SubmitProgressReport", Variables.createVariables()
        .putValue(PerformanceVariables.PROGRESS_REPORT, "本期完成上门助餐、助洁服务，服务记录已归档。")
        .putValueTyped(PerformanceVariables.INDICATOR_RESULTS, ProgressReports.reached(values)));
    tasklist.completeAs(DEPARTMENT, performance, "Task_AcceptMilestone", Variables.createVariables()
        .putValue(PerformanceVariables.ACCEPTANCE_DECISION, PerformanceVariables.ACCEPT)
        .putValue(PerformanceVariables.RECIPIENT_PARTICIPANTS, "服务对象代表12人")
        .putValue(PerformanceVariables.RECIPIENT_SATISFACTION, satisfaction));
    tasklist.runJobs(performance);
    // accepted before the date the schedule sets for its payment: paid on that date
    Job paymentDate = engine.getManagementService().createJobQuery().processInstanceId(performance.getId())
        .activityId("Timer_PaymentDate").singleResult();
    if (paymentDate != null) {
      at(paymentDate.getDuedate(), 1000);
      engine.getManagementService().executeJob(paymentDate.getId());
      tasklist.runJobs(performance);
    }
  }

  /** The stage the main process is calling now. */
  private ProcessInstance stage(ProcessInstance purchase, String processKey) {
    ProcessInstance stage = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(purchase.getId()).processDefinitionKey(processKey).singleResult();
    assertThat(stage).as("the main process calls %s", processKey).isNotNull();
    return stage;
  }

  private void submitAs(String user, Task task, VariableMap form) {
    people.actAs(user);
    try {
      engine.getFormService().submitTaskForm(task.getId(), form);
    } finally {
      people.actAsNobody();
    }
  }

  private Job job(ProcessInstance instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).singleResult();
    assertThat(job).as("job of %s", activityId).isNotNull();
    return job;
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  /** Just after a due date: the moment the job executor would pick the timer up. */
  private static void at(Date due, long afterMillis) {
    ClockUtil.setCurrentTime(new Date(due.getTime() + afterMillis));
  }

  private void forgetCreditRecordsOfTheBidders() {
    for (String bidder : BIDDERS) {
      jdbc.update("DELETE FROM credit_record WHERE organisation_user_id = ?", bidder);
    }
  }

  // --- what the public reads -----------------------------------------------------------------------------------

  private List<DisclosureNotice> notices(String project, NoticeType type) {
    return register.findByProject(project).stream().filter(n -> n.type() == type).toList();
  }

  /** Pages of this purchase: its project page, its notices, its open data, the portal's search for it. */
  private List<String> projectPages(String project) {
    List<String> paths = new ArrayList<>(List.of("/portal/projects/" + project, "/portal/notices?q=" + project,
        "/portal/ratings/" + project, "/ocds/releases/" + project, "/ocds/records/" + project));
    register.findByProject(project).forEach(notice -> paths.add("/portal/notices/" + notice.id()));
    return paths;
  }

  /** Every public page and open-data document, of this purchase and of the portal as a whole. */
  private List<String> publicPages(String project) {
    List<String> paths = new ArrayList<>(projectPages(project));
    paths.addAll(List.of("/portal", "/portal/notices", "/portal/organisations", "/portal/statistics",
        "/portal/ratings", "/ocds/releases"));
    BIDDERS.forEach(bidder -> paths.add("/portal/organisations/" + bidder));
    return paths;
  }

  private void assertNowhereInPublic(String project, List<String> secrets) {
    assertAbsent(publicPages(project), secrets);
  }

  private void assertNowhereInProjectPages(String project, List<String> secrets) {
    assertAbsent(projectPages(project), secrets);
  }

  private void assertAbsent(List<String> paths, List<String> secrets) {
    PortalClient reader = new PortalClient(port);
    for (String path : paths) {
      HttpResponse<String> answer = reader.get(path);
      if (path.startsWith("/portal/ratings/")) {
        // the rating page of a project exists once its evaluation opens
        assertThat(answer.statusCode()).as(path).isIn(200, 404);
      } else {
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
      }
      assertThat(answer.body()).as(path).doesNotContain(secrets.toArray(String[]::new));
    }
  }

  private JsonNode ocds(String path) throws Exception {
    HttpResponse<String> answer = visitor.get(path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return json.readTree(answer.body());
  }

  /** A price as notices and pages write it: 4,296,481. */
  private static String grouped(String price) {
    return String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(price));
  }

  // --- mail ----------------------------------------------------------------------------------------------------

  private List<String> subjects(String user) {
    return MailDeliveries.mailsTo(greenMail, user + "@demo.local").stream().map(MailDeliveries::subject).toList();
  }

  private MimeMessage mail(String user, String subjectStart) {
    return MailDeliveries.mailsTo(greenMail, user + "@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith(subjectStart)).findFirst().orElseThrow(() ->
            new AssertionError(user + " got no mail " + subjectStart + ", only " + subjects(user)));
  }

  private static String confirmationCode(List<MimeMessage> mails) throws Exception {
    for (MimeMessage mail : mails) {
      Matcher code = Pattern.compile("验证码为：\\s+(\\d{6})").matcher(mail.getContent().toString());
      if (code.find()) {
        return code.group(1);
      }
    }
    throw new AssertionError("no confirmation code among " + mails.size() + " mails");
  }
}
