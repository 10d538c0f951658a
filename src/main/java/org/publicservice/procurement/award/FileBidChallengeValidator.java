package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Start of process BidChallenge (the Tasklist start form of a social organisation): files the challenge as the
 * logged-in organisation through {@link Challenges}; a refusal rolls the start back, so nothing is saved.
 */
@Component
public class FileBidChallengeValidator implements ExecutionListener {

  private final Challenges challenges;

  public FileBidChallengeValidator(Challenges challenges) {
    this.challenges = challenges;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw reject(null, "请登录后再提出质疑。");
    }
    FormRules form = FormRules.of(execution);
    String project = form.requiredText(PROJECT_NUMBER, "项目编号").toUpperCase(java.util.Locale.ROOT);
    String id = challenges.file(project, caller.getUserId(), form.optionalText(CHALLENGE_GROUNDS));
    execution.setProcessBusinessKey(project);
    execution.setVariable(PROJECT_NUMBER, project);
    execution.setVariable(CHALLENGER, caller.getUserId());
    execution.setVariable(CHALLENGE_ID, id);
  }
}
