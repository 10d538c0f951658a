package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Finance's decision on the complaint within 30 working days (政府采购法第五十六条, 94号令第二十六条): dismissed
 * (驳回, 94号令第二十九条) or founded, with the facts and reasons (第三十三条). A founded complaint names its
 * consequence among those the law gives at this point of the purchase (第三十一条 for the documents, 第三十二条 for
 * the procedure and the result; {@link Remedies}).
 */
@Component
public class ComplaintDecisionValidator implements TaskListener {

  private final Remedies remedies;

  public ComplaintDecisionValidator(Remedies remedies) {
    this.remedies = remedies;
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(COMPLAINT_DECISION, "处理结论", Set.of(REJECTED, UPHELD));
    form.requiredText(COMPLAINT_DECISION_TEXT, "处理理由", 4000);
    if (UPHELD.equals(decision)) {
      ChallengeReplyValidator.checkRemedy(task, form, COMPLAINT_REMEDY, "投诉成立后的处理", remedies);
    } else {
      task.setVariable(COMPLAINT_REMEDY, null);
      task.setVariable(AMENDMENT_TEXT, null);
    }
  }
}
