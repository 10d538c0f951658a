package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The department's reply decides the challenge and says why (实施条例第五十四条); an upheld challenge that changes
 * the result names what follows: a new review by the panel or a new tender (87号令第六十四条, 94号令第十六条).
 */
@Component
public class ChallengeReplyValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(CHALLENGE_DECISION, "处理结论", Set.of(REJECTED, UPHELD));
    form.requiredText(CHALLENGE_REPLY, "答复意见", 4000);
    if (UPHELD.equals(decision)) {
      form.requiredChoice(CHALLENGE_REMEDY, "质疑成立后的处理", Set.of(OUTCOME_RE_REVIEW, OUTCOME_RE_TENDER));
    } else {
      task.setVariable(CHALLENGE_REMEDY, null);
    }
  }
}
