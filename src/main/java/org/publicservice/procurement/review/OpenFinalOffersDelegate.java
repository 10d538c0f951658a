package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.tender.FinalOffers;
import org.springframework.stereotype.Component;

/**
 * At the deadline the final offers are opened together. The final offer is part of the supplier's response (74号令
 * 第三十三条第三款): the bid goes on to the evaluation at its final price (scoring for a consultation, lowest price for
 * a negotiation, 74号令第三十五条); a supplier still in that offered nothing is out. Fewer offers than the method's
 * minimum end the review at the gateway that follows (74号令第三十七条第三项).
 */
@Component
public class OpenFinalOffersDelegate implements JavaDelegate {

  static final String NO_OFFER = "未在规定时间内提交最后报价";

  private final FinalOffers finalOffers;
  private final BidReviewResults results;

  public OpenFinalOffersDelegate(FinalOffers finalOffers, BidReviewResults results) {
    this.finalOffers = finalOffers;
    this.results = results;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    long call = ((Number) execution.getVariable(FINAL_OFFER_CALL)).longValue();
    Map<String, FinalOffers.Offer> offers = finalOffers.openOffers(call).stream()
        .collect(Collectors.toMap(FinalOffers.Offer::bidId, Function.identity()));
    List<String> invited = (List<String>) execution.getVariable(NEGOTIATING_BIDS);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (OpenedBid bid : OpenedBid.list(execution.getVariable(VALID_BIDS))) {
      if (!invited.contains(bid.bidId())) {
        continue;
      }
      FinalOffers.Offer offer = offers.get(bid.bidId());
      if (offer == null) {
        results.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), bid,
            BidReviewResults.WITHDRAWN, null, NO_OFFER, null);
        continue;
      }
      Map<String, Object> row = bid.toRow();
      row.put("price", offer.price());
      row.put("finalOfferNote", offer.note());
      rows.add(row);
    }
    execution.setVariable(VALID_BIDS, SpinValues.jsonValue(JsonValues.toJson(rows)).create());
    execution.setVariable(VALID_COUNT, rows.size());
    if (COMPREHENSIVE.equals(execution.getVariable(EVALUATION_METHOD)) && !rows.isEmpty()) {
      SeatReviewPanelDelegate.prepareScoring(execution);
    }
  }
}
