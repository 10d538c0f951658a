package org.publicservice.procurement.security;

import static org.publicservice.procurement.security.DeploymentApprovalVariables.APPROVE;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.COMMENT;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.DECIDED_BY;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.DECISION;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.PROPOSED_BY;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.REJECT;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The administrator's decision on a deployment: approve or refuse (with a reason), and never by the designer who
 * proposed it (four eyes, even for a user who is both).
 */
@Component
public class DeploymentApprovalValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(DECISION, "审批意见", List.of(APPROVE, REJECT));
    String comment = form.optionalText(COMMENT);
    if (REJECT.equals(decision) && comment == null) {
      throw FormRules.reject(COMMENT, "不予部署时请说明理由。");
    }
    String approver = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? task.getAssignee() : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication()
            .getUserId();
    if (approver != null && approver.equals(task.getVariable(PROPOSED_BY))) {
      throw FormRules.reject(DECISION, "提交部署的人员不能审批自己的部署，请由另一位系统管理员审批。");
    }
    task.setVariable(DECIDED_BY, approver == null ? "" : approver);
  }
}
