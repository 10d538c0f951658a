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
    ProcessInstance contract = signedContract(engine, tasklist, projectNumber, 28_000, "通财购备〔2026〕150号");
    assertThat(contract).isEnded().hasPassed("EndEvent_ContractSigned");
    String contractId = projectNumber + "-HT01";
    ContractRegister.Contract signed = contracts.find(contractId).orElseThrow();
    assertThat(signed.status()).isEqualTo(ContractRegister.SIGNED);
    assertThat(signed.publishedAt()).isNotNull();
    assertThat(signed.filedAt()).isNotNull();

    // reported and accepted once the period has begun, on the date the schedule sets for the payment (30 June)
    TasklistDriver.at(ZonedDateTime.of(2027, 6, 30, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance performance = firstPhaseAccepted(engine, tasklist, contract, projectNumber);
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
