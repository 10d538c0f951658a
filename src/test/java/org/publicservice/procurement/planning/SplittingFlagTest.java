package org.publicservice.procurement.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.HEALTH_PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.*;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splitting (化整为零, 实施条例第二十八条): the health commission's third legal-aid purchase by consultation in one budget
 * year reaches the open-tender threshold with the two before it, so the finance bureau sees them listed and approves
 * only with a reason. Open tenders, other years and other categories do not count. (A budget year of its own, 2030,
 * keeps the other tests' plans out of the sum.)
 */
@ProcurementSpringTest
class SplittingFlagTest {

  static final int YEAR = 2030;

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  TestIdentities officials;
  String tag;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    officials = new TestIdentities(engine.getIdentityService()).ensureOfficials();
    tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    jdbc.update("DELETE FROM purchase_plan WHERE department_group = ? AND service_category = 'LEGAL_AID'"
        + " AND service_period_start >= ? AND service_period_start < ?", Groups.DEPT_HEALTH,
        LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR + 1, 1, 1));
  }

  @AfterEach
  void tearDown() {
    officials.actAsNobody();
  }

  @Test
  void aThirdConsultationOfTheSameCategoryAndYearIsFlaggedWithTheEarlierPlansAndNeedsAReason() {
    plan("NT-2030-S1" + tag, "LEGAL_AID", "COMPETITIVE_CONSULTATION", 1_500_000, LocalDate.of(YEAR, 1, 1));
    plan("NT-2030-S2" + tag, "LEGAL_AID", "COMPETITIVE_CONSULTATION", 1_600_000, LocalDate.of(YEAR, 7, 1));
    // not counted: an open tender, another year, another category
    plan("NT-2030-S3" + tag, "LEGAL_AID", "OPEN_TENDER", 5_000_000, LocalDate.of(YEAR, 3, 1));
    plan("NT-2031-S4" + tag, "LEGAL_AID", "COMPETITIVE_CONSULTATION", 3_000_000, LocalDate.of(YEAR + 1, 1, 1));
    plan("NT-2030-S5" + tag, "PUBLIC_HEALTH", "COMPETITIVE_CONSULTATION", 3_000_000, LocalDate.of(YEAR, 2, 1));

    ProcessInstance purchase = file(1_200_000);
    Task review = review(purchase);
    assertThat(engine.getTaskService().getVariable(review.getId(), SPLITTING_SUSPECTED)).isEqualTo(true);
    String warning = (String) engine.getTaskService().getVariable(review.getId(), SPLITTING_WARNING);
    assertThat(warning).contains("可能化整为零规避公开招标（政府采购法实施条例第二十八条）", "合计4,300,000.00元",
        "NT-2030-S1" + tag, "1,500,000.00元", "NT-2030-S2" + tag, "1,600,000.00元")
        .doesNotContain("S3" + tag, "S4" + tag, "S5" + tag);

    assertThatThrownBy(() -> decide(review, Variables.createVariables().putValue(REVIEW_DECISION, DECISION_APPROVE)))
        .hasMessageContaining("可能属于化整为零规避公开招标（政府采购法实施条例第二十八条）。批准前请写明理由");
    BpmnAwareTests.assertThat(purchase).isWaitingAt("Task_ReviewRequest");
    decide(review, Variables.createVariables().putValue(REVIEW_DECISION, DECISION_APPROVE)
        .putValue(SPLITTING_APPROVAL_REASON, "年中预算调整，新增法律援助进社区服务，经局务会研究批准。"));
    BpmnAwareTests.assertThat(purchase).hasPassed("Task_RecordApprovedPlan");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(purchase.getId())
        .variableName(SPLITTING_APPROVAL_REASON).singleResult().getValue()).asString().contains("年中预算调整");
  }

  @Test
  void aDepartmentWithSixtyEarlierPlansCanStillFileAndTheWarningSumsThemAllButListsOnlyTheRecentOnes() {
    // Before the bound, 60 lines made the warning longer than the 4000 characters of a String variable and the
    // request could not be filed at all (HTTP 500).
    for (int i = 1; i <= 60; i++) {
      plan("NT-2030-L" + tag + String.format("%02d", i), "LEGAL_AID", "COMPETITIVE_CONSULTATION", 60_000,
          LocalDate.of(YEAR, 1, 1).plusDays(i), "社区法律援助服务".repeat(12) + "第" + String.format("%02d", i) + "期",
          Instant.parse("2029-10-01T02:00:00Z").plusSeconds(86_400L * i));
    }
    ProcessInstance purchase = file(1_200_000);
    Task review = review(purchase);
    assertThat(engine.getTaskService().getVariable(review.getId(), SPLITTING_SUSPECTED)).isEqualTo(true);
    String warning = (String) engine.getTaskService().getVariable(review.getId(), SPLITTING_WARNING);
    assertThat(warning).hasSizeLessThanOrEqualTo(4000)
        .contains("共60项", "合计4,800,000.00元", "较早批准的40项未逐项列出，合计2,400,000.00元", "NT-2030-L" + tag + "60",
            "NT-2030-L" + tag + "41")
        .doesNotContain("NT-2030-L" + tag + "40", "NT-2030-L" + tag + "01");
  }

  @Test
  void theWarningStaysWithinAStringVariableWithTheLongestValuesAPlanCanHold() {
    List<SplittingCheckListener.EarlierPlan> plans = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      plans.add(new SplittingCheckListener.EarlierPlan("N".repeat(32), "名".repeat(200),
          new BigDecimal("99999999999999.99"), "COMPETITIVE_NEGOTIATION", OffsetDateTime.parse("2030-01-01T10:00:00+08:00")));
    }
    assertThat(SplittingCheckListener.warning(plans, new BigDecimal("99999999999999.99").multiply(BigDecimal.TEN)))
        .hasSizeLessThanOrEqualTo(4000);
  }

  @Test
  void belowTheThresholdTogetherNothingIsFlaggedAndAReturnNeedsNoSplittingReason() {
    plan("NT-2030-S6" + tag, "LEGAL_AID", "COMPETITIVE_CONSULTATION", 1_000_000, LocalDate.of(YEAR, 1, 1));
    ProcessInstance purchase = file(1_200_000);
    Task review = review(purchase);
    assertThat(engine.getTaskService().getVariable(review.getId(), SPLITTING_SUSPECTED)).isEqualTo(false);
    decide(review, Variables.createVariables().putValue(REVIEW_DECISION, DECISION_APPROVE));
    BpmnAwareTests.assertThat(purchase).hasPassed("Task_RecordApprovedPlan");
  }

  private void plan(String projectNumber, String category, String method, long budget, LocalDate start) {
    plan(projectNumber, category, method, budget, start, "法律援助服务" + projectNumber,
        Instant.parse("2029-12-01T02:00:00Z"));
  }

  private void plan(String projectNumber, String category, String method, long budget, LocalDate start,
      String serviceName, Instant approvedAt) {
    jdbc.update("""
        INSERT INTO purchase_plan (project_number, service_name, service_category, department_group, department_name,
          budget, procurement_method, service_period_start, service_period_end, region, requested_by, approved_by,
          approved_at, process_instance_id)
        VALUES (?, ?, ?, ?, '南通市卫生健康委员会', ?, ?, ?, ?, '南通市', 't-weijian', 't-caizheng', ?, 'test')""",
        projectNumber, serviceName, category, Groups.DEPT_HEALTH, budget, method, start, start.plusMonths(6),
        Timestamp.from(approvedAt));
  }

  private ProcessInstance file(long budget) {
    VariableMap request = PurchaseRequests.elderlyCare(budget)
        .putValue(SERVICE_NAME, "法律援助进社区" + tag)
        .putValue(SERVICE_CATEGORY, "LEGAL_AID")
        .putValue(SERVICE_PERIOD_START, LocalDate.of(YEAR, 10, 1).toString())
        .putValue(SERVICE_PERIOD_END, LocalDate.of(YEAR + 1, 9, 30).toString());
    officials.actAs(HEALTH_PURCHASER);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId(), request);
    } finally {
      officials.actAsNobody();
    }
  }

  private Task review(ProcessInstance purchase) {
    BpmnAwareTests.assertThat(purchase).isWaitingAt("Task_ReviewRequest");
    return engine.getTaskService().createTaskQuery().processInstanceId(purchase.getId())
        .taskDefinitionKey("Task_ReviewRequest").singleResult();
  }

  private void decide(Task review, VariableMap form) {
    officials.actAs(FINANCE_OFFICIAL);
    try {
      engine.getTaskService().claim(review.getId(), FINANCE_OFFICIAL);
      engine.getFormService().submitTaskForm(review.getId(), form);
    } finally {
      officials.actAsNobody();
    }
  }
}
