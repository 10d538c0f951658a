package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** The department's written statement on the complaint, with its evidence described (94号令第二十二条). */
@Component
public class ComplaintStatementValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules.of(task).requiredText(DEPARTMENT_STATEMENT, "书面说明", 4000);
  }
}
