package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * The panel found a compliant bid's price clearly below the other compliant bids' and asks the bidder to show in
 * writing, by the deadline the panel set, that the price is sound (87号令第六十条). The request is recorded, the
 * bidder is mailed with a link to its portal page, where it answers; the answer's timer fires at the deadline.
 */
@Component
public class RequestPriceExplanationDelegate implements JavaDelegate {

  static final String MAIL = "price-explanation-requested";

  private final BidReviewResults results;
  private final org.publicservice.procurement.notification.Notifications notifications;
  private final String portalUrl;

  public RequestPriceExplanationDelegate(BidReviewResults results,
      org.publicservice.procurement.notification.Notifications notifications,
      PublicLinks links) {
    this.results = results;
    this.notifications = notifications;
    this.portalUrl = links.page("/portal/bidder/price-explanations");
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules panel = FormRules.of(execution);
    OpenedBid bid = OpenedBid.list(execution.getVariable(QUALIFIED_BIDS)).stream()
        .filter(b -> b.bidId().equals(execution.getVariable(COMPLIANCE_BID))).findFirst().orElseThrow();
    String question = panel.requiredText(PRICE_QUESTION, "要求投标人说明的事项");
    long hours = panel.requiredWholeNumber(EXPLANATION_HOURS, "说明期限（小时）");
    OffsetDateTime due = ProcurementTime.now().plusHours(hours);
    results.requestExplanation(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), bid, question,
        (String) execution.getVariable(PANEL_CHAIR), due);
    execution.setVariableLocal(EXPLANATION_DUE, Date.from(due.toInstant()));
    notifications.toUser(execution, bid.bidder(), MAIL, Map.of("price", Money.yuan(bid.price()),
        "question", question, "dueAt", ReviewRecords.MINUTE.format(due), "answerLink", portalUrl));
  }
}
