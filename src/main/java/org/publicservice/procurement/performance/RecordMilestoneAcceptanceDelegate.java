package org.publicservice.procurement.performance;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.performance.PerformanceVariables.*;
import static org.publicservice.procurement.purchase.Money.yuan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/**
 * Records the result of a phased acceptance. An accepted milestone's result, with the indicator values and the
 * service recipients' satisfaction, is published (履约验收结果, 实施条例第四十五条); a request for correction is kept
 * in the ledger only.
 */
@Component
public class RecordMilestoneAcceptanceDelegate implements JavaDelegate {

  private final MilestoneLedger ledger;
  private final DisclosureRegister register;

  public RecordMilestoneAcceptanceDelegate(MilestoneLedger ledger, DisclosureRegister register) {
    this.ledger = ledger;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules acceptance = FormRules.of(execution);
    String contractId = acceptance.requiredText(CONTRACT_ID, "合同编号");
    int index = ((Number) execution.getVariable(MILESTONE_INDEX)).intValue();
    int satisfaction = (int) acceptance.requiredWholeNumber(RECIPIENT_SATISFACTION, "服务对象满意度");
    String opinion = acceptance.optionalText(ACCEPTANCE_OPINION);
    if (CORRECT.equals(acceptance.requiredText(ACCEPTANCE_DECISION, "验收结论"))) {
      ledger.recordCorrectionRequested(contractId, index, satisfaction, opinion);
      return;
    }
    String acceptedBy = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? null : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    ledger.recordAcceptance(contractId, index, satisfaction, opinion, acceptedBy);

    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    String milestone = acceptance.requiredText(MILESTONE_NAME, "里程碑");
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "合同编号", contractId);
    line(text, "项目名称", purchase.serviceName());
    line(text, "采购人", purchase.departmentName());
    line(text, "供应商", acceptance.requiredText(CONTRACTOR_NAME, "供应商"));
    line(text, "验收阶段", "第" + index + "期 " + milestone);
    line(text, "本期合同金额", yuan(ledger.find(contractId, index).orElseThrow().amount()));
    line(text, "验收结论", "验收合格");
    line(text, "参加验收的服务对象", acceptance.requiredText(RECIPIENT_PARTICIPANTS, "参加验收的服务对象"));
    line(text, "服务对象满意度", satisfaction + "分");
    text.append("服务指标完成情况：\n");
    JsonValues.rows(execution.getVariable(INDICATOR_RESULTS)).forEach(result -> text.append(result.get("name"))
        .append("：目标").append(result.get("target")).append("，达到").append(result.get("reached")).append('\n'));
    if (opinion != null) {
      line(text, "验收意见", opinion);
    }
    long noticeId = register.publish(purchase.projectNumber(), NoticeType.ACCEPTANCE,
        purchase.serviceName() + "第" + index + "期履约验收结果公告",
        text.toString(), purchase.departmentName(), execution.getProcessInstanceId()).id();
    ledger.noteAcceptanceNotice(contractId, index, noticeId);
  }
}
