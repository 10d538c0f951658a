package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds on signing the contract. A challenge that may change the result stops the signing (实施条例第五十四条:
 * "采购人应当暂停签订合同"), and so does finance's suspension of the procurement while it handles a complaint
 * (政府采购法第五十七条, 94号令第二十八条). While a hold is in force neither party can sign, and the contract stage's
 * clock stands still: its signing timers are parked (due far in the future), and when the last hold ends the 30 days of
 * 政府采购法第四十六条 are extended by the days held. The law suspends the signing for the challenge's sake; it does
 * not shorten the winner's period, so a remedy never costs the lawful winner its contract.
 */
@Component
public class SigningHolds {

  /** The contract stage's timers that count the signing period. */
  static final List<String> SIGNING_TIMERS = List.of("BoundaryEvent_SigningDeadlinePassed",
      "BoundaryEvent_SigningDeadlineNear");
  static final String HELD_SINCE = "signingHeldSince";
  /** Where the signing timers wait while signing is held: they fire only after a release gives them a date. */
  static final Date PARKED = Date.from(java.time.OffsetDateTime.parse("2999-12-31T23:59:59+08:00").toInstant());
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final JdbcClient jdbc;
  private final ProcessEngine engine;
  private final WorkingDayCalendar workingDays;

  public SigningHolds(JdbcClient jdbc, @Lazy ProcessEngine engine, WorkingDayCalendar workingDays) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.workingDays = workingDays;
  }

  /** Starts a hold (once per id) and stops the clock of a contract stage that is signing. */
  public void hold(String projectNumber, String holdId, String reason) {
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM signing_hold WHERE id = :id").param("id", holdId)
        .query(Long.class).single() > 0;
    if (!exists) {
      jdbc.sql("""
              INSERT INTO signing_hold (id, project_number, reason, held_from)
              VALUES (:id, :project, :reason, :from)""")
          .param("id", holdId).param("project", projectNumber).param("reason", reason).param("from", now())
          .update();
    }
    synchronise(projectNumber);
  }

  /** Ends a hold; when it was the last one the contract stage's clock runs again, extended by the days held. */
  public void release(String holdId) {
    jdbc.sql("SELECT project_number FROM signing_hold WHERE id = :id AND released_at IS NULL").param("id", holdId)
        .query(String.class).optional().ifPresent(project -> {
          jdbc.sql("UPDATE signing_hold SET released_at = :at WHERE id = :id").param("at", now()).param("id", holdId)
              .update();
          synchronise(project);
        });
  }

  /** The reasons signing is held for the project now, empty when it is not. */
  public List<String> reasons(String projectNumber) {
    return jdbc.sql("SELECT reason FROM signing_hold WHERE project_number = :project AND released_at IS NULL"
            + " ORDER BY held_from").param("project", projectNumber).query(String.class).list();
  }

  /**
   * Brings the contract stage of the project in line with the holds: stops its clock while held, restarts it
   * (extended) when not. Idempotent; also called when the signing starts, so a hold from before applies at once.
   */
  public void synchronise(String projectNumber) {
    SystemAccess.run(engine, () -> {
      RuntimeService runtime = engine.getRuntimeService();
      for (ProcessInstance stage : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
          .processInstanceBusinessKey(projectNumber).active().list()) {
        if (reasons(projectNumber).isEmpty()) {
          restartClock(stage.getId());
        } else {
          stopClock(stage.getId());
        }
      }
      return null;
    });
  }

  private void stopClock(String stageId) {
    RuntimeService runtime = engine.getRuntimeService();
    if (runtime.getVariable(stageId, HELD_SINCE) == null) {
      runtime.setVariable(stageId, HELD_SINCE, Date.from(now().toInstant()));
    }
    // parked, not suspended: a job suspension is a bulk update that cannot share a transaction with the due-date
    // updates a release makes (and finance's suspension of the whole purchase suspends the jobs anyway)
    ManagementService management = engine.getManagementService();
    for (Job timer : signingTimers(stageId)) {
      if (!PARKED.equals(timer.getDuedate())) {
        management.setJobDuedate(timer.getId(), PARKED);
      }
    }
  }

  private void restartClock(String stageId) {
    RuntimeService runtime = engine.getRuntimeService();
    Date since = (Date) runtime.getVariable(stageId, HELD_SINCE);
    if (since == null) {
      return;
    }
    runtime.removeVariable(stageId, HELD_SINCE);
    Date deadline = (Date) runtime.getVariable(stageId, SIGNING_DEADLINE);
    // whole days held, rounded up: the period loses no day to the hold
    long held = Duration.between(since.toInstant(), ClockUtil.getCurrentTime().toInstant()).toMinutes();
    int days = (int) ((held + 24 * 60 - 1) / (24 * 60));
    Date extended = deadline;
    if (deadline != null && days > 0) {
      LocalDate lastDay = deadline.toInstant().atZone(ProcurementTime.ZONE).toLocalDate();
      extended = workingDays.calendarDaysAfter(lastDay, days);
      runtime.setVariable(stageId, SIGNING_DEADLINE, extended);
      runtime.setVariable(stageId, SIGNING_DEADLINE_TEXT, DAY.format(extended.toInstant().atZone(ProcurementTime.ZONE)));
      runtime.setVariable(stageId, SIGNING_ALERT_AT,
          Date.from(extended.toInstant().minus(Duration.ofDays(ALERT_DAYS_BEFORE))));
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(stageId).list()) {
        if (Objects.equals(task.getDueDate(), deadline)) {
          task.setDueDate(extended);
          engine.getTaskService().saveTask(task);
        }
      }
    }
    if (extended == null) {
      return;
    }
    Date alert = Date.from(extended.toInstant().minus(Duration.ofDays(ALERT_DAYS_BEFORE)));
    ManagementService management = engine.getManagementService();
    for (Job timer : management.createJobQuery().processInstanceId(stageId).activityId(SIGNING_TIMERS.get(0)).list()) {
      management.setJobDuedate(timer.getId(), extended);
    }
    for (Job timer : management.createJobQuery().processInstanceId(stageId).activityId(SIGNING_TIMERS.get(1)).list()) {
      management.setJobDuedate(timer.getId(), alert);
    }
  }

  private List<Job> signingTimers(String stageId) {
    return SIGNING_TIMERS.stream().flatMap(activity -> engine.getManagementService().createJobQuery()
        .processInstanceId(stageId).activityId(activity).list().stream()).toList();
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
  }
}
