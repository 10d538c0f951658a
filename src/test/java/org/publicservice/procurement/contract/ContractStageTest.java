package org.publicservice.procurement.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.contract.ContractFixtures.*;
import static org.publicservice.procurement.contract.ContractVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract stage driven as the department and the organisations would drive it: draft, signature by the
 * organisation and the department within 30 days of the award notice, publication and filing within their working
 * days, and the fall-back to the next candidate.
 */
@ProcurementSpringTest
class ContractStageTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(AFTER_AWARD).withOfficials();

  /** The day after the award notice of 1 December 2026 (a Tuesday): 30 days end on Thursday 31 December. */
  static final ZonedDateTime AFTER_AWARD = ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, ProcurementTime.ZONE);
  static final ZonedDateTime DEADLINE = ZonedDateTime.of(2026, 12, 31, 23, 59, 59, 0, ProcurementTime.ZONE);
  static final String SCHEDULE = """
      第一阶段验收：100000：2027-04-30
      第二阶段验收：100000：2027-08-31
      绩效评价后尾款：80000：2028-01-31""";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ContractRegister contracts;
  @Autowired WorkingDayCalendar workingDays;

  @Test
  void theWinnerSignsOnTimeAndTheContractIsPublishedAndFiled() throws Exception {
    ProcessInstance stage = start();
    assertThat(stage).isWaitingAt("Task_DraftContract");
    assertThat(runtimeService.getVariable(stage.getId(), CONTRACT_AMOUNT)).isEqualTo(new BigDecimal("280000"));
    assertThat(runtimeService.getVariable(stage.getId(), CONTRACT_INDICATORS_TEXT))
        .isEqualTo("服务对象满意度：90%\n上门服务人次：9600");
    assertThat(runtimeService.getVariable(stage.getId(), SIGNING_DEADLINE))
        .isEqualTo(Date.from(DEADLINE.toInstant()));
    assertThat(taskService.createTaskQuery().processInstanceId(stage.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(DEADLINE.toInstant()));

    draft(stage, draftForm(280_000, 28_000, SCHEDULE));
    assertThat(runtimeService.getVariable(stage.getId(), PAYMENT_SCHEDULE_TEXT)).as("the schedule the signers read")
        .isEqualTo("第1期 第一阶段验收：100,000.00元，2027-04-30\n第2期 第二阶段验收：100,000.00元，2027-08-31\n"
            + "第3期 绩效评价后尾款：80,000.00元，2028-01-31（绩效评价后支付）");
    Task sign = session.tasklist().task(stage, "Task_SignContract");
    assertThat(sign.getAssignee()).isEqualTo(WINNER_ORG);
    session.people().actAs(PURCHASER);
    try {
      assertThat(taskService.createTaskQuery().taskId(sign.getId()).count()).as("the department does not sign for it")
          .isZero();
    } finally {
      session.people().actAsNobody();
    }
    session.mails().deliver(stage.getBusinessKey());
    List<MimeMessage> toWinner = MailDeliveries.mailsTo(greenMail, WINNER_ORG + "@demo.local");
    MimeMessage ready = toWinner.stream().filter(m -> MailDeliveries.subject(m).startsWith("【合同待签订】")).findFirst()
        .orElseThrow();
    assertThat(ready.getSubject()).isEqualTo("【合同待签订】" + stage.getBusinessKey() + " 崇川区居家养老上门服务 政府采购合同");
    assertThat(ready.getContent().toString()).contains("南通安乐居家养老服务社，您好", "合同金额：280,000.00元",
        "签约期限：2026年12月31日");

    TasklistDriver.at(AFTER_AWARD.plusDays(7));
    // 实施条例第四十八条: signing a contract with a performance bond, the organisation says how it lodged it, never cash
    assertThatThrownBy(() -> session.tasklist().completeAs(WINNER_ORG, stage, "Task_SignContract",
        Variables.createVariables().putValue(CONTRACTOR_DECISION, SIGN)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请选择履约保证金的提交方式");
    assertThatThrownBy(() -> session.tasklist().completeAs(WINNER_ORG, stage, "Task_SignContract",
        ContractFixtures.signature().putValue(PERFORMANCE_BOND_FORM, "CASH")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("履约保证金不得以现金形式提交");
    assertThatThrownBy(() -> session.tasklist().completeAs(WINNER_ORG, stage, "Task_SignContract",
        ContractFixtures.signature().putValue(PERFORMANCE_BOND_REFERENCE, " ")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请填写履约保证金的转账流水号或保函编号");
    assertThat(stage).isWaitingAt("Task_SignContract");
    signAsOrganisation(stage, WINNER_ORG);
    countersign(stage);

    String contractId = (String) runtimeService.getVariable(stage.getId(), CONTRACT_ID);
    assertThat(contractId).isEqualTo(stage.getBusinessKey() + "-HT01");
    assertThat(contracts.performanceBondLodged(contractId))
        .hasValue("银行保函（编号" + ContractFixtures.LODGED_BOND_REFERENCE + "）");
    assertThat(stage).isWaitingAt("Task_PublishContract", "Task_FileContract");
    // signed Wednesday 9 December: 2 working days end Friday 11, 7 working days end Friday 18 December
    assertThat(session.tasklist().task(stage, "Task_PublishContract").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(java.time.LocalDate.of(2026, 12, 11)));
    assertThat(session.tasklist().task(stage, "Task_FileContract").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(java.time.LocalDate.of(2026, 12, 18)));

    session.tasklist().completeAs(PURCHASER, stage, "Task_PublishContract", Variables.createVariables()
        .putValue(WITHHELD_PARTS, "服务人员身份证号码"));
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.CONTRACT)).singleElement().satisfies(notice -> {
      assertThat(notice.title()).isEqualTo("崇川区居家养老上门服务政府采购合同公告");
      assertThat(notice.content()).contains("合同编号：" + contractId, "供应商：南通安乐居家养老服务社",
          "合同金额：280,000.00元", "履约保证金：28,000.00元", "服务期限：2027-01-01至2027-12-31",
          "合同签订日期：2026-12-09", "第3期 绩效评价后尾款：80,000.00元，2028-01-31（绩效评价后支付）",
          "上门服务人次：9600", "不予公开的内容（涉及国家秘密、商业秘密）：服务人员身份证号码");
    });
    session.tasklist().completeAs(PURCHASER, stage, "Task_FileContract", Variables.createVariables()
        .putValue(FILING_REFERENCE, "通财购备〔2026〕118号"));

    assertThat(stage).isEnded().hasPassed("EndEvent_ContractSigned").hasNotPassed("Task_DecideNextCandidate",
        "Task_EscalateLatePublication", "Task_EscalateLateFiling");
    Map<String, Object> out = session.history(stage);
    assertThat(out).containsEntry(OUTCOME, OUTCOME_SIGNED).containsEntry(CONTRACTOR, WINNER_ORG)
        .containsEntry(CONTRACTOR_NAME, WINNER_ORG_NAME).containsEntry(CONTRACT_SIGNED_DATE, "2026-12-09")
        .containsEntry(CONTRACT_ID, contractId);
    assertThat(((Number) out.get(CONTRACT_AMOUNT)).longValue()).isEqualTo(280_000L);
    assertThat(JsonValues.rows(out.get(MILESTONES))).extracting(m -> m.get("name"), m -> m.get("dueDate"),
            m -> m.get("finalPayment"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("第一阶段验收", "2027-04-30", false),
            org.assertj.core.groups.Tuple.tuple("第二阶段验收", "2027-08-31", false),
            org.assertj.core.groups.Tuple.tuple("绩效评价后尾款", "2028-01-31", true));
    ContractRegister.Contract stored = contracts.find(contractId).orElseThrow();
    assertThat(stored.amount()).isEqualByComparingTo("280000");
    assertThat(stored.status()).isEqualTo(ContractRegister.SIGNED);
    assertThat(stored.signedOn()).isEqualTo(java.time.LocalDate.of(2026, 12, 9));
    assertThat(stored.publishedAt()).isNotNull();
    assertThat(stored.filedAt()).isNotNull();
  }

  @Test
  void theWinnerRefusesAndTheDepartmentHandsTheAwardToTheNextCandidateOnlyOnAGroundOfTheLaw() {
    ProcessInstance stage = start();
    draft(stage, draftForm(280_000, 0, SCHEDULE));
    session.tasklist().completeAs(WINNER_ORG, stage, "Task_SignContract", Variables.createVariables()
        .putValue(CONTRACTOR_DECISION, REFUSE).putValue(CONTRACTOR_REFUSAL_REASON, "人员无法按期到位。"));

    assertThat(stage).isWaitingAt("Task_DecideNextCandidate").hasPassed("EndEvent_ContractorRefused");
    assertThat(runtimeService.getVariables(stage.getId())).containsEntry(NO_SIGNATURE_REASON, "供应商拒绝签订合同")
        .containsEntry(NEXT_CANDIDATE_NAME, SECOND_ORG_NAME).containsEntry(CONTRACTOR_REFUSAL_REASON, "人员无法按期到位。");
    assertThatThrownBy(() -> session.tasklist().completeAs(PURCHASER, stage, "Task_DecideNextCandidate",
        Variables.createVariables().putValue(NEXT_STEP, NEXT_CANDIDATE)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("实施条例第四十九条");
    assertThatThrownBy(() -> session.tasklist().completeAs(PURCHASER, stage, "Task_DecideNextCandidate",
        Variables.createVariables().putValue(NEXT_STEP, NEXT_CANDIDATE).putValue(PASS_OVER_GROUND, "DECLINED")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请写明中标人放弃中标（成交）或拒绝签订合同的具体情况。");
    session.tasklist().completeAs(PURCHASER, stage, "Task_DecideNextCandidate", Variables.createVariables()
        .putValue(NEXT_STEP, NEXT_CANDIDATE).putValue(PASS_OVER_GROUND, "DECLINED")
        .putValue(PASS_OVER_FACTS, "中标人于12月8日书面放弃中标资格。"));

    // the next candidate becomes winner through a new award decision with a notice of its own (main process)
    assertThat(stage).isEnded().hasPassed("EndEvent_NextCandidate");
    assertThat(session.history(stage)).containsEntry(OUTCOME, OUTCOME_NEXT_CANDIDATE);
    assertThat(JsonValues.rows(session.history(stage).get(EXCLUDED_BIDDERS))).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("bidder", WINNER_ORG).containsEntry("ground", "DECLINED")
          .containsEntry("reason", "中标人于12月8日书面放弃中标资格。");
    });
    assertThat(contracts.find(stage.getBusinessKey() + "-HT01").orElseThrow().status())
        .as("the refused draft stays on file").isEqualTo(ContractRegister.ABANDONED);
  }

  @Test
  void whenThirtyDaysPassTheDepartmentEndsWithoutContractWhenNoCandidateIsLeft() {
    String projectNumber = newProjectNumber();
    VariableMap alone = awarded(projectNumber).putValue("candidates", json(List.of(Map.of("rank", 1, "bidId", "b1",
        "bidder", WINNER_ORG, "bidderName", WINNER_ORG_NAME, "price", 280_000))));
    ProcessInstance stage = runtimeService.startProcessInstanceByKey(PROCESS_KEY, projectNumber, alone);
    draft(stage, draftForm(280_000, 0, SCHEDULE));
    Job deadline = session.tasklist().timer(stage, "BoundaryEvent_SigningDeadlinePassed");
    assertThat(deadline.getDuedate()).isEqualTo(Date.from(DEADLINE.toInstant()));

    TasklistDriver.at(DEADLINE.plusSeconds(5));
    engine.getManagementService().executeJob(deadline.getId());
    assertThat(stage).isWaitingAt("Task_DecideNextCandidate");
    assertThat(taskService.createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey("Task_SignContract")
        .count()).isZero();
    assertThat(runtimeService.getVariable(stage.getId(), NO_SIGNATURE_REASON)).isEqualTo("30日签约期限届满，合同未签订");
    assertThat(runtimeService.getVariable(stage.getId(), NEXT_CANDIDATE_NAME)).isNull();
    assertThatThrownBy(() -> session.tasklist().completeAs(PURCHASER, stage, "Task_DecideNextCandidate",
        Variables.createVariables().putValue(NEXT_STEP, NEXT_CANDIDATE).putValue(PASS_OVER_GROUND, "DECLINED")
            .putValue(PASS_OVER_FACTS, "逾期未签。")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("排名中已没有其他候选人");
    session.tasklist().completeAs(PURCHASER, stage, "Task_DecideNextCandidate",
        Variables.createVariables().putValue(NEXT_STEP, END_WITHOUT_CONTRACT));
    assertThat(stage).isEnded().hasPassed("EndEvent_NoContract");
    assertThat(session.history(stage)).containsEntry(OUTCOME, OUTCOME_NO_CONTRACT);
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.CONTRACT)).isEmpty();
  }

  @Test
  void supervisorsAreAlertedFiveDaysBeforeTheSigningLimit() throws Exception {
    ProcessInstance stage = start();
    draft(stage, draftForm(280_000, 0, SCHEDULE));
    Job alert = session.tasklist().timer(stage, "BoundaryEvent_SigningDeadlineNear");
    assertThat(alert.getDuedate()).isEqualTo(Date.from(DEADLINE.minusDays(5).toInstant()));

    TasklistDriver.at(DEADLINE.minusDays(5).plusMinutes(1));
    engine.getManagementService().executeJob(alert.getId());
    assertThat(stage).isWaitingAt("Task_SignContract").hasPassed("Task_AlertSupervisors");

    session.mails().deliver(stage.getBusinessKey());
    assertThat(MailDeliveries.mailsTo(greenMail, SUPERVISOR_MAIL)).filteredOn(m -> MailDeliveries.subject(m)
        .startsWith("【签约期限将至】" + stage.getBusinessKey())).singleElement().satisfies(mail ->
        assertThat(mail.getContent().toString()).contains("供应商：南通安乐居家养老服务社", "签约期限：2026年12月31日"));

    signAsOrganisation(stage, WINNER_ORG);
    countersign(stage);
    assertThat(stage).isWaitingAt("Task_PublishContract", "Task_FileContract");
  }

  @Test
  void latePublicationAndLateFilingAreReportedToSupervisors() throws Exception {
    ProcessInstance stage = start();
    draft(stage, draftForm(280_000, 0, SCHEDULE));
    signAsOrganisation(stage, WINNER_ORG);
    countersign(stage);
    // signed Wednesday 2 December: publication due Friday 4, filing due Friday 11 December
    Job publication = session.tasklist().timer(stage, "BoundaryEvent_PublicationLate");
    assertThat(publication.getDuedate()).isEqualTo(WorkingDayCalendar.endOf(java.time.LocalDate.of(2026, 12, 4)));
    ClockUtil.setCurrentTime(new Date(publication.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(publication.getId());
    assertThat(stage).isWaitingAt("Task_PublishContract", "Task_FileContract").hasPassed("Task_EscalateLatePublication");

    Job filing = session.tasklist().timer(stage, "BoundaryEvent_FilingLate");
    assertThat(filing.getDuedate()).isEqualTo(WorkingDayCalendar.endOf(java.time.LocalDate.of(2026, 12, 11)));
    ClockUtil.setCurrentTime(new Date(filing.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(filing.getId());
    assertThat(stage).hasPassed("Task_EscalateLateFiling");

    session.mails().deliver(stage.getBusinessKey());
    List<String> subjects = MailDeliveries.mailsTo(greenMail, SUPERVISOR_MAIL).stream().map(MailDeliveries::subject)
        .filter(s -> s.contains(stage.getBusinessKey())).toList();
    assertThat(subjects).contains(
        "【超期督办】" + stage.getBusinessKey() + " 崇川区居家养老上门服务：公告政府采购合同（实施条例第五十条：签订之日起2个工作日内） 已超期",
        "【超期督办】" + stage.getBusinessKey() + " 崇川区居家养老上门服务：合同报财政部门备案（政府采购法第四十七条：签订之日起7个工作日内） 已超期");

    session.tasklist().completeAs(PURCHASER, stage, "Task_PublishContract", Variables.createVariables());
    session.tasklist().completeAs(PURCHASER, stage, "Task_FileContract", Variables.createVariables()
        .putValue(FILING_REFERENCE, "通财购备〔2026〕131号"));
    assertThat(stage).isEnded().hasPassed("EndEvent_ContractSigned");
  }

  @Test
  void aDraftThatChangesThePriceOrBreaksTheBondOrScheduleRulesIsRefusedAndNothingIsSaved() {
    ProcessInstance stage = start();
    assertRefused(stage, draftForm(279_000, 0, SCHEDULE), "合同金额必须与中标（成交）金额280,000.00元一致");
    assertRefused(stage, draftForm(280_000, 28_000.01, SCHEDULE), "履约保证金不得超过合同金额的10%，即28,000.00元");
    assertRefused(stage, draftForm(280_000, 0, SCHEDULE.replace("80000", "70000")),
        "付款计划各期金额合计270,000.00元，与合同金额280,000.00元不一致");
    assertRefused(stage, draftForm(280_000, 0, "全部款项：280000：2028-01-31"), "付款计划至少应有两期");
    assertRefused(stage, draftForm(280_000, 0, SCHEDULE.replace("第二阶段验收：100000：", " ：100000：")),
        "付款计划第2行：请填写里程碑名称。");
    assertRefused(stage, draftForm(280_000, 0, SCHEDULE.replace("第二阶段验收：100000：", "第二阶段验收：100000.001：")),
        "付款计划第2行：金额最多保留两位小数。");
    assertRefused(stage, draftForm(280_000, 0, SCHEDULE.replace("2027-08-31", "2027-03-31")),
        "付款计划第2行：到期日期早于上一期，请按时间顺序填写。");
    assertRefused(stage, draftForm(280_000, 0, SCHEDULE.replace("2028-01-31", "2027-10-31")),
        "付款计划第3行：最后一期是绩效评价后的尾款，到期日期不能早于服务期限结束日（2027-12-31）");
    assertRefused(stage, draftForm(280_000, 0, SCHEDULE.replace("2027-04-30", "2027-4-30")),
        "付款计划第1行：到期日期“2027-4-30”不是有效日期，应为 年-月-日。");
    assertRefused(stage, draftForm(280_000, 0, ("第一期：20000：2027-02-01\n").repeat(12) + "尾款：40000：2028-01-31"),
        "付款计划最多12行，现有13行。");

    assertThat(stage).isWaitingAt("Task_DraftContract");
    assertThat(runtimeService.getVariable(stage.getId(), MILESTONES)).isNull();
    assertThat(runtimeService.getVariable(stage.getId(), PERFORMANCE_BOND)).isNull();
    assertThat(runtimeService.getVariable(stage.getId(), CONTRACT_AMOUNT)).isEqualTo(new BigDecimal("280000"));
    assertThat(contracts.find(stage.getBusinessKey() + "-HT01")).isEmpty();
  }

  @Test
  void termsSubmittedWithASignatureChangeNothing() {
    ProcessInstance stage = start();
    draft(stage, draftForm(280_000, 14_000, SCHEDULE));
    // what a client of the REST API could send along with the signature: other terms than the draft's (refused
    // whole by the completion guard, security/CompletionGuard: the terms are the draft's, read-only here)
    assertThatThrownBy(() -> session.tasklist().completeAs(WINNER_ORG, stage, "Task_SignContract",
        Variables.createVariables()
        .putValue(CONTRACTOR_DECISION, SIGN).putValue(CONTRACT_AMOUNT, 300_000).putValue(PERFORMANCE_BOND, 0)
        .putValue(PAYMENT_SCHEDULE_TEXT, "首付：290000：2027-01-31\n尾款：10000：2028-01-31")
        .putValue(MILESTONES, json(java.util.List.of(Map.of("index", 1, "name", "首付", "amount", 290_000,
            "dueDate", "2027-01-31", "finalPayment", false))))))
        .hasMessageContaining("未作任何更改");
    session.tasklist().completeAs(WINNER_ORG, stage, "Task_SignContract", ContractFixtures.signature());
    countersign(stage);

    assertThat(runtimeService.getVariable(stage.getId(), CONTRACT_AMOUNT)).isEqualTo(new BigDecimal("280000.00"));
    assertThat(JsonValues.rows(runtimeService.getVariable(stage.getId(), MILESTONES))).extracting(m -> m.get("name"))
        .containsExactly("第一阶段验收", "第二阶段验收", "绩效评价后尾款");
    session.tasklist().completeAs(PURCHASER, stage, "Task_PublishContract", Variables.createVariables());
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.CONTRACT)).singleElement().satisfies(n -> assertThat(n.content())
        .contains("合同金额：280,000.00元", "履约保证金：14,000.00元", "第1期 第一阶段验收：100,000.00元").doesNotContain("首付"));
  }

  // --- driving the stage ------------------------------------------------------------------------------------

  @Test
  void thirtyLongIndicatorsReachTheSignersWhole() {
    // 30 indicators with names and targets of 120 characters (a request may have 30 of 200 + 200): more than the
    // 4,000 characters a String variable holds, which made the contract stage fail to start
    List<Map<String, Object>> indicators = new java.util.ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      indicators.add(Map.of("name", "指标" + i + "：" + "服务对象对上门服务及时性和服务质量的满意程度".repeat(5),
          "target", "不低于90%，" + "以第三方入户抽样调查结果为准".repeat(8)));
    }
    String projectNumber = newProjectNumber();
    ProcessInstance stage = runtimeService.startProcessInstanceByKey(PROCESS_KEY, projectNumber,
        awarded(projectNumber).putValueTyped("indicators", org.camunda.spin.plugin.variable.SpinValues
            .jsonValue(org.publicservice.procurement.purchase.JsonValues.toJson(indicators)).create()));
    assertThat(stage).isWaitingAt("Task_DraftContract");
    assertThat((String) runtimeService.getVariable(stage.getId(), CONTRACT_INDICATORS_TEXT)).hasSizeGreaterThan(4000)
        .startsWith("指标1：服务对象").contains("\n指标30：服务对象");
  }

  private ProcessInstance start() {
    String projectNumber = newProjectNumber();
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, projectNumber, awarded(projectNumber));
  }

  private void draft(ProcessInstance stage, VariableMap form) {
    session.tasklist().completeAs(PURCHASER, stage, "Task_DraftContract", form);
  }

  private void assertRefused(ProcessInstance stage, VariableMap form, String message) {
    assertThatThrownBy(() -> draft(stage, form)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining(message);
  }

  private void signAsOrganisation(ProcessInstance stage, String organisation) {
    session.tasklist().completeAs(organisation, stage, "Task_SignContract", ContractFixtures.signature());
  }

  private void countersign(ProcessInstance stage) {
    session.tasklist().completeAs(PURCHASER, stage, "Task_CountersignContract",
        Variables.createVariables().putValue(DEPARTMENT_SIGNS, true));
  }
}
