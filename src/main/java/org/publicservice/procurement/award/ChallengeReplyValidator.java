package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The department's reply decides the challenge with its facts and reasons (94号令第十五条). An upheld challenge names
 * what follows, among the remedies the law gives at this point of the purchase ({@link Remedies}; 94号令第十六条): an
 * amendment of the documents needs its text.
 */
@Component
public class ChallengeReplyValidator implements TaskListener {

  private final Remedies remedies;

  public ChallengeReplyValidator(Remedies remedies) {
    this.remedies = remedies;
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(CHALLENGE_DECISION, "处理结论", Set.of(REJECTED, UPHELD));
    form.requiredText(CHALLENGE_REPLY, "答复意见", 4000);
    if (UPHELD.equals(decision)) {
      checkRemedy(task, form, CHALLENGE_REMEDY, "质疑成立后的处理", remedies);
    } else {
      task.setVariable(CHALLENGE_REMEDY, null);
      task.setVariable(AMENDMENT_TEXT, null);
    }
  }

  /** The remedy must be one the law gives now; an amendment needs its text. */
  static void checkRemedy(DelegateTask task, FormRules form, String field, String label, Remedies remedies) {
    String remedy = form.requiredChoice(field, label, Remedies.LABELS.keySet());
    String project = task.getExecution().getProcessBusinessKey();
    Object subject = task.getVariable(CHALLENGE_SUBJECT);
    List<String> available = remedies.available(project, subject == null ? null : subject.toString());
    if (!available.contains(remedy)) {
      throw reject(field, "本项目目前不能" + Remedies.LABELS.get(remedy) + "；可选择："
          + String.join("、", available.stream().map(Remedies.LABELS::get).toList()) + "。");
    }
    if (REMEDY_AMEND.equals(remedy)) {
      form.requiredLongText(AMENDMENT_TEXT, "采购文件的修改内容", MAX_AMENDMENT);
    } else {
      task.setVariable(AMENDMENT_TEXT, null);
    }
  }
}
