package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * After the compliance review: the valid bids are those the panel found compliant and, where it queried the price,
 * whose explanation it accepted. Records the bids that failed the qualification review, so that the review's
 * results cover every opened bid, and prepares the scoring form for the valid bids. Fewer valid bids than the
 * method's minimum fail the tender (政府采购法第三十六条第一项), decided at the gateway that follows.
 */
@Component
public class CountValidBidsDelegate implements JavaDelegate {

  private final BidReviewResults results;

  public CountValidBidsDelegate(BidReviewResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recordNotQualified(execution, results);
    Set<String> valid = results.ofReview(execution.getProcessInstanceId()).stream()
        .filter(BidReviewResults.Result::valid).map(BidReviewResults.Result::bidId).collect(Collectors.toSet());
    List<OpenedBid> qualified = OpenedBid.list(execution.getVariable(QUALIFIED_BIDS));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (OpenedBid bid : qualified) {
      var result = results.of(execution.getProcessInstanceId(), bid.bidId())
          .orElseThrow(() -> new IllegalStateException("no compliance finding for bid " + bid.bidId()));
      if (BidReviewResults.PRICE_QUERIED.equals(result.outcome())) {
        throw new IllegalStateException("the price explanation of bid " + bid.bidId() + " is undecided");
      }
      if (valid.contains(bid.bidId())) {
        rows.add(bid.toRow());
      }
    }
    execution.setVariable(VALID_BIDS, SpinValues.jsonValue(JsonValues.toJson(rows)).create());
    execution.setVariable(VALID_COUNT, rows.size());
    if (COMPREHENSIVE.equals(execution.getVariable(EVALUATION_METHOD)) && !rows.isEmpty()) {
      SeatReviewPanelDelegate.prepareScoring(execution);
    }
  }

  /** The opened bids the qualification review (or the credit check) failed, as results of this review. */
  static void recordNotQualified(DelegateExecution execution, BidReviewResults results) {
    Set<String> failed = JsonValues.rows(execution.getVariable(QUALIFICATION_RESULTS)).stream()
        .filter(r -> !Boolean.TRUE.equals(r.get("qualified"))).map(r -> String.valueOf(r.get("bidId")))
        .collect(Collectors.toSet());
    for (OpenedBid bid : OpenedBid.list(execution.getVariable(OPENED_BIDS))) {
      if (failed.contains(bid.bidId())) {
        results.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), bid,
            BidReviewResults.NOT_QUALIFIED, null, null, null);
      }
    }
  }
}
