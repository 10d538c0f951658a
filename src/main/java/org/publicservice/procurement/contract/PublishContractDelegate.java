package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.purchase.Money.yuan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/**
 * Publishes the signed contract (政府采购合同公告, 实施条例第五十条), except the parts the department withholds as state or
 * trade secrets, and stamps the contract as published.
 */
@Component
public class PublishContractDelegate implements JavaDelegate {

  private final DisclosureRegister register;
  private final ContractRegister contracts;

  public PublishContractDelegate(DisclosureRegister register, ContractRegister contracts) {
    this.register = register;
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules facts = FormRules.of(execution);
    ContractRegister.Contract contract = contracts.signedOf(execution.getProcessInstanceId());
    String contractId = contract.contractId();
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);

    StringBuilder text = new StringBuilder();
    line(text, "项目编号", contract.projectNumber());
    line(text, "合同编号", contractId);
    line(text, "项目名称", purchase.serviceName());
    line(text, "采购人", purchase.departmentName());
    line(text, "供应商", contract.contractorName());
    line(text, "合同金额", yuan(contract.amount()));
    line(text, "履约保证金", yuan(contract.performanceBond()));
    line(text, "服务期限", contract.periodStart() + "至" + contract.periodEnd());
    line(text, "合同签订日期", contract.signedOn().toString());
    text.append("服务标准和绩效指标：\n").append(contract.serviceStandards().strip()).append('\n');
    text.append("付款计划：\n").append(contract.paymentSchedule()).append('\n');
    String withheld = facts.optionalText(WITHHELD_PARTS);
    if (withheld != null) {
      line(text, "不予公开的内容（涉及国家秘密、商业秘密）", withheld);
    }
    long noticeId = register.publish(contract.projectNumber(), NoticeType.CONTRACT,
        purchase.serviceName() + "政府采购合同公告",
        text.toString(), purchase.departmentName(), execution.getProcessInstanceId()).id();
    contracts.markPublished(contractId, noticeId);
  }
}
