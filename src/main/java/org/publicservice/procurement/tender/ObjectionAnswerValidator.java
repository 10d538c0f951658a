package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** The department's answer to an objection must decide it and say why: the answer is published and mailed. */
@Component
public class ObjectionAnswerValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    form.requiredChoice(OBJECTION_DECISION, "处理结论", Set.of(OBJECTION_REJECTED, OBJECTION_UPHELD));
    form.requiredText(OBJECTION_ANSWER, "答复意见", 4000);
  }
}
