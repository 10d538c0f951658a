package org.publicservice.procurement.review;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.form.JsonValues;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.form.FormRules;
import org.publicservice.procurement.notification.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fewer valid bids than the method's minimum remain after the compliance review, or fewer final offers after the
 * rounds of a consultation or negotiation (74号令第三十七条第三项): the procurement fails (废标, 政府采购法
 * 第三十六条第一项: 对招标文件作实质响应的供应商不足三家). The failure is published with the invalid bids and their
 * reasons, every bidder is told why (第三十六条第二款), the department is mailed, and the stage ends with TOO_FEW_VALID:
 * the main process goes back to the tender stage, whose department decides to tender again, change the method
 * with the finance bureau's approval or abandon (第三十七条).
 */
@Component("closeTooFewValid")
public class CloseTooFewValidDelegate implements JavaDelegate {

  static final String MAIL_DEPARTMENT = "review-too-few-valid";

  private final DisclosureRegister register;
  private final Notifications notifications;
  private final BidReviewResults results;
  private final ReviewResultMails mails;
  private final String tasklistUrl;

  public CloseTooFewValidDelegate(DisclosureRegister register, Notifications notifications, BidReviewResults results,
      ReviewResultMails mails, @Value("${procurement.public-url}") String publicUrl) {
    this.register = register;
    this.notifications = notifications;
    this.results = results;
    this.mails = mails;
    this.tasklistUrl = TasklistLink.of(publicUrl);
  }

  @Override
  public void execute(DelegateExecution execution) {
    long valid = ((Number) execution.getVariable(VALID_COUNT)).longValue();
    long minimum = ((Number) execution.getVariable(MINIMUM_BIDS)).longValue();
    Object basis = execution.getVariable(MINIMUM_BIDS_BASIS);
    String reason = execution.getVariable(FINAL_OFFER_CALL) != null
        ? "提交最后报价的供应商只有" + valid + "家，不足" + minimum + "家，终止本次" + execution.getVariable(NEGOTIATION_LABEL)
            + "（74号令第三十七条第三项）。" + (basis == null ? "" : "最少供应商家数的依据：" + basis + "。")
        : "符合性审查后有效投标只有" + valid + "家，不足" + minimum + "家，本次采购废标（政府采购法第三十六条第一项）。";
    FormRules purchase = FormRules.of(execution);
    String department = purchase.requiredText(DEPARTMENT_NAME, "采购单位");
    String serviceName = purchase.requiredText(SERVICE_NAME, "服务项目名称");
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", execution.getProcessBusinessKey());
    line(text, "项目名称", serviceName);
    line(text, "采购单位", department);
    line(text, "废标理由", reason);
    for (BidReviewResults.Result result : results.ofReview(execution.getProcessInstanceId())) {
      if (BidReviewResults.INVALID.equals(result.outcome())) {
        line(text, "无效投标", result.bidderName() + "，" + result.statement());
      }
    }
    text.append("采购单位将依法重新组织采购，另行公告。\n");
    register.publish(execution.getProcessBusinessKey(), NoticeType.FAILED_TENDER,
        department + "关于" + serviceName + "的废标公告", text.toString(), department, execution.getProcessInstanceId());
    execution.setVariable(REVIEW_OUTCOME, TOO_FEW_VALID);
    execution.setVariable(FAILED_TENDER_REASON, reason);
    // who was left, and under which method: a negotiation with exactly two of an open tender's suppliers may follow
    execution.setVariable(FAILED_TENDER_SUPPLIERS, SpinValues.jsonValue(JsonValues.toJson(
        OpenedBid.list(execution.getVariable(VALID_BIDS)).stream().map(OpenedBid::bidder).toList())).create());
    execution.setVariable(FAILED_TENDER_METHOD, execution.getVariable(PROCUREMENT_METHOD));
    notifications.toGroup(execution, (String) execution.getVariable(DEPARTMENT_GROUP), MAIL_DEPARTMENT,
        Map.of("reason", reason, "tasklistLink", tasklistUrl));
    mails.failedReview(execution, reason);
  }
}
