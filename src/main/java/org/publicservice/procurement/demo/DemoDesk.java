package org.publicservice.procurement.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * The demo users at their desks, and the engine's job executor, in the demo city's past: files requests through the
 * start form, finds a task in the user's own lists, claims it and submits its form as the user (what Tasklist does
 * through the REST API), so that every right and every form rule is checked as in real work. Time passes only
 * through {@link #advanceTo}, which fires each job of the project that falls due on the way, in the order of its
 * due date, as the job executor would have: no timer and no statutory period is skipped.
 */
final class DemoDesk {

  /** More rounds than any step chains jobs: a job loop fails the seeding instead of hanging it. */
  private static final int MAX_JOB_ROUNDS = 200;

  private final ProcessEngine engine;
  private final IdentityService identity;

  DemoDesk(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
  }

  // --- time ----------------------------------------------------------------------------------------------------

  static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(ProcurementTime.ZONE).toInstant();
  }

  /** Starts a purchase's own timeline at this moment (purchases are seeded one after another). */
  void startAt(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  /**
   * Moves the engine clock forward to {@code moment}, firing on the way every job of the project (timers and
   * asynchronous steps) that falls due, at its due time. Never moves back.
   */
  void advanceTo(String project, Instant moment) {
    for (int round = 0; round < MAX_JOB_ROUNDS; round++) {
      Optional<Job> next = jobs(project).stream()
          .filter(job -> job.getDuedate() == null || !job.getDuedate().toInstant().isAfter(moment))
          .min(Comparator.comparing(job -> job.getDuedate() == null ? Instant.EPOCH : job.getDuedate().toInstant()));
      if (next.isEmpty()) {
        if (now().isBefore(moment)) {
          ClockUtil.setCurrentTime(Date.from(moment));
        }
        return;
      }
      Job job = next.get();
      if (job.getDuedate() != null && now().isBefore(job.getDuedate().toInstant())) {
        ClockUtil.setCurrentTime(job.getDuedate());
      }
      engine.getManagementService().executeJob(job.getId());
    }
    throw new IllegalStateException("Jobs of " + project + " keep creating jobs: more than " + MAX_JOB_ROUNDS);
  }

  /** Runs what is due now: the asynchronous steps a user's step left behind. */
  void settle(String project) {
    advanceTo(project, now());
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private List<Job> jobs(String project) {
    return instances(project).stream()
        .flatMap(instance -> engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
            .active().withRetriesLeft().list().stream())
        .toList();
  }

  /**
   * The project's running instances (mail is not among them: it leaves through the outbox after the seeding
   * commits).
   */
  private List<ProcessInstance> instances(String project) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(project)
        .active().list();
  }

  /** The due date of the timer waiting at that activity of the project, if one waits. */
  Optional<Instant> timer(String project, String activityId) {
    return instances(project).stream()
        .flatMap(instance -> engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
            .activityId(activityId).timers().list().stream())
        .map(job -> job.getDuedate().toInstant()).findFirst();
  }

  // --- users ---------------------------------------------------------------------------------------------------

  /** Files a purchase request through the start form of the main process, as the purchaser; its project number. */
  String file(String user, Map<String, Object> request) {
    return as(user, () -> {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(org.publicservice.procurement.planning.PlanningVariables.PROCESS_KEY).latestVersion()
          .singleResult().getId();
      String project = engine.getFormService().submitStartForm(definition, request).getBusinessKey();
      return project;
    });
  }

  /** Starts a process through its start form as the user (an objection, a challenge), in the project's name. */
  void startForm(String user, String processKey, Map<String, Object> form) {
    as(user, () -> {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
          .latestVersion().singleResult().getId();
      return engine.getFormService().submitStartForm(definition, form);
    });
  }

  /**
   * As the user in Tasklist: the project's open task of that key among the tasks the user may see, claimed when
   * nobody has it, its form submitted; then what the step left to the job executor runs.
   */
  void complete(String user, String project, String taskKey, Map<String, Object> form) {
    as(user, () -> {
      Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(project)
          .taskDefinitionKey(taskKey).active().list().stream().findFirst()
          .orElseThrow(() -> new IllegalStateException(user + " sees no task " + taskKey + " of " + project));
      submit(user, task, form);
      return null;
    });
    settle(project);
  }

  /** The project's open tasks of that key (one per panel member, ...), by assignee. */
  List<Task> tasks(String project, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(project).taskDefinitionKey(taskKey)
        .active().orderByTaskAssignee().asc().list();
  }

  /** Submits this task's form as its user (an expert's own sheet). */
  void submitAs(String user, Task task, Map<String, Object> form) {
    as(user, () -> {
      submit(user, task, form);
      return null;
    });
  }

  private void submit(String user, Task task, Map<String, Object> form) {
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    engine.getFormService().submitTaskForm(task.getId(), form);
  }

  /** A variable of the project's running instance of that process (the stage that holds it). */
  Object variable(String project, String processKey, String name) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(project).processDefinitionKey(processKey).active().list().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException(project + " has no running " + processKey));
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  /** Task-local or visible variable of a task. */
  Object taskVariable(Task task, String name) {
    return engine.getTaskService().getVariable(task.getId(), name);
  }

  /** Runs work as the user with the user's groups, as the engine sees a logged-in Tasklist user. */
  <T> T as(String user, java.util.function.Supplier<T> work) {
    identity.clearAuthentication();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
