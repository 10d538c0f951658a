package org.publicservice.procurement.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.HEALTH_PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.*;

import java.time.LocalDate;
import java.util.Arrays;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.PurchasePlans;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on PostgreSQL, the production database (the other Spring tests use H2): Camunda's schema,
 * every Flyway migration, and the planning stage with its numbering, plan and disclosure register.
 */
@Tag("isolated")
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class PostgresTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired PurchasePlans purchasePlans;
  @Autowired DisclosureRegister disclosureRegister;
  @Autowired Flyway flyway;
  @Autowired JdbcTemplate jdbcTemplate;

  TestIdentities officials;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    officials = new TestIdentities(identityService).ensureOfficials();
  }

  @AfterEach
  void tearDown() {
    officials.actAsNobody();
  }

  @Test
  void engineAndEveryMigrationRunOnPostgres() {
    assertThat(jdbcTemplate.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    assertThat(jdbcTemplate.queryForObject(
        "select count(*) from information_schema.tables where table_name = 'act_ru_execution'", Integer.class))
        .isEqualTo(1);

    var info = flyway.info();
    assertThat(info.pending()).as("pending migrations").isEmpty();
    var migrations = Arrays.stream(info.all()).filter(m -> m.isVersioned()
        && !m.getType().isSynthetic() && !m.getType().isBaseline()).toList();
    assertThat(migrations).as("migrations in db/migration").isNotEmpty()
        .allSatisfy(m -> assertThat(m.getState()).as(m.getVersion() + " " + m.getDescription())
            .isEqualTo(MigrationState.SUCCESS));
  }

  @Test
  void approvedRequestIsNumberedRecordedAndDisclosedOnPostgres() {
    officials.actAs(HEALTH_PURCHASER);
    var purchase = formService.submitStartForm(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId(), healthScreeningRequest());
    officials.actAsNobody();
    String projectNumber = purchase.getBusinessKey();
    assertThat(projectNumber).matches("NT-" + ProcurementTime.today().getYear() + "-\\d{4}");
    assertThat(purchase).isWaitingAt("Task_ReviewRequest");

    officials.actAs(FINANCE_OFFICIAL);
    var review = taskService.createTaskQuery().processInstanceId(purchase.getId()).singleResult();
    taskService.claim(review.getId(), FINANCE_OFFICIAL);
    formService.submitTaskForm(review.getId(), Variables.createVariables()
        .putValue(REVIEW_DECISION, DECISION_APPROVE).putValue(REVIEW_COMMENT, "同意。"));
    officials.actAsNobody();

    assertThat(purchase).hasPassed("Task_NotifyPlanApproved").isWaitingAt("Task_TenderStage");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(purchase.getId())
        .variableName(PLAN_APPROVED).singleResult().getValue()).isEqualTo(true);

    var plan = purchasePlans.find(projectNumber).orElseThrow();
    assertThat(plan.serviceName()).isEqualTo("港闸区老年人健康体检服务");
    assertThat(plan.budget()).isEqualByComparingTo("850000.50");
    assertThat(plan.departmentName()).isEqualTo("南通市卫生健康委员会");
    assertThat(plan.requestedBy()).isEqualTo(HEALTH_PURCHASER);
    assertThat(plan.approvedBy()).isEqualTo(FINANCE_OFFICIAL);

    assertThat(disclosureRegister.findByProject(projectNumber)).singleElement().satisfies(notice -> {
      assertThat(notice.type()).isEqualTo(NoticeType.PROCUREMENT_INTENTION);
      assertThat(notice.title()).isEqualTo("南通市卫生健康委员会关于港闸区老年人健康体检服务的采购意向公开");
      assertThat(notice.content()).contains("预算金额：850,000.50元", "项目编号：" + projectNumber,
          "体检覆盖率：95%");
    });
    assertThat(disclosureRegister.latest(1)).extracting(notice -> notice.projectNumber())
        .containsExactly(projectNumber);
  }

  /** A request as the start form submits it; the health commission's, with cents in the budget. */
  private static VariableMap healthScreeningRequest() {
    LocalDate start = ProcurementTime.today().plusMonths(3).withDayOfMonth(1);
    return Variables.createVariables()
        .putValue(SERVICE_NAME, "港闸区老年人健康体检服务")
        .putValue(SERVICE_CATEGORY, "PUBLIC_HEALTH")
        .putValue(SERVICE_DESCRIPTION, "为辖区65岁以上常住老年人提供一次免费健康体检并建立健康档案。")
        .putValue(SERVICE_STANDARDS, "体检项目符合国家基本公共卫生服务规范，结果7个工作日内反馈本人。")
        .putValue(INDICATORS, SpinValues.jsonValue(
            "[{\"name\": \"体检覆盖率\", \"target\": \"95%\"}]").create())
        .putValue(BUDGET, 850000.50)
        .putValue(SERVICE_PERIOD_START, start.toString())
        .putValue(SERVICE_PERIOD_END, start.plusMonths(10).toString())
        .putValue(REGION, "南通市港闸区")
        .putValue(SERVES_PUBLIC, true)
        .putValue(NEEDS_ASSESSMENT, "依据2025年辖区老年人口统计和社区卫生服务中心历年体检数据确定。")
        .putValue(SURVEY_RESPONDENTS, 30)
        .putValue(SINGLE_SOURCE_GROUND, "NONE");
  }
}
