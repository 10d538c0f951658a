package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.award.AwardScenario.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.contract.ContractFixtures;
import org.publicservice.procurement.contract.ContractRegister;
import org.publicservice.procurement.contract.ContractVariables;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.tender.BidBond;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 87号令第三十八条: at signing, the winner's bid bond may become its performance bond instead of going back. It is
 * then no bid bond to refund after signing; it goes back with the performance bond at the end, and the winner lodges
 * only what it does not cover. Only where the documents allow it, and only a bond the winner's bid stated.
 */
@ProcurementSpringTest
class BidBondIntoPerformanceBondTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  static final ZonedDateTime THURSDAY_MORNING = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  static final ZonedDateTime SIGNING_DAY = ZonedDateTime.of(2026, 12, 11, 9, 0, 0, 0, ProcurementTime.ZONE);

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired BondRefunds refunds;
  @Autowired ContractRegister contracts;
  @Autowired JdbcTemplate jdbc;

  AwardScenario award;
  TestIdentities people;
  TasklistDriver tasklist;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(identityService).ensureOfficials();
    award = new AwardScenario(engine, people);
    tasklist = new TasklistDriver(engine, people);
    TasklistDriver.at(THURSDAY_MORNING);
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void theWinnersBidBondBecomesPartOfThePerformanceBondAndGoesBackWithIt() {
    ProcessInstance purchase = award.purchaseAtAwardWithBidBonds(5000, Map.of(FIRST, "银行保函（编号BH-301）",
        SECOND, "银行转账（支票、汇票、本票）（编号ZZ-302）"));
    String project = purchase.getBusinessKey();
    openedRound(project, true);
    award.choose(award.award(purchase), FIRST);
    TasklistDriver.at(SIGNING_DAY);
    ProcessInstance contract = award.contract(purchase);
    award.completeAs(PURCHASER, contract, "Task_DraftContract", ContractFixtures.draftForm(268000, 13400, SCHEDULE));
    // the signing form shows the bid bond the winner may turn
    assertThat(engine.getRuntimeService().getVariable(contract.getId(), ContractVariables.WINNER_BID_BOND))
        .isEqualTo(new BigDecimal("5000"));

    // 5,000 yuan of 13,400 covered: the rest still needs its form and reference
    assertThatThrownBy(() -> award.completeAs(FIRST, contract, "Task_SignContract", signing(true)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请选择履约保证金的提交方式");
    award.completeAs(FIRST, contract, "Task_SignContract", signing(true)
        .putValue(ContractVariables.PERFORMANCE_BOND_FORM, "BANK_GUARANTEE")
        .putValue(ContractVariables.PERFORMANCE_BOND_REFERENCE, "BH-履约-8400"));
    award.countersign(contract);

    // no refund of the winner's bid bond after signing: only the losers' refund of the award notice
    assertThat(contract).hasPassed("Task_StartWinnerBidBondRefund");
    assertThat(refunds.ofProject(project)).extracting(BondRefunds.Line::supplier).containsExactly(SECOND);
    String contractId = (String) engine.getRuntimeService().getVariable(contract.getId(), ContractVariables.CONTRACT_ID);
    assertThat(contracts.performanceBondParts(contractId)).extracting(ContractRegister.BondPart::amount,
            ContractRegister.BondPart::lodged)
        .containsExactly(Tuple.tuple(new BigDecimal("5000.00"), "由投标保证金转入：银行保函（编号BH-301）"),
            Tuple.tuple(new BigDecimal("8400.00"), "银行保函（编号BH-履约-8400）"));

    // published and filed, the contract is performed; at the end both parts go back with the performance bond
    award.completeAs(PURCHASER, contract, "Task_PublishContract", Variables.createVariables());
    award.completeAs(PURCHASER, contract, "Task_FileContract", Variables.createVariables()
        .putValue(ContractVariables.FILING_REFERENCE, "通财购备〔2026〕301号"));
    assertThat(purchase).isWaitingAt("Task_PerformanceStage");
    engine.getRuntimeService().createProcessInstanceModification(purchase.getId())
        .cancelAllForActivity("Task_PerformanceStage").startBeforeActivity("Task_StartPerformanceBondRefund")
        .execute();
    assertThat(purchase).isEnded();
    ProcessInstance refund = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(BondRefunds.PROCESS_KEY).processInstanceBusinessKey(project)
        .variableValueEquals(BondVariables.BOND_KIND, BondRefunds.PERFORMANCE).singleResult();
    tasklist.runJobs(refund);
    assertThat(refund).isWaitingAt("Task_RefundPerformanceBond");
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(refund.getId(), BondVariables.BOND_REFUNDS)))
        .extracting(row -> row.get("amount"), row -> row.get("lodged"))
        .containsExactly(Tuple.tuple("5,000.00元", "由投标保证金转入：银行保函（编号BH-301）"),
            Tuple.tuple("8,400.00元", "银行保函（编号BH-履约-8400）"));
  }

  @Test
  void noBidBondToTurnWhereTheDocumentsDoNotAllowItOrTheWinnerLodgedNone() {
    ProcessInstance notAllowed = signingWithBidBonds(Map.of(FIRST, "银行保函（编号BH-311）"), false);
    assertThatThrownBy(() -> award.completeAs(FIRST, award.contract(notAllowed), "Task_SignContract", signing(true)
        .putValue(ContractVariables.PERFORMANCE_BOND_FORM, "BANK_GUARANTEE")
        .putValue(ContractVariables.PERFORMANCE_BOND_REFERENCE, "BH-履约-13400")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("本项目采购文件未规定投标保证金可以转为履约保证金，"
            + "请按合同约定另行提交履约保证金。");

    ProcessInstance noneLodged = signingWithBidBonds(Map.of(FIRST, BidBond.NOT_STATED), true);
    assertThatThrownBy(() -> award.completeAs(FIRST, award.contract(noneLodged), "Task_SignContract", signing(true)
        .putValue(ContractVariables.PERFORMANCE_BOND_FORM, "BANK_GUARANTEE")
        .putValue(ContractVariables.PERFORMANCE_BOND_REFERENCE, "BH-履约-13400")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("投标时未提交投标保证金，不能转为履约保证金");

    for (ProcessInstance purchase : List.of(notAllowed, noneLodged)) {
      assertThat(award.contract(purchase)).isWaitingAt("Task_SignContract");
      assertThat(engine.getRuntimeService().getVariable(award.contract(purchase).getId(),
          ContractVariables.WINNER_BID_BOND)).as("nothing offered to turn").isNull();
    }
  }

  /** A purchase awarded to FIRST whose contract (13,400 yuan performance bond) waits for the winner's signature. */
  private ProcessInstance signingWithBidBonds(Map<String, String> lodged, boolean convertible) {
    ProcessInstance purchase = award.purchaseAtAwardWithBidBonds(5000, lodged);
    openedRound(purchase.getBusinessKey(), convertible);
    award.choose(award.award(purchase), FIRST);
    award.completeAs(PURCHASER, award.contract(purchase), "Task_DraftContract",
        ContractFixtures.draftForm(268000, 13400, SCHEDULE));
    return purchase;
  }

  /**
   * The opened round the award came from, as the tender stage recorded it: a 5,000 yuan bid bond and whether its
   * documents let the winner turn it into the performance bond.
   */
  private void openedRound(String project, boolean convertible) {
    var at = THURSDAY_MORNING.minusDays(30).toOffsetDateTime();
    jdbc.update("""
        INSERT INTO tender_call (project_number, round_no, process_instance_id, service_name, department_name,
          procurement_method, budget, bid_deadline, clarification_deadline, qualification_requirements, published_at,
          call_status, bid_bond, bid_bond_convertible)
        VALUES (?, 1, 'tender-stage', '崇川区居家养老上门服务', '南通市民政局', 'OPEN_TENDER', 300000, ?, ?,
          '依法登记的社会组织。', ?, 'OPENED', 5000, ?)""", project, at.plusDays(25), at.plusDays(10), at, convertible);
  }

  private static VariableMap signing(boolean convert) {
    return Variables.createVariables().putValue(ContractVariables.CONTRACTOR_DECISION, ContractVariables.SIGN)
        .putValue(ContractVariables.BID_BOND_CONVERTED, convert);
  }
}
