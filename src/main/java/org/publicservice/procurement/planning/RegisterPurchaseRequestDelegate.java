package org.publicservice.procurement.planning;

import static org.publicservice.procurement.planning.PlanningVariables.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * Gives a new request its project number (the business key Cockpit and every notice show) and records which
 * department filed it, so that the department's later tasks go to that department only.
 */
@Component
public class RegisterPurchaseRequestDelegate implements JavaDelegate {

  private final ProjectNumbers projectNumbers;
  private final IdentityService identityService;

  public RegisterPurchaseRequestDelegate(ProjectNumbers projectNumbers, IdentityService identityService) {
    this.projectNumbers = projectNumbers;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the caller's login, never a submitted variable: a department files only in its own name
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw FormRules.reject(null, "无法确认申请人，请登录后提交采购申请。");
    }
    String requester = caller.getUserId();
    Group department = identityService.createGroupQuery()
        .groupMember(requester)
        .groupType(Groups.TYPE_DEPARTMENT)
        .orderByGroupId().asc()
        .listPage(0, 1)
        .stream().findFirst()
        .orElseThrow(() -> FormRules.reject(null, "您的账号未归属任何采购单位，请联系系统管理员。"));

    String projectNumber = projectNumbers.next(ProcurementTime.today().getYear());
    execution.setProcessBusinessKey(projectNumber);
    execution.setVariable(PROJECT_NUMBER, projectNumber);
    execution.setVariable(REQUESTER, requester);
    execution.setVariable(DEPARTMENT_GROUP, department.getId());
    execution.setVariable(DEPARTMENT_NAME, department.getName());
  }
}
