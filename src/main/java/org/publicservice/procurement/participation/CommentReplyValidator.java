package org.publicservice.procurement.participation;

import static org.publicservice.procurement.participation.CommentVariables.COMMENT_HANDLED_BY;
import static org.publicservice.procurement.participation.CommentVariables.COMMENT_REPLY;
import static org.publicservice.procurement.participation.CommentVariables.MAX_REPLY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** On completing 阅处公众意见: the answer is optional but bounded; remembers who read the comment. */
@Component
public class CommentReplyValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String reply = FormRules.of(task).optionalText(COMMENT_REPLY);
    if (reply != null && reply.length() > MAX_REPLY) {
      throw FormRules.reject(COMMENT_REPLY, "答复意见不能超过" + MAX_REPLY + "个字。");
    }
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String reader = authentication != null ? authentication.getUserId() : task.getAssignee();
    task.getExecution().setVariable(COMMENT_HANDLED_BY, reader);
  }
}
