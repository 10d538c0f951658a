package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Start of process BidChallenge, from the Tasklist start form of a social organisation or from
 * {@link Challenges#file}: the challenger is the logged-in organisation (or the supplier the Java API files for),
 * never a submitted variable. A refusal rolls the start back, so nothing is saved.
 */
@Component
public class FileBidChallengeValidator implements ExecutionListener {

  private final Challenges challenges;

  public FileBidChallengeValidator(Challenges challenges) {
    this.challenges = challenges;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String supplier = Challenges.filingSupplier();
    if (supplier == null) {
      Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (caller == null || caller.getUserId() == null) {
        throw reject(null, "请登录后再提出质疑。");
      }
      supplier = caller.getUserId();
    }
    FormRules form = FormRules.of(execution);
    String filer = supplier;
    String subject = form.optionalText(CHALLENGE_SUBJECT);
    SystemAccess.run(() -> {
      challenges.register(execution, form.optionalText(PROJECT_NUMBER), filer,
          subject == null ? ChallengeSubject.RESULT.name() : subject, form.optionalText(CHALLENGE_GROUNDS));
      return null;
    });
  }
}
