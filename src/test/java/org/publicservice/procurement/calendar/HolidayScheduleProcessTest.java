package org.publicservice.procurement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.publicservice.procurement.calendar.HolidayScheduleVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ProcurementSpringTest
class HolidayScheduleProcessTest {

  /** Today in the brief: 2026-11-28, a Saturday in November, so 2027 is in use and has no notice yet. */
  private static final Date TODAY = Date.from(OffsetDateTime.parse("2026-11-28T10:00:00+08:00").toInstant());
  private static final String HOLIDAYS_2027 = """
      [{"name":"元旦","firstDay":"2027-01-01","lastDay":"2027-01-03"},
       {"name":"春节","firstDay":"2027-02-05","lastDay":"2027-02-13"}]""";
  private static final String MAKEUP_2027 = """
      [{"date":"2027-02-20","name":"春节"}]""";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(TODAY);
    forget2027();
  }

  @AfterEach
  void tearDown() {
    forget2027();
    ClockUtil.reset();
  }

  @Test
  void the2026NoticeIsSeededAsOfficial() {
    YearSchedule schedule = workingDays.schedule(2026);
    assertThat(schedule.isOfficial()).isTrue();
    assertThat(schedule.notice()).contains("2026年部分节假日安排");
    assertThat(schedule.holidays()).hasSize(33);
    assertThat(schedule.makeupWorkdays()).extracting(SpecialDay::date).extracting(LocalDate::toString)
        .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 2, 12), 5)).isEqualTo("2026-02-26");
  }

  @Test
  void designersUseTheBeanInATimerExpression() {
    var model = Bpmn.createExecutableProcess("WorkingDayTimerExample").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Answer").camundaDueDate("${workingDays.calendarDaysAfter(submittedOn, 15)}")
        .boundaryEvent("Timer_PeriodOver")
        .timerWithDate("${workingDays.after(submittedOn, 5)}").endEvent().moveToActivity("Task_Answer")
        .endEvent().done();
    String deploymentId = repositoryService.createDeployment().addModelInstance("example.bpmn", model).deploy()
        .getId();
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey("WorkingDayTimerExample",
          Map.of("submittedOn", Date.from(OffsetDateTime.parse("2026-09-30T15:00:00+08:00").toInstant())));
      Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
      // Oct 1-7 off; Thu 8, Fri 9, Sat 10 (worked), Mon 12, Tue 13
      assertThat(timer.getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-13T23:59:59+08:00").toInstant());
      // Oct 15 is a Thursday: the calendar-day period ends that day
      assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate()
          .toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-15T23:59:59+08:00").toInstant());
      // 15 days after Sep 20 is Oct 5, a holiday: the period ends on the next working day
      assertThat(workingDays.calendarDaysAfter("2026-09-20", 15).toInstant())
          .isEqualTo(OffsetDateTime.parse("2026-10-08T23:59:59+08:00").toInstant());
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void anAdministratorsScheduleTakesEffectForTheNextComputation() {
    assertThat(workingDays.schedule(2027).status()).isEqualTo(ScheduleStatus.PROVISIONAL);
    assertThat(workingDays.addWorkingDays(LocalDate.of(2027, 2, 3), 3)).isEqualTo("2027-02-10");
    assertThat(workingDays.addWorkingDays(LocalDate.of(2027, 2, 19), 1)).isEqualTo("2027-02-22");

    String definitionId = maintenanceDefinitionId();
    processEngine.getIdentityService().setAuthentication("wang.admin", List.of(Groups.ADMIN));
    ProcessInstance instance;
    try {
      instance = formService.submitStartForm(definitionId, schedule2027());
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    assertThat(instance).isWaitingAt("ServiceTask_StoreSchedule");
    execute(job());
    assertThat(instance).isEnded().hasPassed("EndEvent_ScheduleStored");
    YearSchedule stored = workingDays.schedule(2027);
    assertThat(stored.isOfficial()).isTrue();
    assertThat(stored.notice()).isEqualTo("国办发明电〔2026〕9号");
    assertThat(stored.updatedBy()).isEqualTo("wang.admin");
    assertThat(stored.days()).hasSize(13);
    // 春节 now runs Feb 5-13, and Saturday Feb 20 is worked
    assertThat(workingDays.addWorkingDays(LocalDate.of(2027, 2, 3), 3)).isEqualTo("2027-02-16");
    assertThat(workingDays.addWorkingDays(LocalDate.of(2027, 2, 19), 1)).isEqualTo("2027-02-20");
    assertThat(workingDays.provisionalYearsInUse()).isEmpty();
  }

  @Test
  void mistakesAreRefusedAndNothingIsStarted() {
    assertRejected(schedule2027().putValue(YEAR, 2030), "年份须在2025至2027之间");
    assertRejected(schedule2027().putValue(NOTICE, " "), "请填写通知文号");
    assertRejected(schedule2027().putValueTyped(HOLIDAYS, json("""
        [{"name":"春节","firstDay":"2027-02-13","lastDay":"2027-02-05"}]""")), "最后一天不能早于第一天");
    assertRejected(schedule2027().putValueTyped(HOLIDAYS, json("""
        [{"name":"元旦","firstDay":"2028-01-01","lastDay":"2028-01-01"}]""")), "日期须在2027年内");
    assertRejected(schedule2027().putValueTyped(HOLIDAYS, json("[]")), "请至少填写一段放假安排");
    assertRejected(schedule2027().putValueTyped(MAKEUP_WORKDAYS, json("""
        [{"date":"2027-02-22","name":"春节"}]""")), "2027-02-22不是周六或周日");
    assertRejected(schedule2027().putValueTyped(MAKEUP_WORKDAYS, json("""
        [{"date":"2027-02-06","name":"春节"}]""")), "2027-02-06已是放假日");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MAINTAIN_PROCESS).count()).isZero();
    assertThat(workingDays.schedule(2027).isOfficial()).isFalse();
  }

  @Test
  void administratorsGetOneWarningThatClosesWhenTheScheduleIsEntered() {
    ProcessInstance first = runtimeService.startProcessInstanceByMessage(CHECK_NOW_MESSAGE);
    assertThat(first).isWaitingAt(WARNING_TASK);
    Task warning = taskService.createTaskQuery().processInstanceId(first.getId()).singleResult();
    assertThat(warning.getName()).isEqualTo("录入2027年节假日安排");
    assertThat(first).task().hasCandidateGroup(Groups.ADMIN);
    assertThat(runtimeService.getVariable(first.getId(), PROVISIONAL_SUMMARY).toString())
        .contains("2027年尚未录入", "春节：2027-02-05 至 2027-02-08", "清明节：2027-04-05");
    // the provisional schedule is recorded, so one can tell what deadlines were computed with
    assertThat(workingDays.schedule(2027).status()).isEqualTo(ScheduleStatus.PROVISIONAL);
    assertThat(workingDays.schedule(2027).updatedAt()).isEqualTo(TODAY.toInstant());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM working_day_special WHERE schedule_year = 2027",
        Integer.class)).isEqualTo(13);

    // the next day's timer finds the open warning and creates no second one
    Job timer = managementService.createJobQuery().processDefinitionKey(CHECK_PROCESS).timers().singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    managementService.executeJob(timer.getId());
    ProcessInstance second = runtimeService.startProcessInstanceByMessage(CHECK_NOW_MESSAGE);
    assertThat(second).isEnded().hasPassed("EndEvent_NoWarning");
    assertThat(openWarnings()).isEqualTo(1);

    execute(job(submitMaintenance(schedule2027())));

    assertThat(first).isEnded().hasPassed("EndEvent_EnteredElsewhere");
    assertThat(openWarnings()).isZero();
    assertThat(runtimeService.startProcessInstanceByMessage(CHECK_NOW_MESSAGE)).isEnded().hasPassed("EndEvent_NoWarning");
  }

  @Test
  void completingTheWarningTaskEntersTheSchedule() {
    ProcessInstance check = runtimeService.startProcessInstanceByMessage(CHECK_NOW_MESSAGE);
    Task warning = taskService.createTaskQuery().processInstanceId(check.getId()).singleResult();
    assertThatThrownBy(() -> formService.submitTaskForm(warning.getId(), schedule2027().putValue(YEAR, 2026)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("本任务用于录入2027年");

    processEngine.getIdentityService().setAuthentication("wang.admin", List.of(Groups.ADMIN));
    try {
      assertThat(taskService.createTaskQuery().taskCandidateGroup(Groups.ADMIN).list()).extracting(Task::getName)
          .containsExactly("录入2027年节假日安排");
      formService.submitTaskForm(warning.getId(), schedule2027());
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    execute(job(check));

    assertThat(check).isEnded().hasPassed("EndEvent_ScheduleEntered");
    assertThat(workingDays.schedule(2027).isOfficial()).isTrue();
    assertThat(workingDays.addWorkingDays(LocalDate.of(2027, 2, 3), 3)).isEqualTo("2027-02-16");
  }

  private ProcessInstance submitMaintenance(VariableMap variables) {
    return formService.submitStartForm(maintenanceDefinitionId(), variables);
  }

  private String maintenanceDefinitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(MAINTAIN_PROCESS).latestVersion()
        .singleResult().getId();
  }

  private void assertRejected(VariableMap variables, String message) {
    assertThatThrownBy(() -> submitMaintenance(variables)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining(message);
  }

  private static VariableMap schedule2027() {
    return Variables.createVariables().putValue(YEAR, 2027).putValue(NOTICE, "国办发明电〔2026〕9号")
        .putValueTyped(HOLIDAYS, json(HOLIDAYS_2027)).putValueTyped(MAKEUP_WORKDAYS, json(MAKEUP_2027));
  }

  private static org.camunda.spin.plugin.variable.value.JsonValue json(String text) {
    return SpinValues.jsonValue(text).create();
  }

  private long openWarnings() {
    return taskService.createTaskQuery().processDefinitionKey(CHECK_PROCESS).taskDefinitionKey(WARNING_TASK).count();
  }

  /** Every test starts from the state of the brief's today: 2027 without any stored schedule or warning. */
  private void forget2027() {
    forget2027(runtimeService, jdbc, workingDays);
  }

  /** Removes 2027's schedule, warnings and maintenance runs (shared with HolidayScheduleBrowserTest). */
  static void forget2027(RuntimeService runtimeService, JdbcTemplate jdbc, WorkingDayCalendar workingDays) {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(CHECK_PROCESS).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test reset"));
    runtimeService.createProcessInstanceQuery().processDefinitionKey(MAINTAIN_PROCESS).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test reset"));
    jdbc.update("DELETE FROM working_day_special WHERE schedule_year = 2027");
    jdbc.update("DELETE FROM working_day_year WHERE schedule_year = 2027");
    // rows are never deleted outside tests; reading once here keeps the calendar's copy in step
    workingDays.schedule(2027);
  }
}
