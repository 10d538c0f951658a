package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The deadline for the explanation passed without an answer: the bidder has not shown its price to be sound, so
 * the bid is invalid (87号令第六十条).
 */
@Component
public class RecordUnexplainedPriceDelegate implements JavaDelegate {

  static final String REASON = "投标人未在评标委员会规定的期限内提交书面说明";

  private final BidReviewResults results;

  public RecordUnexplainedPriceDelegate(BidReviewResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpenedBid bid = OpenedBid.list(execution.getVariable(QUALIFIED_BIDS)).stream()
        .filter(b -> b.bidId().equals(execution.getVariable(COMPLIANCE_BID))).findFirst().orElseThrow();
    results.decide(execution.getProcessInstanceId(), bid.bidId(), BidReviewResults.NO_ANSWER, REASON, null);
    results.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), bid, BidReviewResults.INVALID,
        InvalidityGround.PRICE_NOT_JUSTIFIED.name(), REASON, null);
  }
}
