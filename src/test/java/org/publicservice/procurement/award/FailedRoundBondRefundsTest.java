package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.award.AwardScenario.*;
import static org.publicservice.procurement.award.AwardVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.contract.ContractVariables;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.tender.BidBond;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A round that ends after the opening without an award owes its bid bonds back within 5 working days of the failure
 * or termination notice (87号令第二十九条、第三十八条), each bond once: when no award candidate is left, when an
 * upheld challenge ends the awarded round before the contract is signed, and when the purchase ends unsigned. The review stage's failures are in
 * {@code review.FailedReviewBondRefundsTest}.
 */
@ProcurementSpringTest
class FailedRoundBondRefundsTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  /** Thursday 3 December 2026: 5 working days end on Thursday 10 December. */
  static final ZonedDateTime THURSDAY_MORNING = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 12, 7, 9, 30, 0, 0, ProcurementTime.ZONE);
  static final Map<String, String> BONDS = Map.of(
      FIRST, "银行保函（编号BH-101）",
      SECOND, "银行转账（支票、汇票、本票）（编号ZZ-102）",
      THIRD, BidBond.NOT_STATED,
      DISQUALIFIED, "担保机构保函或保证保险（编号DB-104）");

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired Challenges challenges;
  @Autowired BondRefunds refunds;
  @LocalServerPort int port;

  TestIdentities people;
  AwardScenario award;
  TasklistDriver tasklist;
  MailDeliveries mails;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(identityService).ensureOfficials();
    award = new AwardScenario(engine, people);
    tasklist = new TasklistDriver(engine, people);
    mails = new MailDeliveries(engine);
    TasklistDriver.at(THURSDAY_MORNING);
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void noCandidateLeftOwesEveryStatedBondAndALateRefundIsMailedToTheSupervisors() throws Exception {
    // every ranked candidate declined in earlier award rounds: the purchase is organised again
    ProcessInstance purchase = award.purchaseAtAwardWithBidBonds(5000, BONDS, List.of(FIRST, SECOND, THIRD));
    String project = purchase.getBusinessKey();

    assertThat(purchase).hasPassed("Task_AwardStage").isWaitingAt("Task_TenderStage");
    ProcessInstance refund = award.refundOf(purchase, 0);
    assertThat(award.refundInstances(purchase)).hasSize(1);
    assertThat(tasklist.task(refund, "Task_RefundBidBonds").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2026, 12, 10)));
    // the opened bids that stated a bond, the unqualified one too; not the bid that stated none
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(refund.getId(), BondVariables.BOND_REFUNDS)))
        .extracting(row -> row.get("supplierName"), row -> row.get("lodged"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(FIRST_NAME, "银行保函（编号BH-101）"),
            org.assertj.core.groups.Tuple.tuple(SECOND_NAME, "银行转账（支票、汇票、本票）（编号ZZ-102）"),
            org.assertj.core.groups.Tuple.tuple(DISQUALIFIED_NAME, "担保机构保函或保证保险（编号DB-104）"));
    var history = engine.getHistoryService();
    String awardStage = history.createHistoricProcessInstanceQuery().processDefinitionKey(STAGE_PROCESS_KEY)
        .processInstanceBusinessKey(project).singleResult().getId();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(awardStage).finished()
        .activityId("Task_StartFailedRoundBidBondRefunds").count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(awardStage).finished()
        .activityId("EndEvent_NoCandidateLeft").count()).isEqualTo(1);

    // nobody refunds by the 5th working day: the deadline watch mails the supervisors, the portal says it is late
    mails.deliver(project);
    greenMail.purgeEmailFromAllMailboxes();
    award.watchDeadlinesAt(Date.from(WorkingDayCalendar.endOf(LocalDate.of(2026, 12, 10)).toInstant()
        .plus(Duration.ofHours(10))));
    mails.deliver(project);
    assertThat(MailDeliveries.mailsTo(greenMail, "jiandu@demo.local")).extracting(MailDeliveries::subject)
        .anyMatch(subject -> subject.contains(project) && subject.contains("退还投标保证金"));
    assertThat(new PortalClient(port).get("/portal/projects/" + project).body())
        .contains(FIRST_NAME, "逾期未退还（期限2026-12-10）").doesNotContain("BH-101", "ZZ-102");
  }

  @Test
  void anUpheldChallengeEndingTheAwardedRoundOwesTheWinnersBondAndNoBondTwice() {
    ProcessInstance purchase = award.purchaseAtAwardWithBidBonds(5000, BONDS);
    String project = purchase.getBusinessKey();
    award.choose(award.award(purchase), FIRST);
    ProcessInstance losers = award.refundOf(purchase, 0);

    TasklistDriver.at(MONDAY);
    ProcessInstance challenge = award.challengeInstance(challenges.file(project, DISQUALIFIED,
        ChallengeSubject.PROCESS.name(), "资格审查时未允许我单位澄清登记证书，程序违法。"));
    award.reply(challenge, UPHELD, REMEDY_RE_TENDER, "资格审查未依法允许澄清，程序违法，重新开展采购活动。");
    award.runJobs(challenge);

    assertThat(purchase).hasPassed("BoundaryEvent_OverturnedInContract").isWaitingAt("Task_TenderStage");
    // the termination notice of Monday 7 December: the winner's bond by Monday 14 December
    ProcessInstance winner = award.refundOf(purchase, 1);
    assertThat(tasklist.task(winner, "Task_RefundBidBonds").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2026, 12, 14)));
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(winner.getId(), BondVariables.BOND_REFUNDS)))
        .extracting(row -> row.get("supplierName")).containsExactly(FIRST_NAME);
    assertThat(losers).isWaitingAt("Task_RefundBidBonds");
    assertThat(refunds.ofProject(project)).extracting(BondRefunds.Line::supplier)
        .containsExactlyInAnyOrder(FIRST, SECOND, DISQUALIFIED);
  }

  @Test
  void aPurchaseEndingWithoutAContractOwesTheRefusingWinnersBond() {
    ProcessInstance purchase = award.purchaseAtAwardWithBidBonds(5000, BONDS);
    award.choose(award.award(purchase), FIRST);
    award.refundOf(purchase, 0);

    TasklistDriver.at(MONDAY);
    ProcessInstance contract = award.contract(purchase);
    award.draft(contract, 268000, SCHEDULE);
    award.completeAs(FIRST, contract, "Task_SignContract", Variables.createVariables()
        .putValue(ContractVariables.CONTRACTOR_DECISION, ContractVariables.REFUSE)
        .putValue(ContractVariables.CONTRACTOR_REFUSAL_REASON, "人员无法按期到位。"));
    award.completeAs(PURCHASER, contract, "Task_DecideNextCandidate",
        Variables.createVariables()
            .putValue(ContractVariables.NEXT_STEP, ContractVariables.END_WITHOUT_CONTRACT));

    assertThat(contract).isEnded().hasPassed("Task_StartUnsignedBidBondRefunds", "EndEvent_NoContract");
    assertThat(purchase).isEnded().hasPassed("EndEvent_NoContract");
    ProcessInstance winner = award.refundOf(purchase, 1);
    assertThat(tasklist.task(winner, "Task_RefundBidBonds").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2026, 12, 14)));
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(winner.getId(), BondVariables.BOND_REFUNDS)))
        .extracting(row -> row.get("supplierName")).containsExactly(FIRST_NAME);
  }
}
