package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.purchase.Money.yuan;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/** Publishes the result of the single source (成交结果公告, 87/74号令第十八条): the supplier and the agreed price. */
@Component
public class PublishSingleSourceResultDelegate implements JavaDelegate {

  private final DisclosureRegister register;

  public PublishSingleSourceResultDelegate(DisclosureRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules result = FormRules.of(execution);
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);

    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "采购单位", purchase.departmentName());
    line(text, "项目名称", purchase.serviceName());
    line(text, "采购方式", "单一来源采购");
    line(text, "成交供应商", result.requiredText(SUPPLIER_NAME, "供应商"));
    line(text, "成交金额", yuan(result.requiredAmount(AGREED_PRICE, "成交价格")));
    line(text, "预算金额", yuan(result.requiredAmount(BUDGET, "预算金额")));
    register.publish(purchase.projectNumber(), NoticeType.AWARD_NOTICE, purchase.noticeTitle("成交结果公告"),
        text.toString(), purchase.departmentName(), execution.getProcessInstanceId());
  }
}
