package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.publicservice.procurement.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * Tells bidders what the review decided about their own bid, once the review is over: a bid declared invalid
 * learns its ground and the panel's reason; when too few valid bids remain, every bidder learns that the tender
 * failed and why (政府采购法第三十六条第二款: the reason goes to all bidders). Each mail names only the bidder's own bid.
 */
@Component
class ReviewResultMails {

  static final String MAIL_BID_INVALID = "bid-invalid";
  static final String MAIL_REVIEW_FAILED = "review-failed-tender";

  private final Notifications notifications;
  private final BidReviewResults results;

  ReviewResultMails(Notifications notifications, BidReviewResults results) {
    this.notifications = notifications;
    this.results = results;
  }

  void invalidBids(DelegateExecution execution) {
    for (BidReviewResults.Result result : results.ofReview(execution.getProcessInstanceId())) {
      if (BidReviewResults.INVALID.equals(result.outcome())) {
        notifications.toUser(execution, result.bidder(), MAIL_BID_INVALID, Map.of(
            "departmentName", execution.getVariable(DEPARTMENT_NAME), "invalidity", result.statement()));
      }
    }
  }

  void failedReview(DelegateExecution execution, String reason) {
    List<BidReviewResults.Result> all = results.ofReview(execution.getProcessInstanceId());
    for (OpenedBid bid : OpenedBid.list(execution.getVariable(OPENED_BIDS))) {
      String own = all.stream().filter(r -> r.bidId().equals(bid.bidId())).findFirst()
          .map(r -> r.valid() ? "有效投标" : r.statement()).orElse("资格审查通过，未进入评审");
      notifications.toUser(execution, bid.bidder(), MAIL_REVIEW_FAILED, Map.of(
          "departmentName", execution.getVariable(DEPARTMENT_NAME), "failedTenderReason", reason,
          "ownResult", own));
    }
  }
}
