package org.publicservice.procurement.planning;

import static org.publicservice.procurement.planning.PlanningVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.planning.PurchasePlans.PurchasePlan;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/** Files the approved request as the project's purchase plan (实施计划), which the later stages build on. */
@Component
public class RecordApprovedPlanDelegate implements JavaDelegate {

  private final PurchasePlans plans;

  public RecordApprovedPlanDelegate(PurchasePlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules request = FormRules.of(execution);
    plans.add(new PurchasePlan(
        request.requiredText(PROJECT_NUMBER, "项目编号"),
        request.requiredText(SERVICE_NAME, "服务项目名称"),
        request.requiredText(SERVICE_CATEGORY, "服务类别"),
        request.requiredText(DEPARTMENT_GROUP, "采购单位"),
        request.requiredText(DEPARTMENT_NAME, "采购单位"),
        request.requiredAmount(BUDGET, "预算金额"),
        request.requiredText(PROCUREMENT_METHOD, "采购方式"),
        request.requiredDate(SERVICE_PERIOD_START, "服务开始日期"),
        request.requiredDate(SERVICE_PERIOD_END, "服务结束日期"),
        request.requiredText(REGION, "服务区域"),
        request.requiredText(REQUESTER, "申请人"),
        request.requiredText(REVIEWER, "审核人"),
        ProcurementTime.now(),
        execution.getProcessInstanceId()));
    execution.setVariable(PLAN_APPROVED, true);
  }
}
