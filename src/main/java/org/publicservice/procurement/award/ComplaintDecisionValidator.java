package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Finance's decision on the complaint (94号令第二十八条、第二十九条): founded or not, with its reasons; a founded
 * complaint that affects the result orders a new review or a new tender (94号令第三十一条).
 */
@Component
public class ComplaintDecisionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(COMPLAINT_DECISION, "处理结论", Set.of(REJECTED, UPHELD));
    form.requiredText(COMPLAINT_DECISION_TEXT, "处理理由", 4000);
    if (UPHELD.equals(decision)) {
      form.requiredChoice(COMPLAINT_REMEDY, "投诉成立后的处理", Set.of(OUTCOME_RE_REVIEW, OUTCOME_RE_TENDER));
    } else {
      task.setVariable(COMPLAINT_REMEDY, null);
    }
  }
}
