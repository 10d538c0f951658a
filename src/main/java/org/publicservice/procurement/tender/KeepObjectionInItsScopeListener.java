package org.publicservice.procurement.tender;

import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of an objection's handling in the stage: keeps the objection's data in the scope of its own event
 * subprocess, so that several objections answered side by side do not overwrite one another. The message brings
 * the data as transient variables of the stage; they vanish when the step commits.
 */
@Component
public class KeepObjectionInItsScopeListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    for (String name : new String[] {OBJECTOR, OBJECTOR_NAME, OBJECTION_GROUNDS}) {
      Object value = execution.getVariable(name);
      if (value == null) {
        throw new IllegalStateException("Objection message without " + name);
      }
      execution.setVariableLocal(name, value);
    }
    // the answer form's fields, so that its submission lands in this scope too
    execution.setVariableLocal(OBJECTION_DECISION, null);
    execution.setVariableLocal(OBJECTION_ANSWER, null);
  }
}
