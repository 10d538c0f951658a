package org.publicservice.procurement.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.planning.PlanningVariables;

/**
 * Works a whole purchase as its users do in Tasklist (find the task, claim it, submit the form) and as the job
 * executor does (run due jobs, fire timers when the clock reaches them), for the whole-purchase tests.
 */
final class PurchaseDriver {

  private final ProcessEngine engine;
  private final TestIdentities people;

  PurchaseDriver(ProcessEngine engine, TestIdentities people) {
    this.engine = engine;
    this.people = people;
  }

  ProcessInstance fileRequest(String department, VariableMap request) {
    people.actAs(department);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(PlanningVariables.PROCESS_KEY).latestVersion().singleResult().getId(), request);
    } finally {
      people.actAsNobody();
    }
  }

  /** The stage the main process is calling now. */
  ProcessInstance stage(ProcessInstance purchase, String processKey) {
    ProcessInstance stage = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(purchase.getId()).processDefinitionKey(processKey).active().singleResult();
    assertThat(stage).as("the main process calls %s", processKey).isNotNull();
    return stage;
  }

  void complete(String user, ProcessInstance instance, String taskKey, VariableMap form) {
    List<Task> found = tasks(instance, taskKey);
    assertThat(found).as("%s sees task %s", user, taskKey).hasSize(1);
    completeTask(user, found.get(0), form);
    runJobs(instance);
  }

  void completeTask(String user, Task task, VariableMap form) {
    people.actAs(user);
    try {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      engine.getFormService().submitTaskForm(task.getId(), form);
    } finally {
      people.actAsNobody();
    }
  }

  List<Task> tasks(ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .orderByTaskAssignee().asc().list();
  }

  /** Runs the instance's asynchronous continuations and due timers, as the job executor would. */
  void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** Moves the clock just past the timer's due date and fires it. */
  void fire(ProcessInstance instance, String timerActivity) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(timerActivity).singleResult();
    assertThat(timer).as("timer %s", timerActivity).isNotNull();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(timer.getId());
    runJobs(instance);
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  static void at(ZonedDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }
}
