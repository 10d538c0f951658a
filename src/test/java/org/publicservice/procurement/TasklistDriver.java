package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Does in tests what users do in Tasklist, with their rights: finds a process's task, claims it when nobody has,
 * and submits its form as the user; and what the job executor does: runs the jobs that are due. Every process
 * test and fixture drives the engine through this one class.
 */
public final class TasklistDriver {

  /** More rounds than any step chains jobs, so that a job loop fails the test instead of hanging it. */
  private static final int MAX_JOB_ROUNDS = 20;

  private final ProcessEngine engine;
  private final TestIdentities people;

  public TasklistDriver(ProcessEngine engine, TestIdentities people) {
    this.engine = engine;
    this.people = people;
  }

  /** The instance's one open task of that definition key, or {@code null}. */
  public Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** The instance's open tasks of that definition key (e.g. one per panel member), by assignee. */
  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .orderByTaskAssignee().asc().list();
  }

  /**
   * As the user would in Tasklist: find the task among those the user may see (a task the user has no right to
   * fails the test here), claim it if nobody has, submit the form.
   */
  public void completeAs(String user, ProcessInstance instance, String taskKey, Map<String, Object> form) {
    people.actAs(user);
    try {
      Task task = task(instance, taskKey);
      assertThat(task).as("%s sees task %s", user, taskKey).isNotNull();
      submit(user, task, form);
    } finally {
      people.actAsNobody();
    }
  }

  /** Submits the task's form as the user, claiming the task first when nobody has. */
  public void submitAs(String user, Task task, Map<String, Object> form) {
    people.actAs(user);
    try {
      submit(user, task, form);
    } finally {
      people.actAsNobody();
    }
  }

  private void submit(String user, Task task, Map<String, Object> form) {
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    engine.getFormService().submitTaskForm(task.getId(), form);
  }

  /** The timer waiting at that activity, or {@code null}. */
  public Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .timers().singleResult();
  }

  /** Runs the instance's asynchronous continuations, and those they create, until none is left. */
  public void runJobs(ProcessInstance instance) {
    runJobs(instance, true);
  }

  /** Like {@link #runJobs}, and also the timers that are due at the engine clock's time. */
  public void runDueJobs(ProcessInstance instance) {
    runJobs(instance, false);
  }

  private void runJobs(ProcessInstance instance, boolean messagesOnly) {
    for (int round = 0; round < MAX_JOB_ROUNDS; round++) {
      var query = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable();
      List<Job> due = messagesOnly ? query.messages().list() : query.list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** Moves the engine clock to that moment. */
  public static void at(ZonedDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }
}
