package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/**
 * Publishes the department's answer to an objection against a single-source notice (74号令第四十条: objections
 * are answered, and an upheld objection ends the single source). The objector is named by organisation only.
 */
@Component
public class PublishObjectionAnswerDelegate implements JavaDelegate {

  private final DisclosureRegister register;

  public PublishObjectionAnswerDelegate(DisclosureRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules answer = FormRules.of(execution);
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    boolean upheld = OBJECTION_UPHELD.equals(answer.requiredText(OBJECTION_DECISION, "处理结论"));

    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "项目名称", purchase.serviceName());
    line(text, "异议人", answer.requiredText(OBJECTOR_NAME, "异议人"));
    line(text, "异议事项", answer.requiredText(OBJECTION_GROUNDS, "异议理由"));
    line(text, "处理结论", upheld ? "异议成立，本项目停止单一来源采购" : "异议不成立，继续单一来源采购");
    line(text, "答复意见", answer.requiredText(OBJECTION_ANSWER, "答复意见"));
    register.publish(purchase.projectNumber(), NoticeType.CLARIFICATION,
        purchase.departmentName() + "关于" + purchase.serviceName() + "单一来源采购公示异议的答复", text.toString(),
        purchase.departmentName(), execution.getProcessInstanceId());
  }
}
