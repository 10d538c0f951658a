package org.publicservice.procurement.purchase;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which purchase a step works on, as every notice, mail and record names it: the project number (the process's
 * business key), the purchasing department and the service. The registration of the purchase request sets them,
 * and every stage receives them.
 */
public record PurchaseIdentity(String projectNumber, String departmentName, String serviceName) {

  public static final String PROJECT_NUMBER = "projectNumber";
  /** The department's group id: who acts for the department. */
  public static final String DEPARTMENT_GROUP = "departmentGroup";
  public static final String DEPARTMENT_NAME = "departmentName";
  public static final String SERVICE_NAME = "serviceName";

  /** The purchase of the process the execution runs in; a missing name is refused like a missing form field. */
  public static PurchaseIdentity of(DelegateExecution execution) {
    return of(execution.getProcessBusinessKey(), execution);
  }

  public static PurchaseIdentity of(String projectNumber, VariableScope variables) {
    FormRules read = FormRules.of(variables);
    return new PurchaseIdentity(projectNumber, read.requiredText(DEPARTMENT_NAME, "采购单位"),
        read.requiredText(SERVICE_NAME, "服务项目名称"));
  }

  /** A notice's title as the department publishes it, e.g. {@code 南通市民政局关于…的开标记录}. */
  public String noticeTitle(String kind) {
    return departmentName + "关于" + serviceName + "的" + kind;
  }
}
