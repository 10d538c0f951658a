package org.publicservice.procurement.participation;

import static org.publicservice.procurement.participation.CommentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/** Files the department's handling of a comment (answer, reader, time) with the comment. */
@Component
public class RecordCommentReplyDelegate implements JavaDelegate {

  private final IntentionComments comments;

  public RecordCommentReplyDelegate(IntentionComments comments) {
    this.comments = comments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules values = FormRules.of(execution);
    long id = values.requiredWholeNumber(COMMENT_ID, "意见编号");
    comments.recordReply(id, values.optionalText(COMMENT_REPLY), values.optionalText(COMMENT_HANDLED_BY),
        ProcurementTime.now());
  }
}
