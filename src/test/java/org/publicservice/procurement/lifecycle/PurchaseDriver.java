package org.publicservice.procurement.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.planning.PlanningVariables;

/**
 * A whole purchase through the main process for the per-method tests: the stage being called, each step worked
 * through {@link TasklistDriver} and followed by the jobs the job executor would run, timers fired when the clock
 * reaches them.
 */
final class PurchaseDriver {

  private final ProcessEngine engine;
  private final TestIdentities people;
  private final TasklistDriver tasklist;

  PurchaseDriver(ProcessEngine engine, TestIdentities people) {
    this.engine = engine;
    this.people = people;
    this.tasklist = new TasklistDriver(engine, people);
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
    tasklist.completeAs(user, instance, taskKey, form);
    tasklist.runDueJobs(instance);
  }

  void completeTask(String user, Task task, VariableMap form) {
    tasklist.submitAs(user, task, form);
  }

  List<Task> tasks(ProcessInstance instance, String key) {
    return tasklist.tasks(instance, key);
  }

  void runJobs(ProcessInstance instance) {
    tasklist.runDueJobs(instance);
  }

  /** Moves the clock just past the timer's due date and fires it. */
  void fire(ProcessInstance instance, String timerActivity) {
    Job timer = tasklist.timer(instance, timerActivity);
    assertThat(timer).as("timer %s", timerActivity).isNotNull();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(timer.getId());
    tasklist.runDueJobs(instance);
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
