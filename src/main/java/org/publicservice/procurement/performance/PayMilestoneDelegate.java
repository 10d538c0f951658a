package org.publicservice.procurement.performance;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.performance.PerformanceVariables.*;
import static org.publicservice.procurement.purchase.Money.yuan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/**
 * Pays the accepted milestone as the contract says (实施条例第五十一条) and publishes the payment (资金支付信息). Runs as
 * its own job: a retried or repeated step finds the payment already made and neither pays nor publishes again.
 */
@Component
public class PayMilestoneDelegate implements JavaDelegate {

  private final MilestonePayments payments;
  private final DisclosureRegister register;

  public PayMilestoneDelegate(MilestonePayments payments, DisclosureRegister register) {
    this.payments = payments;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules facts = FormRules.of(execution);
    String contractId = facts.requiredText(CONTRACT_ID, "合同编号");
    int index = ((Number) execution.getVariable(MILESTONE_INDEX)).intValue();
    MilestonePayments.Payment payment = payments.pay(contractId, index, ProcurementTime.today(),
        execution.getProcessInstanceId());
    execution.setVariable(PAYMENT_DATE, payment.paidOn().toString());
    if (!payment.newlyRecorded()) {
      return;
    }
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "合同编号", contractId);
    line(text, "项目名称", purchase.serviceName());
    line(text, "付款单位", purchase.departmentName());
    line(text, "收款单位", facts.requiredText(CONTRACTOR_NAME, "供应商"));
    line(text, "支付阶段", "第" + index + "期 " + facts.requiredText(MILESTONE_NAME, "里程碑"));
    line(text, "支付金额", yuan(payment.amount()));
    line(text, "支付日期", payment.paidOn().toString());
    line(text, "累计已支付", yuan(payments.paidSoFar(contractId)));
    long noticeId = register.publish(purchase.projectNumber(), NoticeType.PAYMENT,
        purchase.serviceName() + "第" + index + "期资金支付信息",
        text.toString(), purchase.departmentName(), execution.getProcessInstanceId()).id();
    payments.noteNotice(contractId, index, noticeId);
  }
}
