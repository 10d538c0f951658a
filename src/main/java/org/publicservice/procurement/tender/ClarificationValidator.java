package org.publicservice.procurement.tender;

import static org.publicservice.procurement.tender.TenderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The department's answer to a bidder's question (Task_AnswerQuestion) or its own clarification or amendment of the
 * documents (Task_AmendDocuments): the text that is published to all and mailed to the bidders.
 */
@Component
public class ClarificationValidator implements TaskListener {

  static final int MAX_TEXT = 8000;

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    if (task.getTaskDefinitionKey().equals("Task_AnswerQuestion")) {
      form.requiredLongText(QUESTION_ANSWER, "答复内容", MAX_TEXT);
    } else {
      form.requiredLongText(AMENDMENT_TEXT, "澄清或修改内容", MAX_TEXT);
    }
  }
}
