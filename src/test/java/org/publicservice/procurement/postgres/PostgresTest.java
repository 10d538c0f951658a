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
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.publicservice.procurement.planning.PurchasePlans;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.tasklist.HashedCheckComparison;
import org.publicservice.procurement.tasklist.TaskQueryAuthorizationPlugin;
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
  @Autowired org.publicservice.procurement.tender.BidBox bidBox;
  @Autowired TaskQueryAuthorizationPlugin taskQueryAuthorization;

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

  /** A bid's file on PostgreSQL (BYTEA): sealed at rest, the bidder's own before the opening, everyone's reviewers' after. */
  @Test
  void bidFilesAreSealedInPostgresUntilTheOpeningAndReadAfter() {
    String supplier = "pg-sup-kangning";
    if (identityService.createUserQuery().userId(supplier).count() == 0) {
      var user = identityService.newUser(supplier);
      user.setFirstName("南通康宁健康管理有限公司");
      user.setEmail(supplier + "@example.com");
      identityService.saveUser(user);
      identityService.createMembership(supplier, org.publicservice.procurement.identity.Groups.SOCIAL_ORGANISATION);
      jdbcTemplate.update("insert into supplier (user_id, supplier_name, supplier_type, identifier, enterprise_size,"
          + " contact_person, contact_phone, email, status, registered_at) values (?, ?, 'ENTERPRISE',"
          + " '91320602MA1KANG01G', 'SMALL', '曹宁', '0513-85000000', ?, 'CONFIRMED', now())",
          supplier, "南通康宁健康管理有限公司", supplier + "@example.com");
    }
    var now = java.time.ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE).toOffsetDateTime();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now.toInstant()));
    try {
      String project = "NT-PG-FILES-" + System.nanoTime() % 100000;
      int round = bidBox.openCall(project, "pg-instance", "海安市助残服务", "海安市民政局", "OPEN_TENDER",
          new java.math.BigDecimal("800000"), now.plusDays(25), now.plusDays(10), "依法登记。", "COMPREHENSIVE");
      bidBox.recordSmePolicy(project, round, "NONE", null, java.math.BigDecimal.TEN);
      byte[] pdf = ("%PDF-1.4\n% 资质证书 PGSECRET" + project + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      bidBox.submit(project, supplier, new org.publicservice.procurement.tender.BidContent(
          new java.math.BigDecimal("760000"), "方案", "团队", "资质", "SMALL"),
          java.util.List.of(new org.publicservice.procurement.tender.BidAttachments.NewFile("QUALIFICATION",
              "资质证书.pdf", pdf)), java.util.Set.of());
      String fileId = bidBox.ownFiles(project, supplier).get(0).id();
      byte[] stored = jdbcTemplate.queryForObject("select sealed_content from bid_attachment where id = ?",
          byte[].class, fileId);
      assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("PGSECRET", "%PDF");
      assertThat(bidBox.openedFile(fileId)).isEmpty();
      assertThat(bidBox.ownFile(project, supplier, fileId).orElseThrow().content()).isEqualTo(pdf);

      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now.plusDays(26).toInstant()));
      assertThat(bidBox.openBids(project, round)).singleElement()
          .satisfies(bid -> assertThat(bid.smeDeductionPercent()).isEqualByComparingTo("10"));
      assertThat(bidBox.openedFile(fileId).orElseThrow().file().content()).isEqualTo(pdf);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void tasklistListsTheSameTasksWithTheHashedAuthorizationCheckOnPostgres() {
    // a supervisor reads every task through the grants on '*' (TASK READ, PROCESS_DEFINITION READ_TASK)
    if (identityService.createUserQuery().userId("pg-jiandu").count() == 0) {
      identityService.saveUser(identityService.newUser("pg-jiandu"));
      identityService.createMembership("pg-jiandu", Groups.SUPERVISOR);
    }
    officials.actAs(HEALTH_PURCHASER);
    formService.submitStartForm(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE).latestVersion().singleResult().getId(),
        PurchaseRequests.elderlyCare(300_000));
    officials.actAsNobody();

    assertThat(new HashedCheckComparison(processEngine, taskQueryAuthorization).compareForEveryUser()).isPositive();
  }
}
