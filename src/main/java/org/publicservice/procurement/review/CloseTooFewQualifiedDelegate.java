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
 * Fewer qualified bids than the method requires: no evaluation takes place (87 Art 44). The stage ends with
 * TOO_FEW_QUALIFIED and the reason the tender stage shows when it decides how to go on. The failed tender is
 * published as the tender stage publishes its own (废标公告: the public learns why the purchase starts again), and
 * the department and every bidder are told (政府采购法第三十六条第二款).
 */
@Component("closeTooFewQualified")
public class CloseTooFewQualifiedDelegate implements JavaDelegate {

  static final String MAIL_TOO_FEW = "review-too-few-qualified";

  private final Notifications notifications;
  private final DisclosureRegister register;
  private final BidReviewResults results;
  private final ReviewResultMails mails;
  private final String tasklistUrl;

  public CloseTooFewQualifiedDelegate(Notifications notifications, DisclosureRegister register,
      BidReviewResults results, ReviewResultMails mails, @Value("${procurement.public-url}") String publicUrl) {
    this.notifications = notifications;
    this.register = register;
    this.results = results;
    this.mails = mails;
    this.tasklistUrl = TasklistLink.of(publicUrl);
  }

  @Override
  public void execute(DelegateExecution execution) {
    long qualified = ((Number) execution.getVariable(QUALIFIED_COUNT)).longValue();
    long minimum = ((Number) execution.getVariable(MINIMUM_BIDS)).longValue();
    String reason = "资格审查后合格投标人只有" + qualified + "家，不足" + minimum + "家，不进行评标（政府采购货物和服务招标投标管理办法第四十四条）。";
    FormRules purchase = FormRules.of(execution);
    String department = purchase.requiredText(DEPARTMENT_NAME, "采购单位");
    String serviceName = purchase.requiredText(SERVICE_NAME, "服务项目名称");
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", execution.getProcessBusinessKey());
    line(text, "项目名称", serviceName);
    line(text, "采购单位", department);
    line(text, "废标理由", reason);
    text.append("采购单位将依法重新组织采购，另行公告。\n");
    register.publish(execution.getProcessBusinessKey(), NoticeType.FAILED_TENDER,
        department + "关于" + serviceName + "的废标公告", text.toString(), department, execution.getProcessInstanceId());
    execution.setVariable(REVIEW_OUTCOME, TOO_FEW_QUALIFIED);
    execution.setVariable(FAILED_TENDER_REASON, reason);
    // who was left, and under which method: a negotiation with exactly two of an open tender's suppliers may follow
    execution.setVariable(FAILED_TENDER_SUPPLIERS, SpinValues.jsonValue(JsonValues.toJson(
        OpenedBid.list(execution.getVariable(QUALIFIED_BIDS)).stream().map(OpenedBid::bidder).toList())).create());
    execution.setVariable(FAILED_TENDER_METHOD, execution.getVariable(PROCUREMENT_METHOD));
    notifications.toGroup(execution, (String) execution.getVariable(DEPARTMENT_GROUP), MAIL_TOO_FEW,
        Map.of("reason", reason, "tasklistLink", tasklistUrl));
    // the results of every opened bid for the file and the open data; each bidder learns why (政府采购法第三十六条第二款)
    CountValidBidsDelegate.recordNotQualified(execution, results);
    mails.failedReview(execution, reason);
  }
}
