package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.review.ReviewStages.BIDS;
import static org.publicservice.procurement.review.ReviewStages.assignees;
import static org.publicservice.procurement.review.ReviewStages.forgetCreditRecordsOfTheBidders;
import static org.publicservice.procurement.review.ReviewStages.inputs;
import static org.publicservice.procurement.review.ReviewStages.set;
import static org.publicservice.procurement.review.ReviewVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.credit.CreditEffect;
import org.publicservice.procurement.credit.CreditListing;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.credit.NewCreditRecord;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review stage from opened bids to the panel's signed report, started directly with the IN variables of
 * ReviewVariables and worked as the department, the drawn experts and the panel would work it in Tasklist.
 */
@ProcurementSpringTest
class ReviewStageProcessTest {

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(MONDAY);

  /** A Monday morning in Nantong. */
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, ProcurementTime.ZONE);

  /** Scores of one panel member: bids 1-4 (as in {@link ReviewStages#BIDS}) on 服务方案/40, 服务团队/20, 管理制度/10. */
  static final double[][] SCORES = {{36, 18, 9}, {30, 15, 8}, {38, 19, 10}, {32, 16, 8}};

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired CreditRegister creditRegister;
  @Autowired DisclosureRegister disclosure;
  @Autowired ReviewRecords records;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired JdbcTemplate jdbc;

  ReviewStages stages;

  @BeforeEach
  void setUp() {
    stages = new ReviewStages(engine, session.people());
    forgetCreditRecordsOfTheBidders(jdbc);
  }

  @AfterEach
  void tearDown() {
    forgetCreditRecordsOfTheBidders(jdbc);
  }

  @Test
  void aCleanReviewEndsWithTheRankingAndTheSignedReport() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0901", 2_000_000, COMPREHENSIVE, 3, BIDS));

    assertThat(stage).isWaitingAt("Task_ReviewQualification");
    assertThat(taskService.getIdentityLinksForTask(stages.task(stage, "Task_ReviewQualification").getId()))
        .extracting(link -> link.getGroupId()).containsExactly("dept-civil-affairs");
    // 财库〔2016〕125号: checked for the window from the notice to the bid deadline, as the register stood then
    List<Map<String, Object>> checks = records.creditChecks("NT-2026-0901");
    assertThat(checks).hasSize(4).allSatisfy(check -> {
      assertThat(check.get("OUTCOME")).isEqualTo("CLEAR");
      assertThat(check.get("CHECKED_ON").toString()).isEqualTo("2026-12-04");
      assertThat(((java.time.OffsetDateTime) check.get("WINDOW_FROM")).toInstant())
          .isEqualTo(java.time.OffsetDateTime.parse("2026-11-13T10:00:00+08:00").toInstant());
      assertThat(((java.time.OffsetDateTime) check.get("AS_OF")).toInstant())
          .isEqualTo(java.time.OffsetDateTime.parse("2026-12-04T09:30:00+08:00").toInstant());
      assertThat(check.get("EVIDENCE")).isEqualTo("[]");
    });

    stages.submitQualification(stage, stages.qualificationForm(4, "minzheng2"));
    // 5 seats for 2,000,000 yuan: the department's representative and 4 experts
    List<Task> declarations = stages.tasks(stage, "Task_DeclareConflict");
    assertThat(declarations).hasSize(4);
    assertThat(declarations).allSatisfy(task -> {
      assertThat(task.getAssignee()).startsWith("expert");
      assertThat(task.getDueDate()).isEqualTo(workingDays.after(LocalDate.of(2026, 12, 7), 1));
    });
    List<String> experts = stages.acceptAll(stage);
    stages.passCompliance(stage);

    assertThat(stage).isWaitingAt("Task_ScoreBids");
    List<Task> sheets = stages.tasks(stage, "Task_ScoreBids");
    assertThat(assignees(sheets)).containsExactlyInAnyOrderElementsOf(
        List.of(experts.get(0), experts.get(1), experts.get(2), experts.get(3), "minzheng2"));
    List<Map<String, Object>> panel = JsonValues.rows(engine.getRuntimeService().getVariable(stage.getId(), PANEL));
    assertThat(panel).hasSize(5);
    assertThat(panel.get(0).get("role")).isEqualTo("CHAIR");
    assertThat(panel.get(0).get("userId").toString()).startsWith("expert");
    assertThat(panel.get(4)).containsEntry("userId", "minzheng2").containsEntry("role", "DEPARTMENT_REPRESENTATIVE");
    assertThat(panel).filteredOn(m -> "EXPERT".equals(m.get("role"))).hasSize(3);

    stages.scoreAll(stage, SCORES);
    assertThat(stage).isWaitingAt("Task_ConfirmReport");
    String reportId = (String) engine.getRuntimeService().getVariable(stage.getId(), REVIEW_REPORT_ID);
    String text = (String) engine.getRuntimeService().getVariable(stage.getId(), REPORT_TEXT);
    assertThat(text).contains("评审报告 " + reportId, "组长（评审专家）", "采购人代表", "南通惠民社区服务中心：服务方案 38，服务团队 19，管理制度 10；合计 67",
        "1. 南通惠民社区服务中心　报价 1,900,000.00元　价格分 26.05　评审分（各评委平均）67.00　总分 93.05");
    stages.confirmAll(stage);

    assertThat(stage).isEnded().hasPassed("EndEvent_Ranked");
    assertThat(stages.variable(stage, REVIEW_OUTCOME)).isEqualTo(RANKED);
    List<Map<String, Object>> ranking = JsonValues.rows(stages.variable(stage, RANKING));
    // lowest price 1,650,000: price scores 27.50 (xinyu), 28.29 (anle), 26.05 (huimin), 27.50 (yangguang: 1.8M → 27.50)
    assertThat(ranking).extracting(r -> r.get("bidder")).containsExactly("org-huimin", "org-yangguang", "org-anle",
        "org-xinyu");
    assertThat(ranking.get(0)).containsEntry("rank", 1).containsEntry("bidderName", "南通惠民社区服务中心");
    assertThat(new BigDecimal(ranking.get(0).get("priceScore").toString())).isEqualByComparingTo("26.05");
    assertThat(new BigDecimal(ranking.get(0).get("criteriaScore").toString())).isEqualByComparingTo("67.00");
    assertThat(new BigDecimal(ranking.get(0).get("totalScore").toString())).isEqualByComparingTo("93.05");
    assertThat(new BigDecimal(ranking.get(3).get("priceScore").toString())).isEqualByComparingTo("30.00");
    ReviewRecords.Report report = records.report(reportId).orElseThrow();
    assertThat(report.confirmedAt()).isNotNull();
    assertThat(report.signatures()).hasSize(5).allMatch(ReviewRecords.Signature::agrees);
  }

  /**
   * No hidden caps (87号令第五十五条 knows no limit): 60 bids on the 20 criteria the tender documents allow, all
   * qualified, scored by the full panel, each member's sheet with every bid and criterion, ranked in full.
   */
  @Test
  void thirtyBiddersWithLongNamesAtOnePriceAreAllListedForTheExpertsAndAllDrawnByLot() {
    // 30 names of some 190 characters (a supplier's name may have 200), all at the ceiling price: the bidder list
    // and the note of the lot drawn among them are longer than the 4,000 characters a String variable holds, which
    // made the panel draw and the ranking fail
    Object[][] bids = new Object[30][];
    for (int i = 0; i < bids.length; i++) {
      bids[i] = new Object[] {"bidder-l" + (i + 1), "南通市" + "社区综合服务与社会工作发展促进".repeat(12) + "中心第" + (i + 1) + "分部",
          1_900_000};
    }
    ProcessInstance stage = stages.start(inputs("NT-2026-0972", 2_000_000, LOWEST_PRICE, 3, bids));
    stages.submitQualification(stage, stages.qualificationForm(30, null));
    assertThat((String) engine.getRuntimeService().getVariable(stage.getId(), BIDDER_LIST)).hasSizeGreaterThan(4000)
        .contains("1. 南通市社区综合服务", "中心第1分部\n", "30. 南通市社区综合服务", "中心第30分部\n");
    stages.acceptAll(stage);
    stages.passCompliance(stage);
    assertThat((String) engine.getRuntimeService().getVariable(stage.getId(), RankBidsDelegate.TIE_NOTE))
        .hasSizeGreaterThan(4000).startsWith("第1名起评审结果相同的南通市").contains("中心第30分部", "抽取结果依次为");
  }

  @Test
  void sixtyBidsOnTwentyCriteriaAreScoredByTheFullPanel() {
    Object[][] bids = new Object[60][];
    for (int i = 0; i < bids.length; i++) {
      bids[i] = new Object[] {"bidder-" + (i + 1), "南通第" + (i + 1) + "社会服务中心", 1_500_000 + (i + 1) * 1_000};
    }
    List<Map<String, Object>> criteria = new ArrayList<>();
    for (int c = 1; c <= 20; c++) {
      criteria.add(Map.of("name", "评审因素" + c, "maxScore", new BigDecimal("3.5")));
    }
    var inputs = inputs("NT-2026-0960", 2_000_000, COMPREHENSIVE, 3, bids)
        .putValueTyped(EVALUATION_CRITERIA, SpinValues.jsonValue(JsonValues.toJson(criteria)).create());
    ProcessInstance stage = stages.start(inputs);
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(stage.getId(), QUALIFICATION_SHEET)))
        .hasSize(60);
    stages.submitQualification(stage, stages.qualificationForm(60, null));
    stages.acceptAll(stage);
    stages.passCompliance(stage);

    List<Task> sheets = stages.tasks(stage, "Task_ScoreBids");
    assertThat(sheets).hasSize(5);
    List<Map<String, Object>> sheet = JsonValues.rows(taskService.getVariable(sheets.get(0).getId(), SCORE_SHEET));
    assertThat(sheet).hasSize(60);
    assertThat(JsonValues.rows(sheet.get(59).get(SHEET_SCORES))).hasSize(20).last()
        .satisfies(row -> assertThat(row).containsEntry("criterion", "评审因素20"));
    // every member gives the last bid full marks and every other bid 2 points per criterion
    double[][] scores = new double[60][20];
    for (double[] bid : scores) {
      Arrays.fill(bid, 2);
    }
    Arrays.fill(scores[59], 3.5);
    stages.scoreAll(stage, scores);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_score WHERE process_instance_id = ?", Integer.class,
        stage.getId())).isEqualTo(5 * 60 * 20);
    // the report the members sign shows every member's 1,200 scores
    String report = (String) engine.getRuntimeService().getVariable(stage.getId(), REPORT_TEXT);
    assertThat(report).hasSizeGreaterThan(5 * 60 * 20 * 8).contains("南通第60社会服务中心：评审因素1 3.5，",
        "评审因素20 3.5；合计 70");
    stages.confirmAll(stage);

    assertThat(stage).isEnded().hasPassed("EndEvent_Ranked");
    List<Map<String, Object>> ranking = JsonValues.rows(stages.variable(stage, RANKING));
    assertThat(ranking).hasSize(60);
    assertThat(ranking.get(0)).containsEntry("bidder", "bidder-60");
    assertThat(new BigDecimal(ranking.get(0).get("criteriaScore").toString())).isEqualByComparingTo("70.00");
    // the others tie at 40 criteria points: the lower price ranks first
    assertThat(ranking.get(1)).containsEntry("bidder", "bidder-1");
    assertThat(ranking.get(59)).containsEntry("bidder", "bidder-59");
  }

  @Test
  void aBidderOnTheCreditRegisterIsExcludedAndAnExpiredRecordIsNot() {
    // entered before the bid deadline (4 December, 09:30)
    TasklistDriver.at(MONDAY.minusDays(7));
    long blacklisted = creditRegister.add(new NewCreditRecord("org-huimin", "南通惠民社区服务中心",
        CreditListing.PROCUREMENT_BLACKLIST, CreditEffect.EXCLUDE, "中国政府采购网", "提供虚假材料谋取中标",
        LocalDate.of(2026, 6, 1), LocalDate.of(2029, 5, 31), null, "admin")).id();
    creditRegister.add(new NewCreditRecord("org-anle", "南通安乐居家养老服务社", CreditListing.COURT_DEFAULTER,
        CreditEffect.EXCLUDE, "信用中国", "拒不履行生效判决", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 3),
        null, "admin"));
    // after the deadline: a new listing does not count for this tender, a revocation does not undo the check
    TasklistDriver.at(MONDAY.minusHours(1));
    creditRegister.add(new NewCreditRecord("org-yangguang", "南通阳光养老服务中心", CreditListing.MAJOR_TAX_VIOLATION,
        CreditEffect.EXCLUDE, "国家税务总局", "重大税收违法失信主体", LocalDate.of(2026, 12, 1), null, null, "admin"));
    creditRegister.revoke(blacklisted, "admin", "误录，已核实");
    TasklistDriver.at(MONDAY);
    ProcessInstance stage = stages.start(inputs("NT-2026-0902", 2_000_000, COMPREHENSIVE, 3, BIDS));

    List<Map<String, Object>> sheet = JsonValues.rows(engine.getRuntimeService().getVariable(stage.getId(),
        QUALIFICATION_SHEET));
    assertThat(sheet).extracting(row -> row.get(SHEET_EXCLUDED)).containsExactly(false, false, true, false);
    assertThat((String) sheet.get(2).get("creditFindings"))
        .contains("政府采购严重违法失信行为记录名单", "提供虚假材料谋取中标");
    assertThat(records.creditChecks("NT-2026-0902")).extracting(c -> c.get("OUTCOME"))
        .containsExactly("CLEAR", "CLEAR", "EXCLUDED", "CLEAR");
    assertThat(records.creditChecks("NT-2026-0902").get(2).get("EVIDENCE").toString())
        .contains("\"listing\":\"政府采购严重违法失信行为记录名单\"", "提供虚假材料谋取中标", "\"recordedBy\":\"admin\"");

    // the department's "pass" cannot override the register
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    List<Map<String, Object>> results = JsonValues.rows(stages.variable(stage, QUALIFICATION_RESULTS));
    assertThat(results.get(2)).containsEntry("qualified", false).containsEntry("reason", "信用核查：列入禁止参加政府采购活动的名单");
    assertThat(stages.variable(stage, QUALIFIED_COUNT)).isEqualTo(3);
    stages.acceptAll(stage);
    stages.passCompliance(stage);
    List<Task> sheets = stages.tasks(stage, "Task_ScoreBids");
    assertThat(sheets).hasSize(5);
    // each member's sheet lists the three qualified bids, the excluded one is not among them
    assertThat(JsonValues.rows(taskService.getVariable(sheets.get(0).getId(), SCORE_SHEET)))
        .extracting(row -> row.get("bidderName"))
        .containsExactly("南通阳光养老服务中心", "南通心语社会工作服务社", "南通安乐居家养老服务社");
    stages.scoreAll(stage, new double[][] {{30, 15, 8}, {30, 15, 8}, {30, 15, 8}});
    stages.confirmAll(stage);
    assertThat(JsonValues.rows(stages.variable(stage, RANKING))).extracting(r -> r.get("bidder"))
        .doesNotContain("org-huimin").hasSize(3);
  }

  @Test
  void aFailedEvaluationCountsAgainstTheOrganisationInALaterReviewWithoutBarringIt() {
    // as EvaluationStage records a 不合格 grade (see EvaluationStageTest): penalised for three years, not excluded
    TasklistDriver.at(MONDAY.minusMonths(9));
    creditRegister.add(new NewCreditRecord("org-xinyu", "南通心语社会工作服务社", CreditListing.FAILED_EVALUATION,
        CreditEffect.PENALISE, "南通市民政局绩效评价", "NT-2025-0042 社区矫正社会工作服务绩效评价不合格（综合得分43.0）",
        LocalDate.of(2026, 3, 1), LocalDate.of(2029, 2, 28), "NT-2025-0042", "pingjia"));
    TasklistDriver.at(MONDAY);
    ProcessInstance stage = stages.start(inputs("NT-2026-0920", 2_000_000, COMPREHENSIVE, 3, BIDS));

    assertThat(records.creditChecks("NT-2026-0920")).extracting(c -> c.get("OUTCOME"))
        .containsExactly("CLEAR", "PENALISED", "CLEAR", "CLEAR");
    // the department reviews the qualification knowing the record, and may fail the bid for it
    Map<String, Object> xinyu = JsonValues.rows(engine.getRuntimeService().getVariable(stage.getId(),
        QUALIFICATION_SHEET)).get(1);
    assertThat(xinyu).containsEntry(SHEET_EXCLUDED, false);
    assertThat((String) xinyu.get("creditFindings")).contains("绩效评价不合格", "NT-2025-0042");
    stages.submitQualification(stage, stages.qualificationForm(4, null, new Object[] {2, "近三年内绩效评价不合格，不符合招标文件资格要求"}));
    List<Map<String, Object>> results = JsonValues.rows(stages.variable(stage, QUALIFICATION_RESULTS));
    assertThat(results.get(1)).containsEntry("qualified", false);
    assertThat(stages.variable(stage, QUALIFIED_COUNT)).isEqualTo(3);
  }

  @Test
  void tooFewQualifiedBidsEndTheReviewWithoutAPanel() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0903", 2_000_000, COMPREHENSIVE, 3, BIDS[0], BIDS[1], BIDS[2]));

    stages.submitQualification(stage, stages.qualificationForm(3, null, new Object[] {2, "未提供社保缴纳证明"}));

    assertThat(stage).isEnded().hasPassed("EndEvent_TooFewQualified").hasNotPassed("ServiceTask_DrawPanel");
    assertThat(stages.variable(stage, REVIEW_OUTCOME)).isEqualTo(TOO_FEW_QUALIFIED);
    assertThat((String) stages.variable(stage, FAILED_TENDER_REASON)).contains("只有2家，不足3家");
    assertThat(records.drawsOf("NT-2026-0903")).isEmpty();
    // the failed tender is public, with its reason, as when too few bids arrive
    assertThat(disclosure.findByProject("NT-2026-0903")).singleElement().satisfies(notice -> {
      assertThat(notice.type()).isEqualTo(NoticeType.FAILED_TENDER);
      assertThat(notice.content()).contains("废标理由：资格审查后合格投标人只有2家，不足3家");
    });
  }

  @Test
  void consultationNeedsTwoQualifiedBids() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0904", 2_000_000, LOWEST_PRICE, 2, BIDS[0], BIDS[1], BIDS[2]));
    stages.submitQualification(stage, stages.qualificationForm(3, null, new Object[] {1, "服务区域不符合招标文件要求"}));
    assertThat(stage).isWaitingAt("SubProcess_DeclareConflicts");
  }

  @Test
  void aFailWithoutReasonOrAMissingDecisionIsRefusedAndNothingChanges() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0905", 2_000_000, COMPREHENSIVE, 3, BIDS));
    String taskId = stages.task(stage, "Task_ReviewQualification").getId();

    var noReason = stages.qualificationForm(4, null, new Object[] {2, " "});
    session.people().actAs("minzheng");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, noReason))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("投标2（南通心语社会工作服务社）：资格审查不通过，请填写不通过的理由。");
    var undecided = stages.qualificationForm(4, null);
    undecided.putValueTyped(QUALIFICATION_SHEET, SpinValues.jsonValue(
        "[{\"qualification\":\"PASS\"},{\"qualification\":\"PASS\"},{\"qualification\":\"PASS\"},{}]").create());
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, undecided))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("投标4（南通安乐居家养老服务社）：请选择资格审查结论。");
    var missingRow = stages.qualificationForm(3, null);
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, missingRow))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("资格审查表应有4行，提交了3行。请刷新任务后重新填写。");
    var outsider = stages.qualificationForm(4, "weijian");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, outsider))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("采购人代表须为本单位的工作人员。");
    session.people().actAsNobody();

    assertThat(stage).isWaitingAt("Task_ReviewQualification");
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), QUALIFICATION_RESULTS)).isNull();
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), QUALIFIED_COUNT)).isNull();
  }

  @Test
  void aDeclaredConflictAndASilentExpertAreReplacedByTheNextDraws() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0906", 2_000_000, COMPREHENSIVE, 3, BIDS));
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    // no representative: 5 experts
    List<Task> first = stages.tasks(stage, "Task_DeclareConflict");
    assertThat(first).hasSize(5);
    long drawId = ((Number) engine.getRuntimeService().getVariable(stage.getId(), PANEL_DRAW_ID)).longValue();
    List<String> order = records.draw(drawId).drawOrder();
    assertThat(assignees(first)).containsExactlyInAnyOrderElementsOf(order.subList(0, 5));

    Task conflicted = first.get(0);
    Task silent = first.get(1);
    var noNote = Variables.createVariables().putValue(CONFLICT_DECLARATION, CONFLICT);
    assertThatThrownBy(() -> stages.submitAs(conflicted.getAssignee(), conflicted, noNote))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请说明与哪一投标人存在何种利害关系。");
    stages.declare(conflicted, CONFLICT, "本人配偶在南通心语社会工作服务社任理事。");
    for (Task other : first.subList(2, 5)) {
      stages.declare(other, NO_CONFLICT, null);
    }
    stages.runJobs(stage);
    assertThat(stage).isWaitingAt("Task_DeclareConflict");

    // the deadline passes: the end of the next working day, Tuesday 8 December
    TasklistDriver.at(ZonedDateTime.of(2026, 12, 9, 0, 0, 1, 0, ProcurementTime.ZONE));
    stages.runJobs(stage);

    List<Task> second = stages.tasks(stage, "Task_DeclareConflict");
    assertThat(assignees(second)).containsExactlyInAnyOrderElementsOf(order.subList(5, 7));
    assertThat(second.get(0).getDueDate()).isEqualTo(workingDays.after(LocalDate.of(2026, 12, 9), 1));
    List<ReviewRecords.Pick> picks = records.draw(drawId).picks();
    assertThat(picks).filteredOn(p -> p.userId().equals(conflicted.getAssignee())).singleElement()
        .satisfies(p -> {
          assertThat(p.status()).isEqualTo("CONFLICT");
          assertThat(p.conflictNote()).contains("配偶");
        });
    assertThat(picks).filteredOn(p -> p.userId().equals(silent.getAssignee())).singleElement()
        .extracting(ReviewRecords.Pick::status).isEqualTo("NO_ANSWER");
    // the released seats go, in the order of the first draw, to the next experts of the recorded order
    List<String> released = picks.subList(0, 5).stream().filter(p -> !"ACCEPTED".equals(p.status()))
        .map(ReviewRecords.Pick::userId).toList();
    assertThat(released).containsExactlyInAnyOrder(conflicted.getAssignee(), silent.getAssignee());
    assertThat(picks.subList(5, 7)).extracting(ReviewRecords.Pick::replacesUserId).isEqualTo(released);
    assertThat(picks.subList(5, 7)).extracting(ReviewRecords.Pick::userId).isEqualTo(order.subList(5, 7));

    stages.acceptAll(stage);

    stages.passCompliance(stage);
    List<String> panel = JsonValues.rows(engine.getRuntimeService().getVariable(stage.getId(), PANEL)).stream()
        .map(m -> m.get("userId").toString()).toList();
    assertThat(panel).hasSize(5).doesNotContain(conflicted.getAssignee(), silent.getAssignee())
        .containsAll(order.subList(5, 7));
    assertThat(set(assignees(stages.tasks(stage, "Task_ScoreBids")))).isEqualTo(set(panel));
  }

  @Test
  void thePanelHasFiveOrSevenSeatsByBudgetAndExpertsHoldTwoThirds() {
    ProcessInstance small = stages.start(inputs("NT-2026-0907", 9_999_999, COMPREHENSIVE, 3, BIDS));
    stages.submitQualification(small, stages.qualificationForm(4, null));
    assertThat(stages.tasks(small, "Task_DeclareConflict")).hasSize(5);

    ProcessInstance large = stages.start(inputs("NT-2026-0908", 10_000_000, COMPREHENSIVE, 3, BIDS));
    stages.submitQualification(large, stages.qualificationForm(4, null));
    assertThat(stages.tasks(large, "Task_DeclareConflict")).hasSize(7);

    ProcessInstance largeWithRepresentative = stages.start(inputs("NT-2026-0909", 12_000_000, COMPREHENSIVE, 3, BIDS));
    stages.submitQualification(largeWithRepresentative, stages.qualificationForm(4, "minzheng"));
    assertThat(stages.tasks(largeWithRepresentative, "Task_DeclareConflict")).hasSize(6);
    stages.acceptAll(largeWithRepresentative);
    stages.passCompliance(largeWithRepresentative);
    List<Map<String, Object>> panel = JsonValues.rows(
        engine.getRuntimeService().getVariable(largeWithRepresentative.getId(), PANEL));
    assertThat(panel).hasSize(7);
    assertThat(panel).filteredOn(m -> !"DEPARTMENT_REPRESENTATIVE".equals(m.get("role"))).hasSize(6);
    assertThat(panel).filteredOn(m -> "CHAIR".equals(m.get("role"))).singleElement()
        .satisfies(chair -> assertThat(chair.get("userId").toString()).startsWith("expert"));

    ReviewRecords.Draw draw = records.draw(records.drawsOf("NT-2026-0909").get(0));
    assertThat(draw.panelSize()).isEqualTo(7);
    assertThat(draw.expertSeats()).isEqualTo(6);
    assertThat(draw.sizeBasis()).isEqualTo("采购预算金额在1000万元以上，评标委员会成员7人（87号令第四十七条第二款）");

    // 87号令第四十七条第二款: a small but technically complex project, flagged in the request, has 7 too
    ProcessInstance complex = stages.start(inputs("NT-2026-0914", 800_000, COMPREHENSIVE, 3, BIDS)
        .putValue(TECHNICALLY_COMPLEX, true));
    stages.submitQualification(complex, stages.qualificationForm(4, null));
    assertThat(stages.tasks(complex, "Task_DeclareConflict")).hasSize(7);
    assertThat(records.draw(records.drawsOf("NT-2026-0914").get(0)).sizeBasis())
        .isEqualTo("技术复杂，评标委员会成员7人（87号令第四十七条第二款）");
  }

  @Test
  void theDrawIsReproducibleFromTheRecordedSeedAndPool() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0910", 2_000_000, COMPREHENSIVE, 3, BIDS));
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    ReviewRecords.Draw draw = records.draw(records.drawsOf("NT-2026-0910").get(0));

    assertThat(draw.pool()).isSorted().contains("expert01", "expert11").hasSize(11);
    assertThat(draw.algorithm()).isEqualTo(PanelDraw.ALGORITHM);
    assertThat(PanelDraw.drawOrder(draw.seed(), draw.pool())).isEqualTo(draw.drawOrder());
    assertThat(draw.picks()).extracting(ReviewRecords.Pick::userId).isEqualTo(draw.drawOrder().subList(0, 5));
    assertThat(set(assignees(stages.tasks(stage, "Task_DeclareConflict")))).isEqualTo(set(draw.drawOrder().subList(0, 5)));
  }

  @Test
  void theLowestPriceMethodRanksByPriceWithoutScoring() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0911", 2_000_000, LOWEST_PRICE, 3, BIDS));
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    stages.acceptAll(stage);
    stages.passCompliance(stage);

    assertThat(stage).isWaitingAt("Task_ConfirmReport").hasNotPassed("Task_ScoreBids");
    stages.confirmAll(stage);

    assertThat(stage).isEnded().hasPassed("EndEvent_Ranked");
    List<Map<String, Object>> ranking = JsonValues.rows(stages.variable(stage, RANKING));
    assertThat(ranking).extracting(r -> r.get("bidder"))
        .containsExactly("org-xinyu", "org-anle", "org-yangguang", "org-huimin");
    assertThat(ranking).extracting(r -> r.get("rank")).containsExactly(1, 2, 3, 4);
  }

  @Test
  void scoresOutOfRangeOrMissingAreRefusedAndNoMemberSeesAnothersScores() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0912", 2_000_000, COMPREHENSIVE, 3, BIDS));
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    stages.acceptAll(stage);
    stages.passCompliance(stage);
    List<Task> sheets = stages.tasks(stage, "Task_ScoreBids");
    Task mine = sheets.get(0);
    Task theirs = sheets.get(1);

    var tooHigh = ReviewStages.sheet(ReviewStages.with(SCORES, 2, 1, 41));
    assertThatThrownBy(() -> stages.submitAs(mine.getAssignee(), mine, tooHigh))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("投标2（南通心语社会工作服务社）的“服务方案”：评分须在0至40分之间。");
    var negative = ReviewStages.sheet(ReviewStages.with(SCORES, 4, 3, -1));
    assertThatThrownBy(() -> stages.submitAs(mine.getAssignee(), mine, negative))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("评分须在0至10分之间");
    var missing = ReviewStages.sheet(ReviewStages.with(SCORES, 3, 2, Double.NaN));
    assertThatThrownBy(() -> stages.submitAs(mine.getAssignee(), mine, missing))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("投标3（南通惠民社区服务中心）的“服务团队”：请填写评分。");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_score WHERE process_instance_id = ?", Integer.class,
        stage.getId())).isZero();

    stages.submitAs(mine.getAssignee(), mine, ReviewStages.sheet(SCORES));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_score WHERE process_instance_id = ?", Integer.class,
        stage.getId())).isEqualTo(12);
    // what the other member's Tasklist form loads: his own empty fields, nothing of the first member's sheet
    session.people().actAs(theirs.getAssignee());
    Map<String, Object> visible = engine.getFormService().getTaskFormVariables(theirs.getId());
    Map<String, Object> viaTask = taskService.getVariables(theirs.getId());
    session.people().actAsNobody();
    assertThat(scoresIn(visible.get(SCORE_SHEET))).hasSize(12).containsOnlyNulls();
    assertThat(scoresIn(viaTask.get(SCORE_SHEET))).hasSize(12).containsOnlyNulls();
    // the submitted sheet went to the review tables; no sheet with scores is left in any variable
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(stage.getId())
        .variableName(SCORE_SHEET).list()).allSatisfy(v -> assertThat(scoresIn(v.getValue())).containsOnlyNulls());
  }

  @Test
  void aMemberWhoDisagreesMustStateTheDissentInWriting() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0913", 2_000_000, LOWEST_PRICE, 3, BIDS));
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    stages.acceptAll(stage);
    stages.passCompliance(stage);
    List<Task> confirmations = stages.tasks(stage, "Task_ConfirmReport");
    Task dissenter = confirmations.get(0);

    var unwritten = Variables.createVariables().putValue(REPORT_AGREEMENT, DISSENT);
    assertThatThrownBy(() -> stages.submitAs(dissenter.getAssignee(), dissenter, unwritten))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请书面写明不同意见和理由");
    stages.submitAs(dissenter.getAssignee(), dissenter, Variables.createVariables()
        .putValue(REPORT_AGREEMENT, DISSENT).putValue(REPORT_DISSENT, "南通心语社会工作服务社报价明显低于成本，应要求其说明。"));
    stages.confirmAll(stage);

    assertThat(stage).isEnded();
    ReviewRecords.Report report = records.report((String) stages.variable(stage, REVIEW_REPORT_ID)).orElseThrow();
    assertThat(report.signatures()).hasSize(5);
    assertThat(report.signatures()).filteredOn(s -> !s.agrees()).singleElement().satisfies(s -> {
      assertThat(s.memberUserId()).isEqualTo(dissenter.getAssignee());
      assertThat(s.dissent()).contains("低于成本");
    });
  }

  /** Every score of a score sheet variable, bid by bid. */
  private static List<Object> scoresIn(Object sheet) {
    return JsonValues.rows(sheet).stream()
        .flatMap(bid -> JsonValues.rows(bid.get(SHEET_SCORES)).stream())
        .map(criterion -> criterion.get(SCORE)).toList();
  }
}
