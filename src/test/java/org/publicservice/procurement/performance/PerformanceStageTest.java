package org.publicservice.procurement.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.contract.ContractFixtures.*;
import static org.publicservice.procurement.performance.PerformanceVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The performance stage driven as the organisation and the department would drive it: progress reports with the
 * indicator values, phased acceptances with the service recipients, one payment per accepted milestone.
 */
@ProcurementSpringTest
class PerformanceStageTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(BEFORE_FIRST_MILESTONE).withOfficials();

  /** Monday 26 April 2027, before the first milestone is due (Friday 30 April). */
  static final ZonedDateTime BEFORE_FIRST_MILESTONE = ZonedDateTime.of(2027, 4, 26, 10, 0, 0, 0, ProcurementTime.ZONE);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired MilestonePayments payments;
  @Autowired MilestoneLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired WorkingDayCalendar workingDays;

  @Test
  void milestonesAreReportedAcceptedOneAfterACorrectionAndEachPaidOnce() throws Exception {
    ProcessInstance stage = start();
    String contractId = contractId(stage);
    assertThat(stage).isWaitingAt("Task_SubmitProgressReport");
    Task report = session.tasklist().task(stage, "Task_SubmitProgressReport");
    assertThat(report.getAssignee()).isEqualTo(WINNER_ORG);
    assertThat(report.getDueDate()).isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2027, 4, 30)));
    assertThat(taskService.getVariables(report.getId())).containsEntry(MILESTONE_NAME, "第一阶段验收");
    // the report's table: a row per indicator of the contract, the values empty
    assertThat(JsonValues.rows(taskService.getVariable(report.getId(), INDICATOR_RESULTS)))
        .extracting(r -> r.get("name"), r -> r.get("reached"))
        .containsExactly(tuple("服务对象满意度", null), tuple("上门服务人次", null));

    report(stage, "85%", "3100");
    Task acceptance = session.tasklist().task(stage, "Task_AcceptMilestone");
    // 10 working days from the report, as the working-day calendar (with the May Day holiday) counts them
    assertThat(acceptance.getDueDate()).isEqualTo(workingDays.after(LocalDate.of(2027, 4, 26), 10));
    accept(stage, CORRECT, 70, "上门记录缺少服务对象签字，请补齐后重新报告。");

    assertThat(stage).isWaitingAt("Task_SubmitProgressReport");
    assertThat(ledger.find(contractId, 1).orElseThrow().status()).isEqualTo(MilestoneLedger.CORRECTION);
    assertThat(taskService.getVariable(session.tasklist().task(stage, "Task_SubmitProgressReport").getId(), ACCEPTANCE_OPINION))
        .isEqualTo("上门记录缺少服务对象签字，请补齐后重新报告。");
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.ACCEPTANCE)).isEmpty();
    assertThat(payments.ofContract(contractId)).isEmpty();

    report(stage, "91%", "3200");
    accept(stage, ACCEPT, 92, null);
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.ACCEPTANCE)).singleElement().satisfies(notice -> {
      assertThat(notice.title()).isEqualTo("崇川区居家养老上门服务第1期履约验收结果公告");
      assertThat(notice.content()).contains("验收阶段：第1期 第一阶段验收", "验收结论：验收合格", "服务对象满意度：92分",
          "参加验收的服务对象：服务对象代表12人", "服务对象满意度：目标90%，达到91%", "上门服务人次：目标9600，达到3200");
    });
    // accepted on 26 April, paid on the date the schedule sets: 30 April
    assertThat(stage).isWaitingAt("Timer_PaymentDate");
    assertThat(session.tasklist().timer(stage, "Timer_PaymentDate").getDuedate())
        .isEqualTo(Date.from(LocalDate.of(2027, 4, 30).atStartOfDay(ProcurementTime.ZONE).toInstant()));
    assertThat(payments.ofContract(contractId)).isEmpty();
    TasklistDriver.at(ZonedDateTime.of(2027, 4, 30, 9, 0, 0, 0, ProcurementTime.ZONE));
    engine.getManagementService().executeJob(session.tasklist().timer(stage, "Timer_PaymentDate").getId());
    assertThat(stage).isWaitingAt("Task_PayMilestone");
    payJob(stage);

    assertThat(payments.ofContract(contractId)).singleElement().satisfies(payment -> {
      assertThat(payment.milestoneIndex()).isEqualTo(1);
      assertThat(payment.amount()).isEqualByComparingTo("100000");
      assertThat(payment.paidOn()).isEqualTo(LocalDate.of(2027, 4, 30));
    });
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.PAYMENT)).singleElement().satisfies(notice ->
        assertThat(notice.content()).contains("收款单位：南通安乐居家养老服务社", "支付阶段：第1期 第一阶段验收",
            "支付金额：100,000.00元", "累计已支付：100,000.00元"));
    session.mails().deliver(stage.getBusinessKey());
    assertThat(MailDeliveries.mailsTo(greenMail, WINNER_ORG + "@demo.local")).filteredOn(m ->
        MailDeliveries.subject(m).startsWith("【款项已支付】" + stage.getBusinessKey())).singleElement().satisfies(mail -> {
          assertThat(mail.getSubject()).isEqualTo("【款项已支付】" + stage.getBusinessKey() + " 崇川区居家养老上门服务 第1期 第一阶段验收");
          assertThat(mail.getContent().toString()).contains("支付金额：100,000.00元", "支付日期：2027-04-30");
        });

    // the second milestone, then the stage hands over to the evaluation; the final payment is not paid here
    assertThat(stage).isWaitingAt("Task_SubmitProgressReport");
    assertThat(taskService.getVariable(session.tasklist().task(stage, "Task_SubmitProgressReport").getId(), MILESTONE_NAME))
        .isEqualTo("第二阶段验收");
    // the second period begins on 1 May: nothing of it can be reported before
    assertThatThrownBy(() -> report(stage, "93%", "6500"))
        .hasMessageContaining("本期（第二阶段验收）的服务期自2027-05-01开始，服务尚未提供，不能提交进度报告");
    TasklistDriver.at(ZonedDateTime.of(2027, 8, 31, 9, 0, 0, 0, ProcurementTime.ZONE));
    report(stage, "93%", "6500");
    accept(stage, ACCEPT, 95, "服务记录完整。");
    payJob(stage);

    assertThat(stage).isEnded().hasPassed("Task_CompletePerformance", "EndEvent_Delivered");
    Map<String, Object> out = session.history(stage);
    assertThat(out).containsEntry(OUTCOME, OUTCOME_DELIVERED);
    assertThat((BigDecimal) out.get(PAID_SO_FAR)).isEqualByComparingTo("200000");
    assertThat(payments.ofContract(contractId)).extracting(MilestonePayments.Payment::milestoneIndex).containsExactly(1, 2);
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.PAYMENT)).hasSize(2);
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.ACCEPTANCE)).hasSize(2);
  }

  @Test
  void aPaymentStepThatFailsAfterPayingOrRunsAgainPaysOnce() {
    ProcessInstance stage = start();
    String contractId = contractId(stage);
    // accepted after its scheduled date (30 April): the payment step follows at once
    TasklistDriver.at(ZonedDateTime.of(2027, 5, 6, 10, 0, 0, 0, ProcurementTime.ZONE));
    report(stage, "91%", "3200");
    accept(stage, ACCEPT, 90, null);
    Job payment = job(stage);

    // the register is unreachable after the payment row was written: the whole step rolls back and is retried
    jdbc.sql("ALTER TABLE disclosure_notice RENAME TO disclosure_notice_offline").update();
    try {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(payment.getId())).isInstanceOf(Exception.class);
    } finally {
      jdbc.sql("ALTER TABLE disclosure_notice_offline RENAME TO disclosure_notice").update();
    }
    assertThat(payments.ofContract(contractId)).isEmpty();
    Job retried = job(stage);
    assertThat(retried.getRetries()).isEqualTo(2);
    assertThat(retried.getExceptionMessage()).isNotBlank();
    engine.getManagementService().executeJob(retried.getId());
    assertThat(payments.ofContract(contractId)).hasSize(1);
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.PAYMENT)).hasSize(1);

    // an operator runs the payment step of that milestone again (Cockpit: modification of the process instance)
    String milestone = runtimeService.getActivityInstance(stage.getId()).getActivityInstances("SubProcess_Milestone")[0]
        .getId();
    List<String> before = jobs(stage).stream().map(Job::getId).toList();
    runtimeService.createProcessInstanceModification(stage.getId())
        .startBeforeActivity("Task_PayMilestone", milestone)
        .execute();
    Job repeated = jobs(stage).stream().filter(j -> !before.contains(j.getId())).findFirst().orElseThrow();
    engine.getManagementService().executeJob(repeated.getId());
    MilestonePayments.Payment again = payments.pay(contractId, 1, LocalDate.of(2027, 5, 20), stage.getId());
    assertThat(again.newlyRecorded()).isFalse();
    assertThat(again.paidOn()).isEqualTo(LocalDate.of(2027, 5, 6));
    assertThat(payments.ofContract(contractId)).hasSize(1);
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.PAYMENT)).hasSize(1);
    assertThat(payments.paidSoFar(contractId)).isEqualByComparingTo("100000");
  }

  @Test
  void badIndicatorValuesASatisfactionOutOfRangeAndPayingAMilestoneNotAcceptedAreRefused() {
    ProcessInstance stage = start();
    String contractId = contractId(stage);
    assertReportRefused(stage, "指标“服务对象满意度”：达到值120%超出范围，百分比应在0%至100%之间。", "120%", "3200");
    assertReportRefused(stage, "指标“服务对象满意度”：达到值“很好”不是数字或百分比（可带单位，如 20000人次）。", "很好", "3200");
    assertReportRefused(stage, "指标“服务对象满意度”：目标是百分比，请按百分比填写达到值（如 92%）。", "91", "3200");
    assertReportRefused(stage, "指标“上门服务人次”：达到值不能为负数。", "91%", "-5");
    assertReportRefused(stage, "指标“上门服务人次”：请填写达到值。", "91%", " ");
    assertReportRefused(stage, "指标达到值应有2行，提交了3行。请刷新任务后重新填写。", "91%", "3200", "12");
    assertThat(stage).isWaitingAt("Task_SubmitProgressReport");
    assertThat(ledger.find(contractId, 1).orElseThrow().status()).isEqualTo(MilestoneLedger.PLANNED);

    assertThatThrownBy(() -> payments.pay(contractId, 1, LocalDate.of(2027, 4, 26), stage.getId()))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("第1期“第一阶段验收”尚未验收合格，不能支付");

    report(stage, "91%", "3200");
    assertThatThrownBy(() -> accept(stage, ACCEPT, 101, null)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("服务对象满意度应在0至100分之间");
    assertThatThrownBy(() -> accept(stage, CORRECT, 60, null)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("请填写需要整改的内容");
    assertThatThrownBy(() -> session.tasklist().completeAs(PURCHASER, stage, "Task_AcceptMilestone",
        Variables.createVariables().putValue(ACCEPTANCE_DECISION, ACCEPT).putValue(RECIPIENT_SATISFACTION, 90)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请填写参加验收的服务对象");
    assertThatThrownBy(() -> payments.pay(contractId, 1, LocalDate.of(2027, 4, 26), stage.getId()))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("尚未验收合格");

    assertThat(stage).isWaitingAt("Task_AcceptMilestone");
    assertThat(ledger.find(contractId, 1).orElseThrow().status()).isEqualTo(MilestoneLedger.REPORTED);
    assertThat(payments.ofContract(contractId)).isEmpty();
    assertThat(session.notices(stage.getBusinessKey(), NoticeType.ACCEPTANCE)).isEmpty();
  }

  @Test
  void aLateReportAndALateAcceptanceAreReportedToSupervisors() throws Exception {
    ProcessInstance stage = start();
    Job reportLate = session.tasklist().timer(stage, "BoundaryEvent_ReportLate");
    assertThat(reportLate.getDuedate()).isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2027, 4, 30)));
    ClockUtil.setCurrentTime(new Date(reportLate.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(reportLate.getId());
    assertThat(stage).isWaitingAt("Task_SubmitProgressReport").hasPassed("Task_EscalateLateReport");

    report(stage, "91%", "3200");
    Job acceptanceLate = session.tasklist().timer(stage, "BoundaryEvent_AcceptanceLate");
    assertThat(acceptanceLate.getDuedate()).isEqualTo(session.tasklist().task(stage, "Task_AcceptMilestone").getDueDate());
    ClockUtil.setCurrentTime(new Date(acceptanceLate.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(acceptanceLate.getId());
    assertThat(stage).isWaitingAt("Task_AcceptMilestone").hasPassed("Task_EscalateLateAcceptance");

    session.mails().deliver(stage.getBusinessKey());
    List<String> subjects = MailDeliveries.mailsTo(greenMail, SUPERVISOR_MAIL).stream().map(MailDeliveries::subject)
        .filter(s -> s.contains(stage.getBusinessKey())).toList();
    assertThat(subjects).containsExactlyInAnyOrder(
        "【超期督办】" + stage.getBusinessKey() + " 崇川区居家养老上门服务：第1期“第一阶段验收”服务进度报告（南通安乐居家养老服务社） 已超期",
        "【超期督办】" + stage.getBusinessKey() + " 崇川区居家养老上门服务：第1期“第一阶段验收”分阶段验收（南通市民政局） 已超期");
  }

  @Test
  void nothingOfTheFirstMilestoneIsReportedOrAcceptedBeforeTheServicePeriodBegins() {
    // the contract was signed in December; the service period of the purchase begins on 1 January 2027
    TasklistDriver.at(ZonedDateTime.of(2026, 12, 21, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance stage = start();
    assertThatThrownBy(() -> report(stage, "95%", "9600"))
        .hasMessageContaining("本期（第一阶段验收）的服务期自2027-01-01开始，服务尚未提供，不能提交进度报告");
    assertThat(stage).isWaitingAt("Task_SubmitProgressReport");
    assertThat(ledger.find(contractId(stage), 1).orElseThrow().status()).isEqualTo(MilestoneLedger.PLANNED);
    TasklistDriver.at(ZonedDateTime.of(2027, 1, 4, 10, 0, 0, 0, ProcurementTime.ZONE));
    report(stage, "95%", "200");
    assertThat(stage).isWaitingAt("Task_AcceptMilestone");
  }

  // --- driving the stage ------------------------------------------------------------------------------------

  /** The stage as the contract stage hands it on: a signed contract of three instalments, the last one final. */
  private ProcessInstance start() {
    String projectNumber = newProjectNumber();
    VariableMap variables = awarded(projectNumber)
        .putValue("contractOutcome", "SIGNED")
        .putValue(CONTRACT_ID, projectNumber + "-HT01")
        .putValue(CONTRACTOR, WINNER_ORG)
        .putValue(CONTRACTOR_NAME, WINNER_ORG_NAME)
        .putValue("contractAmount", 280_000L)
        .putValue("contractSignedDate", "2026-12-09")
        .putValue(MILESTONES, json(List.of(
            Map.of("index", 1, "name", "第一阶段验收", "amount", 100_000, "dueDate", "2027-04-30", "finalPayment", false),
            Map.of("index", 2, "name", "第二阶段验收", "amount", 100_000, "dueDate", "2027-08-31", "finalPayment", false),
            Map.of("index", 3, "name", "绩效评价后尾款", "amount", 80_000, "dueDate", "2028-01-31", "finalPayment", true))));
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, projectNumber, variables);
  }

  private String contractId(ProcessInstance stage) {
    return (String) runtimeService.getVariable(stage.getId(), CONTRACT_ID);
  }

  private void report(ProcessInstance stage, String... values) {
    session.tasklist().completeAs(WINNER_ORG, stage, "Task_SubmitProgressReport", Variables.createVariables()
        .putValue(PROGRESS_REPORT, "本期完成上门助餐、助洁服务，服务记录已归档。")
        .putValueTyped(INDICATOR_RESULTS, ProgressReports.reached(values)));
  }

  private void assertReportRefused(ProcessInstance stage, String message, String... values) {
    assertThatThrownBy(() -> report(stage, values)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage(message);
  }

  private void accept(ProcessInstance stage, String decision, int satisfaction, String opinion) {
    VariableMap form = Variables.createVariables().putValue(ACCEPTANCE_DECISION, decision)
        .putValue(RECIPIENT_PARTICIPANTS, "服务对象代表12人").putValue(RECIPIENT_SATISFACTION, satisfaction);
    if (opinion != null) {
      form.putValue(ACCEPTANCE_OPINION, opinion);
    }
    session.tasklist().completeAs(PURCHASER, stage, "Task_AcceptMilestone", form);
  }

  private Job job(ProcessInstance stage) {
    return engine.getManagementService().createJobQuery().processInstanceId(stage.getId())
        .activityId("Task_PayMilestone").singleResult();
  }

  private List<Job> jobs(ProcessInstance stage) {
    return engine.getManagementService().createJobQuery().processInstanceId(stage.getId())
        .activityId("Task_PayMilestone").list();
  }

  /** Runs the payment step and the continuation after it, as the job executor would. */
  private void payJob(ProcessInstance stage) {
    engine.getManagementService().executeJob(job(stage).getId());
    engine.getManagementService().executeJob(job(stage).getId());
  }
}
