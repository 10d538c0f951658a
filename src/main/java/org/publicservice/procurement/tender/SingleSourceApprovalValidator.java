package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The finance bureau's approval of a single source after its notice period. It is refused while an objection is
 * still unanswered (74号令第四十条: objections are dealt with before the procurement goes on); a rejection needs
 * its reason.
 */
@Component
public class SingleSourceApprovalValidator implements TaskListener {

  static final String ANSWER_TASK = "Task_AnswerObjection";

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.approval(APPROVAL_DECISION, APPROVE, REJECT, APPROVAL_COMMENT);
    // the answer tasks belong to the department, which finance may not see
    long open = SystemAccess.run(() -> task.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(ANSWER_TASK).count());
    if (open > 0) {
      throw reject(null, "本项目尚有" + open + "件异议未答复，答复后方可审批。");
    }
    task.setVariable(APPROVER, approvingOfficial(task));
  }

  private static String approvingOfficial(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw reject(null, "无法确认审批人，请先认领任务后再提交。");
    }
    return caller.getUserId();
  }
}
