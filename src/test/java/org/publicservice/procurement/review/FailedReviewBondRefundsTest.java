package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.review.ReviewStages.BIDS;
import static org.publicservice.procurement.review.ReviewStages.compliant;
import static org.publicservice.procurement.review.ReviewStages.inputs;
import static org.publicservice.procurement.review.ReviewStages.invalid;
import static org.publicservice.procurement.review.ReviewVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.award.BondVariables;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.contract.ContractFixtures;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.tender.BidBond;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A review that fails the round, for too few qualified bids (87号令第四十四条) or too few valid ones (废标,
 * 政府采购法第三十六条), owes every bid bond the opened bids stated within 5 working days of the failure notice
 * (87号令第二十九条、第三十八条); a bid that stated none owes nothing.
 */
@ProcurementSpringTest
class FailedReviewBondRefundsTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  /** BIDS[0..2]: a bank guarantee, no bond stated, a transfer. */
  static final List<String> LODGED = List.of("银行保函（编号BH-201）", BidBond.NOT_STATED,
      "银行转账（支票、汇票、本票）（编号ZZ-203）");
  /** Monday 7 December 2026 (ReviewStageProcessTest.MONDAY): 5 working days end on Monday 14 December. */
  static final LocalDate FIFTH_WORKING_DAY = LocalDate.of(2026, 12, 14);

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired BondRefunds refunds;
  @Autowired JdbcTemplate jdbc;

  TestIdentities people;
  ReviewStages stages;
  TasklistDriver tasklist;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(identityService);
    stages = new ReviewStages(engine, people);
    tasklist = new TasklistDriver(engine, people);
    ClockUtil.setCurrentTime(Date.from(ReviewStageProcessTest.MONDAY.toInstant()));
    for (Object[] bid : BIDS) {
      jdbc.update("DELETE FROM credit_record WHERE organisation_user_id = ?", bid[0]);
    }
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void tooFewQualifiedBidsOweTheStatedBondsBack() {
    ProcessInstance stage = stages.start(withBonds(inputs(ContractFixtures.newProjectNumber(), 2_000_000,
        COMPREHENSIVE, 3, BIDS[0], BIDS[1], BIDS[2])));
    stages.submitQualification(stage, stages.qualificationForm(3, null, new Object[] {2, "未提供社保缴纳证明"}));

    assertThat(stage).isEnded().hasPassed("ServiceTask_CloseTooFewQualified",
        "ServiceTask_RefundBondsTooFewQualified", "EndEvent_TooFewQualified");
    assertOwed(stage);
  }

  @Test
  void tooFewValidBidsOweTheStatedBondsBack() {
    ProcessInstance stage = stages.start(withBonds(inputs(ContractFixtures.newProjectNumber(), 2_000_000,
        COMPREHENSIVE, 3, BIDS[0], BIDS[1], BIDS[2])));
    stages.submitQualification(stage, stages.qualificationForm(3, null));
    stages.acceptAll(stage);
    stages.reviewCompliance(stage, 1, compliant());
    stages.reviewCompliance(stage, 2, invalid("NO_BID_BOND", "投标文件未载明投标保证金的提交方式和凭证。"));
    stages.reviewCompliance(stage, 3, invalid("NOT_RESPONSIVE", "服务方案未覆盖招标文件要求的夜间紧急呼叫响应。"));

    assertThat(stage).isEnded().hasPassed("ServiceTask_CloseTooFewValid", "ServiceTask_RefundBondsTooFewValid",
        "EndEvent_TooFewValid").hasNotPassed("Task_ScoreBids");
    assertOwed(stage);
  }

  /** One refund task, due on the 5th working day, for the two bids that stated a bond, 20,000 yuan each. */
  private void assertOwed(ProcessInstance stage) {
    List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(BondRefunds.PROCESS_KEY).processInstanceBusinessKey(stage.getBusinessKey()).list();
    assertThat(instances).hasSize(1);
    ProcessInstance refund = instances.get(0);
    tasklist.runJobs(refund);
    assertThat(refund).isWaitingAt("Task_RefundBidBonds");
    assertThat(tasklist.task(refund, "Task_RefundBidBonds").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(FIFTH_WORKING_DAY));
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(refund.getId(), BondVariables.BOND_REFUNDS)))
        .containsExactly(
            Map.of("supplierName", BIDS[0][1], "amount", "20,000.00元", "lodged", LODGED.get(0)),
            Map.of("supplierName", BIDS[2][1], "amount", "20,000.00元", "lodged", LODGED.get(2)));
    assertThat(refunds.ofProject(stage.getBusinessKey())).extracting(BondRefunds.Line::supplier)
        .containsExactly((String) BIDS[0][0], (String) BIDS[2][0]);
  }

  /** The opening recorded how each bid lodged the bond the documents ask for (20,000 yuan). */
  private static VariableMap withBonds(VariableMap inputs) {
    List<Map<String, Object>> opened = new ArrayList<>();
    List<Map<String, Object>> rows = JsonValues.rows(inputs.get(OPENED_BIDS));
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> bid = new LinkedHashMap<>(rows.get(i));
      bid.put("bidBond", LODGED.get(i));
      opened.add(bid);
    }
    return inputs.putValueTyped(OPENED_BIDS, SpinValues.jsonValue(JsonValues.toJson(opened)).create());
  }
}
