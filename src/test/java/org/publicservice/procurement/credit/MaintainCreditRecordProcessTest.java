package org.publicservice.procurement.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.publicservice.procurement.credit.CreditVariables.*;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Administrators keep the credit register through the start form of MaintainCreditRecord, never by SQL. */
@ProcurementSpringTest
class MaintainCreditRecordProcessTest {

  /** A demo social organisation no other test lists (tests share one database). */
  static final String ORGANISATION = "org-qingchun";

  @Autowired ProcessEngine engine;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired CreditRegister register;
  @Autowired JdbcTemplate jdbc;
  TestIdentities people;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(identityService);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, ProcurementTime.ZONE).toInstant()));
    jdbc.update("DELETE FROM credit_record WHERE organisation_user_id = ?", ORGANISATION);
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void anAdministratorAddsEndsAndRevokesRecords() {
    people.actAs("admin");
    ProcessInstance added = submit(addition().putValue(VALID_UNTIL, "2029-11-30"));
    assertThat(added).isWaitingAt("ServiceTask_StoreCreditRecord");
    execute(job(added));
    assertThat(added).isEnded().hasPassed("EndEvent_CreditRecordStored");

    CreditRecord record = register.activeRecordsOf(ORGANISATION, LocalDate.of(2026, 12, 1)).get(0);
    assertThat(record.organisationName()).isEqualTo("南通青春志愿服务协会");
    assertThat(record.listing()).isEqualTo(CreditListing.PROCUREMENT_BLACKLIST);
    assertThat(record.effect()).isEqualTo(CreditEffect.EXCLUDE);
    assertThat(record.validFrom()).isEqualTo("2026-11-20");
    assertThat(record.validUntil()).isEqualTo("2029-11-30");
    assertThat(record.recordedBy()).isEqualTo("admin");
    assertThat(record.projectNumber()).isEqualTo("NT-2025-0007");

    execute(job(submit(Variables.createVariables().putValue(ACTION, ACTION_END).putValue(ORGANISATION_FIELD,
        ORGANISATION).putValue(LISTING, "PROCUREMENT_BLACKLIST").putValue(VALID_UNTIL, "2026-12-31")
        .putValue(REASON, "行政复议决定缩短禁止期限"))));
    assertThat(register.activeRecordsOf(ORGANISATION, LocalDate.of(2026, 12, 31))).hasSize(1);
    assertThat(register.activeRecordsOf(ORGANISATION, LocalDate.of(2027, 1, 1))).isEmpty();

    execute(job(submit(Variables.createVariables().putValue(ACTION, ACTION_REVOKE).putValue(ORGANISATION_FIELD,
        ORGANISATION).putValue(LISTING, "PROCUREMENT_BLACKLIST").putValue(REASON, "录入对象错误"))));
    assertThat(register.activeRecordsOf(ORGANISATION, LocalDate.of(2026, 12, 2))).isEmpty();
    assertThat(jdbc.queryForObject("SELECT revoked_by FROM credit_record WHERE id = ?", String.class, record.id()))
        .isEqualTo("admin");
  }

  @Test
  void mistakesAreRefusedInChineseAndNothingStarts() {
    people.actAs("admin");
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MAINTAIN_PROCESS)
        .count();
    assertRejected(addition().putValue(ORGANISATION_FIELD, "nobody"), "不是已登记的承接主体账号");
    assertRejected(addition().putValue(ORGANISATION_FIELD, "minzheng"), "不是已登记的承接主体账号");
    assertRejected(addition().putValue(REASON, " "), "请填写列入原因");
    assertRejected(addition().putValue(SOURCE, null), "请填写信息来源");
    assertRejected(addition().putValue(VALID_UNTIL, "2026-11-01"), "截止日期不能早于起始日期");
    assertRejected(addition().putValue(LISTING, "GOSSIP"), "名单的选项无效");
    assertRejected(addition().putValue(PROJECT_NUMBER, "2026-1"), "项目编号格式");
    assertRejected(Variables.createVariables().putValue(ACTION, ACTION_END).putValue(ORGANISATION_FIELD, ORGANISATION)
        .putValue(LISTING, "COURT_DEFAULTER").putValue(VALID_UNTIL, "2026-12-31").putValue(REASON, "已履行"),
        "目前没有“失信被执行人”的有效记录");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MAINTAIN_PROCESS)
        .count()).isEqualTo(before);
    assertThat(register.recordsOf(ORGANISATION)).isEmpty();
  }

  @Test
  void administratorsFindItInTheStartMenuWhereTheReviewStageNeverAppears() {
    people.actAs("admin");
    List<String> startable = repositoryService.createProcessDefinitionQuery().startableInTasklist()
        .startablePermissionCheck().latestVersion().list().stream().map(d -> d.getKey()).toList();
    assertThat(startable).contains(MAINTAIN_PROCESS).doesNotContain("ReviewStage");
  }

  @Test
  void onlyAdministratorsMayStartIt() {
    String definition = definitionId();
    for (String user : new String[] {"minzheng", "org-yangguang", "expert01"}) {
      people.actAs(user);
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(MAINTAIN_PROCESS).count())
          .as("%s sees no start form", user).isZero();
      assertThatThrownBy(() -> formService.submitStartForm(definition, addition()))
          .isInstanceOf(AuthorizationException.class);
    }
    assertThat(register.recordsOf(ORGANISATION)).isEmpty();
  }

  private static final String ORGANISATION_FIELD = CreditVariables.ORGANISATION;

  private static VariableMap addition() {
    return Variables.createVariables().putValue(ACTION, ACTION_ADD).putValue(ORGANISATION_FIELD, ORGANISATION)
        .putValue(LISTING, "PROCUREMENT_BLACKLIST").putValue(EFFECT, "EXCLUDE")
        .putValue(SOURCE, "中国政府采购网 严重违法失信行为记录名单（通财购〔2026〕12号处罚决定）")
        .putValue(REASON, "提供虚假材料谋取成交").putValue(VALID_FROM, "2026-11-20")
        .putValue(PROJECT_NUMBER, "NT-2025-0007");
  }

  private ProcessInstance submit(VariableMap variables) {
    return formService.submitStartForm(definitionId(), variables);
  }

  private String definitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(MAINTAIN_PROCESS)
        .latestVersion().singleResult().getId();
  }

  private void assertRejected(VariableMap variables, String message) {
    assertThatThrownBy(() -> submit(variables)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining(message);
  }
}
