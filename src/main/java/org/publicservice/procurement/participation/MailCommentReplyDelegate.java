package org.publicservice.procurement.participation;

import static org.publicservice.procurement.participation.CommentVariables.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * Mails the department's answer to the resident who left an address, then forgets the address: it was given for
 * this one mail (the outbox keeps it only to deliver it).
 */
@Component
public class MailCommentReplyDelegate implements JavaDelegate {

  static final String TEMPLATE = "intention-comment-answered";

  private final IntentionComments comments;
  private final Notifications notifications;
  private final PublicLinks links;

  public MailCommentReplyDelegate(IntentionComments comments, Notifications notifications,
      PublicLinks links) {
    this.comments = comments;
    this.notifications = notifications;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules values = FormRules.of(execution);
    long id = values.requiredWholeNumber(COMMENT_ID, "意见编号");
    var comment = comments.find(id).orElseThrow(() -> new IllegalStateException("no intention comment " + id));
    if (comment.replyAddress() == null) {
      return;
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("recipientName", comment.commenterName() == null ? "您好" : comment.commenterName() + "，您好");
    model.put(PlanningVariables.DEPARTMENT_NAME, values.optionalText(PlanningVariables.DEPARTMENT_NAME));
    model.put("commentText", comment.text());
    model.put("receivedAt", values.optionalText(COMMENT_RECEIVED_AT));
    model.put(COMMENT_REPLY, values.optionalText(COMMENT_REPLY));
    model.put("projectLink", links.project(comment.projectNumber()));
    notifications.toAddress(execution, comment.replyAddress(), TEMPLATE, model);
    comments.eraseReplyAddress(id);
  }
}
