package org.publicservice.procurement.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.contract.ContractFixtures.*;

import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.contract.ContractRegister;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.ocds.ReleaseMapper;
import org.publicservice.procurement.performance.MilestonePayments;
import org.publicservice.procurement.performance.PerformanceVariables;
import org.publicservice.procurement.performance.ProgressReports;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The contract register, the milestone ledger and the once-only payment on PostgreSQL: a contract signed, published
 * and filed, a milestone accepted and paid, the payment step repeated, the OCDS releases of those notices.
 */
@Tag("isolated")
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class ContractPostgresTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired ContractRegister contracts;
  @Autowired MilestonePayments payments;
  @Autowired DisclosureRegister register;
  @Autowired ReleaseMapper releases;

  TestIdentities people;
  TasklistDriver tasklist;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(identityService).ensureOfficials();
    tasklist = new TasklistDriver(engine, people);
    if (identityService.createUserQuery().userId(WINNER_ORG).count() == 0) {
      var organisation = identityService.newUser(WINNER_ORG);
      organisation.setFirstName(WINNER_ORG_NAME);
      organisation.setEmail(WINNER_ORG + "@test.local");
      organisation.setPassword(TestIdentities.password(WINNER_ORG));
      identityService.saveUser(organisation);
      identityService.createMembership(WINNER_ORG, Groups.SOCIAL_ORGANISATION);
    }
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, ProcurementTime.ZONE).toInstant()));
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void aContractIsSignedPublishedFiledAndAMilestonePaidOnceOnPostgres() {
    String projectNumber = newProjectNumber();
    var runtime = engine.getRuntimeService();
    ProcessInstance contract = signedContract(engine, tasklist, projectNumber, 28_000, "通财购备〔2026〕150号");
    assertThat(contract).isEnded().hasPassed("EndEvent_ContractSigned");
    String contractId = projectNumber + "-HT01";
    ContractRegister.Contract signed = contracts.find(contractId).orElseThrow();
    assertThat(signed.status()).isEqualTo(ContractRegister.SIGNED);
    assertThat(signed.publishedAt()).isNotNull();
    assertThat(signed.filedAt()).isNotNull();

    VariableMap handedOn = Variables.createVariables();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(contract.getId()).list()
        .forEach(v -> handedOn.putValue(v.getName(), v.getValue()));
    ProcessInstance performance = runtime.startProcessInstanceByKey(PerformanceVariables.PROCESS_KEY, projectNumber,
        handedOn);
    // reported and accepted once the period has begun, on the date the schedule sets for the payment (30 June)
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 6, 30, 10, 0, 0, 0, ProcurementTime.ZONE).toInstant()));
    tasklist.completeAs(WINNER_ORG, performance, "Task_SubmitProgressReport", Variables.createVariables()
        .putValue(PerformanceVariables.PROGRESS_REPORT, "上半年服务按计划完成。")
        .putValueTyped(PerformanceVariables.INDICATOR_RESULTS, ProgressReports.reached("94%", "4900")));
    tasklist.completeAs(PURCHASER, performance, "Task_AcceptMilestone", Variables.createVariables()
        .putValue(PerformanceVariables.ACCEPTANCE_DECISION, PerformanceVariables.ACCEPT)
        .putValue(PerformanceVariables.RECIPIENT_PARTICIPANTS, "服务对象代表10人")
        .putValue(PerformanceVariables.RECIPIENT_SATISFACTION, 94));
    var jobs = engine.getManagementService();
    jobs.executeJob(jobs.createJobQuery().processInstanceId(performance.getId()).singleResult().getId());
    assertThat(payments.pay(contractId, 1, ProcurementTime.today(), performance.getId()).newlyRecorded()).isFalse();
    jobs.executeJob(jobs.createJobQuery().processInstanceId(performance.getId()).singleResult().getId());
    assertThat(performance).isEnded();
    assertThat(payments.ofContract(contractId)).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("200000"));

    for (DisclosureNotice notice : register.findByProject(projectNumber)) {
      var release = releases.release(notice, null);
      assertThat(release.at("/contracts/0/id").asText()).as(notice.type().name()).isEqualTo(contractId);
    }
  }
}
