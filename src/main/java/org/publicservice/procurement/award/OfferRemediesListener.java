package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the reply to a challenge or finance's decision on a complaint is due: the remedies the law gives for what has
 * happened in the purchase so far ({@link Remedies}), as the form's options. The completion checks them again.
 */
@Component
public class OfferRemediesListener implements TaskListener {

  private final Remedies remedies;

  public OfferRemediesListener(Remedies remedies) {
    this.remedies = remedies;
  }

  @Override
  public void notify(DelegateTask task) {
    String project = task.getExecution().getProcessBusinessKey();
    Object subject = task.getVariable(CHALLENGE_SUBJECT);
    task.setVariableLocal(REMEDY_OPTIONS, remedies.options(project, subject == null ? null : subject.toString()));
  }
}
