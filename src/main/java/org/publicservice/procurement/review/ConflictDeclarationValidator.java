package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * A drawn expert's declaration of conflicts of interest with the bidders. On create the form's fields are made
 * local to the expert's instance ({@link TaskFields}), so that experts declaring in parallel never see or overwrite
 * each other's answers; on complete the answer is checked (a conflict needs its nature) and recorded with the draw.
 */
@Component
public class ConflictDeclarationValidator implements TaskListener {

  private final ReviewRecords records;

  public ConflictDeclarationValidator(ReviewRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      TaskFields.declareLocal(task, List.of(CONFLICT_DECLARATION, CONFLICT_NOTE));
      return;
    }
    FormRules form = FormRules.of(task);
    String answer = form.requiredChoice(CONFLICT_DECLARATION, "是否存在利害关系", List.of(NO_CONFLICT, CONFLICT));
    String note = form.optionalText(CONFLICT_NOTE);
    if (CONFLICT.equals(answer) && note == null) {
      throw FormRules.reject(CONFLICT_NOTE, "请说明与哪一投标人存在何种利害关系。");
    }
    if (note != null && note.length() > 1000) {
      throw FormRules.reject(CONFLICT_NOTE, "说明不能超过1000个字。");
    }
    long drawId = ((Number) task.getVariable(PANEL_DRAW_ID)).longValue();
    records.answerPick(drawId, task.getAssignee(),
        CONFLICT.equals(answer) ? ReviewRecords.DECLARED_CONFLICT : ReviewRecords.ACCEPTED, note);
  }
}
