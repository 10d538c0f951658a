package org.publicservice.procurement.tender;

import static org.publicservice.procurement.tender.TenderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of a question's handling: keeps the asker and the question in the scope of its own event subprocess, so
 * that questions answered side by side do not overwrite one another. The message brings them as transient
 * variables (TenderQuestions).
 */
@Component
public class KeepQuestionInItsScopeListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    for (String name : new String[] {QUESTION_ASKER, QUESTION_TEXT}) {
      Object value = execution.getVariable(name);
      if (value == null) {
        throw new IllegalStateException("Question message without " + name);
      }
      execution.setVariableLocal(name, value);
    }
    // the answer form's field, so that its submission lands in this scope too
    execution.setVariableLocal(QUESTION_ANSWER, null);
  }
}
