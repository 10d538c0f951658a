package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** The complainant's completion of its complaint (补正, 94号令第二十一条第一项). */
@Component
public class ComplaintCompletionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules.of(task).requiredText(COMPLETION_TEXT, "补正内容", 4000);
  }
}
