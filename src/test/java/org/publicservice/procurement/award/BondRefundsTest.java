package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.award.AwardScenario.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.notification.MailVariables;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.tender.BidBond;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bid bonds go back (实施条例第三十三条, 87号令第三十八条): the unsuccessful bidders' within 5 working days of the
 * 中标通知书, the winner's within 5 working days of the signed contract, each in a department task beside the purchase
 * that never holds it; a late refund is mailed to the supervisors and published as late.
 */
@ProcurementSpringTest
class BondRefundsTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(THURSDAY_MORNING).withOfficials();

  /** Thursday 3 December 2026: 5 working days end on Thursday 10 December. */
  static final ZonedDateTime THURSDAY_MORNING = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  static final LocalDate FIFTH_WORKING_DAY = LocalDate.of(2026, 12, 10);
  static final Map<String, String> BONDS = Map.of(
      FIRST, "银行保函（编号BH-001）",
      SECOND, "银行转账（支票、汇票、本票）（编号ZZ-002）",
      THIRD, BidBond.NOT_STATED,
      DISQUALIFIED, "担保机构保函或保证保险（编号DB-004）");

  @Autowired ProcessEngine engine;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired BondRefunds refunds;
  @LocalServerPort int port;

  AwardScenario award;

  @BeforeEach
  void setUp() {
    award = new AwardScenario(engine, session.people());
  }

  @Test
  void theUnsuccessfulBiddersBondsAreDueInFiveWorkingDaysAndPublishedWhenRefundedOnTime() {
    ProcessInstance purchase = award.purchaseAtAwardWithBidBonds(5000, BONDS);
    award.choose(award.award(purchase), FIRST);

    ProcessInstance refund = refundOf(purchase, 0);
    Task task = session.tasklist().task(refund, "Task_RefundBidBonds");
    assertThat(task.getName()).isEqualTo("退还投标保证金");
    assertThat(task.getDueDate()).isEqualTo(workingDays.after(THURSDAY_MORNING.toLocalDate(), 5))
        .isEqualTo(WorkingDayCalendar.endOf(FIFTH_WORKING_DAY));
    // only the losers that lodged a bond: not the winner (after signing), not the bid that stated none
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(refund.getId(), BondVariables.BOND_REFUNDS)))
        .containsExactly(
            Map.of("supplierName", SECOND_NAME, "amount", "5,000.00元", "lodged", "银行转账（支票、汇票、本票）（编号ZZ-002）"),
            Map.of("supplierName", DISQUALIFIED_NAME, "amount", "5,000.00元", "lodged", "担保机构保函或保证保险（编号DB-004）"));
    assertThat((String) engine.getRuntimeService().getVariable(refund.getId(), BondVariables.REFUND_INSTRUCTIONS))
        .contains("2026-12-10前", "超期资金占用费");
    // the refund holds nothing: the award stage is over and the contract is being drafted
    assertThat(award.award(purchase)).isNull();
    assertThat(award.contract(purchase)).isWaitingAt("Task_DraftContract");

    TasklistDriver.at(ZonedDateTime.of(2026, 12, 8, 15, 0, 0, 0, ProcurementTime.ZONE));
    session.tasklist().completeAs(PURCHASER, refund, "Task_RefundBidBonds", refundForm("2026-12-08", "2026-12-08"));

    assertThat(refund).isEnded().hasPassed("Task_RecordBondRefunds");
    assertThat(refunds.ofProject(purchase.getBusinessKey())).extracting(BondRefunds.Line::supplierName,
            BondRefunds.Line::refundedOn, BondRefunds.Line::late)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(SECOND_NAME, LocalDate.of(2026, 12, 8), false),
            org.assertj.core.groups.Tuple.tuple(DISQUALIFIED_NAME, LocalDate.of(2026, 12, 8), false));
    String page = new PortalClient(port).get("/portal/projects/" + purchase.getBusinessKey()).body();
    assertThat(page).contains("保证金退还", SECOND_NAME, DISQUALIFIED_NAME, "5,000.00元", "2026-12-08", "按期退还")
        .doesNotContain("ZZ-002", "DB-004", "TK-" + SECOND, "担保机构保函");
  }

  @Test
  void aRefundPastItsFifthWorkingDayIsMailedToTheSupervisorsAndPublishedAsLate() throws Exception {
    ProcessInstance purchase = award.purchaseAtAwardWithBidBonds(5000, BONDS);
    String project = purchase.getBusinessKey();
    award.choose(award.award(purchase), FIRST);
    ProcessInstance refund = refundOf(purchase, 0);
    session.mails().deliver(project);
    greenMail.purgeEmailFromAllMailboxes();

    ClockUtil.setCurrentTime(Date.from(WorkingDayCalendar.endOf(FIFTH_WORKING_DAY).toInstant()
        .plus(Duration.ofHours(10))));
    var watch = engine.getManagementService();
    watch.executeJob(watch.createJobQuery().processDefinitionKey(MailVariables.DEADLINE_WATCH_PROCESS).timers()
        .singleResult().getId());
    watch.createJobQuery().processDefinitionKey(MailVariables.DEADLINE_WATCH_PROCESS).messages().list()
        .forEach(job -> watch.executeJob(job.getId()));
    session.mails().deliver(project);
    assertThat(MailDeliveries.mailsTo(greenMail, "jiandu@demo.local")).extracting(MailDeliveries::subject)
        .anyMatch(subject -> subject.contains(project) && subject.contains("退还投标保证金"));
    assertThat(new PortalClient(port).get("/portal/projects/" + project).body())
        .contains("逾期未退还（期限2026-12-10）");

    // a day still to come, or before the period began, is refused and changes nothing
    assertThatThrownBy(() -> session.tasklist().completeAs(PURCHASER, refund, "Task_RefundBidBonds",
        refundForm("2026-12-11", "2026-12-14")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("退还日期不能晚于今天");
    assertThatThrownBy(() -> session.tasklist().completeAs(PURCHASER, refund, "Task_RefundBidBonds",
        refundForm("2026-12-02", "2026-12-11")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("退还日期不能早于");
    assertThat(refund).isWaitingAt("Task_RefundBidBonds");
    assertThat(refunds.ofProject(project)).allMatch(line -> line.refundedOn() == null);

    session.tasklist().completeAs(PURCHASER, refund, "Task_RefundBidBonds", refundForm("2026-12-10", "2026-12-11"));
    assertThat(refunds.ofProject(project)).extracting(BondRefunds.Line::late).containsExactly(false, true);
    assertThat(new PortalClient(port).get("/portal/projects/" + project).body())
        .contains("按期退还", "逾期退还（期限2026-12-10）");
  }

  @Test
  void noBondLodgedNoRefundTask() {
    ProcessInstance purchase = award.purchaseAtAward();
    award.choose(award.award(purchase), FIRST);
    assertThat(award.contract(purchase)).isWaitingAt("Task_DraftContract");
    assertThat(refundInstances(purchase)).isEmpty();
    assertThat(refunds.ofProject(purchase.getBusinessKey())).isEmpty();
  }

  @Test
  void theWinnersBondIsDueFiveWorkingDaysAfterSigningWhileTheLosersRefundIsStillOpen() {
    ProcessInstance purchase = award.purchaseAtAwardWithBidBonds(5000, BONDS);
    award.choose(award.award(purchase), FIRST);
    ProcessInstance losers = refundOf(purchase, 0);

    TasklistDriver.at(ZonedDateTime.of(2026, 12, 11, 9, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance contract = award.contract(purchase);
    award.draft(contract, 268000, SCHEDULE);
    award.sign(contract, FIRST);
    assertThat(refundInstances(purchase)).as("nothing for the winner before signing").hasSize(1);
    award.countersign(contract);

    // signed on Friday 11 December: due by Friday 18 December; publication and filing go on beside it
    assertThat(contract).isWaitingAt("Task_PublishContract", "Task_FileContract");
    ProcessInstance winner = refundOf(purchase, 1);
    assertThat(session.tasklist().task(winner, "Task_RefundBidBonds").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2026, 12, 18)));
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(winner.getId(), BondVariables.BOND_REFUNDS)))
        .extracting(row -> row.get("supplierName")).containsExactly(FIRST_NAME);
    assertThat(losers).isWaitingAt("Task_RefundBidBonds");
    // not a called stage of the purchase: its own instance, which the purchase neither waits for nor ends
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(winner.getId())
        .singleResult().getSuperProcessInstanceId()).isNull();

    TasklistDriver.at(ZonedDateTime.of(2026, 12, 14, 9, 0, 0, 0, ProcurementTime.ZONE));
    session.tasklist().completeAs(PURCHASER, winner, "Task_RefundBidBonds",
        Variables.createVariables().putValue(BondVariables.BOND_REFUNDS, AwardScenario.json(List.of(Map.of(
            BondVariables.REFUNDED_ON, "2026-12-14", BondVariables.REFUND_REFERENCE, "BH-001-退")))));
    assertThat(winner).isEnded();
    assertThat(refunds.ofProject(purchase.getBusinessKey())).filteredOn(line -> line.supplier().equals(FIRST))
        .singleElement().satisfies(line -> assertThat(line.late()).isFalse());
  }

  /** The two losers' rows as Tasklist submits them: refund day and reference per row. */
  private static Map<String, Object> refundForm(String secondOn, String disqualifiedOn) {
    return Variables.createVariables().putValue(BondVariables.BOND_REFUNDS, AwardScenario.json(List.of(
        Map.of(BondVariables.REFUNDED_ON, secondOn, BondVariables.REFUND_REFERENCE, "TK-" + SECOND),
        Map.of(BondVariables.REFUNDED_ON, disqualifiedOn, BondVariables.REFUND_REFERENCE, "TK-" + DISQUALIFIED))));
  }

  /** The purchase's n-th refund instance (oldest first), past its asynchronous start. */
  private ProcessInstance refundOf(ProcessInstance purchase, int n) {
    List<ProcessInstance> instances = refundInstances(purchase);
    assertThat(instances.size()).as("refund instances").isGreaterThan(n);
    ProcessInstance refund = instances.get(n);
    session.tasklist().runJobs(refund);
    return refund;
  }

  private List<ProcessInstance> refundInstances(ProcessInstance purchase) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(BondRefunds.PROCESS_KEY)
        .processInstanceBusinessKey(purchase.getBusinessKey()).list().stream()
        .sorted(java.util.Comparator.comparing(instance -> engine.getHistoryService()
            .createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getStartTime()))
        .toList();
  }
}
