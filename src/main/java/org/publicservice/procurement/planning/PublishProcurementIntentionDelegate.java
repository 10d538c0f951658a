package org.publicservice.procurement.planning;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.purchase.Money.yuan;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Publishes the procurement intention (采购意向, 财库〔2020〕10号) of an approved plan: what the department
 * intends to buy, for how much and how, so that social organisations can prepare and residents can comment.
 */
@Component
public class PublishProcurementIntentionDelegate implements JavaDelegate {

  private final DisclosureRegister register;

  public PublishProcurementIntentionDelegate(DisclosureRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules plan = FormRules.of(execution);
    String projectNumber = plan.requiredText(PROJECT_NUMBER, "项目编号");
    String serviceName = plan.requiredText(SERVICE_NAME, "服务项目名称");
    String department = plan.requiredText(DEPARTMENT_NAME, "采购单位");
    register.publish(projectNumber, NoticeType.PROCUREMENT_INTENTION,
        department + "关于" + serviceName + "的采购意向公开", content(plan, projectNumber, serviceName, department),
        department, execution.getProcessInstanceId());
  }

  private static String content(FormRules plan, String projectNumber, String serviceName, String department) {
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", projectNumber);
    line(text, "采购单位", department);
    line(text, "项目名称", serviceName);
    line(text, "服务类别", ServiceCategory.valueOf(plan.requiredText(SERVICE_CATEGORY, "服务类别")).label());
    line(text, "采购需求概况", plan.requiredText(SERVICE_DESCRIPTION, "服务内容"));
    line(text, "服务标准", plan.requiredText(SERVICE_STANDARDS, "服务标准"));
    text.append("绩效指标：\n");
    int n = 1;
    for (Map<String, Object> indicator : plan.rows(INDICATORS)) {
      text.append("  ").append(n++).append(". ").append(indicator.get("name")).append("：")
          .append(indicator.get("target")).append('\n');
    }
    line(text, "预算金额", yuan(plan.requiredAmount(BUDGET, "预算金额")));
    line(text, "服务期限", plan.requiredDate(SERVICE_PERIOD_START, "服务开始日期") + " 至 "
        + plan.requiredDate(SERVICE_PERIOD_END, "服务结束日期"));
    line(text, "服务区域", plan.requiredText(REGION, "服务区域"));
    line(text, "拟采用采购方式", plan.requiredText(PROCUREMENT_METHOD_NAME, "采购方式"));
    return text.toString();
  }
}
