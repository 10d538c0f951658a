package org.publicservice.procurement.review;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * Ends a review whose bids are too few to go on (废标): the failure is published as the tender stage publishes its own
 * (the public learns why the purchase starts again), the stage hands back its outcome, the reason and who was left
 * (a negotiation with exactly two of an open tender's suppliers may follow, 74号令第二十七条第二款), the results of
 * every opened bid are kept, and the department and every bidder are told why (政府采购法第三十六条第二款).
 */
@Component
class FailedReview {

  private final DisclosureRegister register;
  private final Notifications notifications;
  private final BidReviewResults results;
  private final ReviewResultMails mails;
  private final String tasklistUrl;

  FailedReview(DisclosureRegister register, Notifications notifications, BidReviewResults results,
      ReviewResultMails mails, PublicLinks links) {
    this.register = register;
    this.notifications = notifications;
    this.results = results;
    this.mails = mails;
    this.tasklistUrl = links.tasklist();
  }

  /**
   * @param noticeLines further facts of the notice, {label, value} each
   * @param leftBids the variable that holds the bids still standing
   */
  void close(DelegateExecution execution, String outcome, String reason, List<String[]> noticeLines, String leftBids,
      String departmentMail) {
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "项目名称", purchase.serviceName());
    line(text, "采购单位", purchase.departmentName());
    line(text, "废标理由", reason);
    noticeLines.forEach(fact -> line(text, fact[0], fact[1]));
    text.append("采购单位将依法重新组织采购，另行公告。\n");
    register.publish(purchase.projectNumber(), NoticeType.FAILED_TENDER, purchase.noticeTitle("废标公告"),
        text.toString(), purchase.departmentName(), execution.getProcessInstanceId());
    execution.setVariable(REVIEW_OUTCOME, outcome);
    execution.setVariable(FAILED_TENDER_REASON, reason);
    execution.setVariable(FAILED_TENDER_SUPPLIERS, JsonValues.json(
        OpenedBid.list(execution.getVariable(leftBids)).stream().map(OpenedBid::bidder).toList()));
    execution.setVariable(FAILED_TENDER_METHOD, execution.getVariable(PROCUREMENT_METHOD));
    CountValidBidsDelegate.recordNotQualified(execution, results);
    notifications.toGroup(execution, (String) execution.getVariable(DEPARTMENT_GROUP), departmentMail,
        Map.of("reason", reason, "tasklistLink", tasklistUrl));
    mails.failedReview(execution, reason);
  }
}
