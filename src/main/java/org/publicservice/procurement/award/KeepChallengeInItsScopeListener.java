package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of a challenge's handling in the award stage: keeps the challenge's data in the scope of its own event
 * subprocess, so that challenges of several bidders handled side by side do not overwrite one another. The message
 * brings the data as transient variables; they vanish when the step commits.
 */
@Component
public class KeepChallengeInItsScopeListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    for (String name : new String[] {CHALLENGE_ID, CHALLENGER, CHALLENGER_NAME, CHALLENGE_GROUNDS,
        CHALLENGE_REPLY_DEADLINE}) {
      Object value = execution.getVariable(name);
      if (value == null) {
        throw new IllegalStateException("Challenge message without " + name);
      }
      execution.setVariableLocal(name, value);
    }
    // the reply form's fields and the complaint's decision, so that they land in this scope too
    for (String name : new String[] {CHALLENGE_DECISION, CHALLENGE_REMEDY, CHALLENGE_REPLY, COMPLAINT_WINDOW_END,
        COMPLAINT_DECISION, COMPLAINT_REMEDY}) {
      execution.setVariableLocal(name, null);
    }
  }
}
