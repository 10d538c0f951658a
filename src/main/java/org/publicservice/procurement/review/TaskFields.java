package org.publicservice.procurement.review;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Keeps a panel member's form fields to his own task. A submission sets each variable where it already exists,
 * else on the process instance, where every other member's task would show it. Declared on the execution of the
 * member's instance of the multi-instance (whichever way the form is submitted, Tasklist's submit-form or REST
 * complete, the values land there), the answers of members working in parallel stay apart and out of each other's
 * sight, and end with the instance.
 */
final class TaskFields {

  private TaskFields() {
  }

  static void declareLocal(DelegateTask task, Collection<String> names) {
    names.forEach(name -> task.getExecution().setVariableLocal(name, null));
  }

  static Object submitted(DelegateTask task, String name) {
    return task.getExecution().getVariableLocal(name);
  }
}
