package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/**
 * Tells every ranked bidder the result with its own score and rank only (87号令第六十九条): one mail per bidder,
 * each built from that bidder's line, so no bidder reads another's scores.
 */
@Component
public class NotifyBiddersOfResultDelegate implements JavaDelegate {

  static final String TEMPLATE = "award-result-bidder";

  private final Notifications notifications;
  private final PublicLinks links;

  public NotifyBiddersOfResultDelegate(Notifications notifications,
      PublicLinks links) {
    this.notifications = notifications;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<RankedBid> ranking = RankedBid.of(execution.getVariable(RANKING));
    String winner = (String) execution.getVariable(WINNER);
    Date challengeEnd = (Date) execution.getVariable(CHALLENGE_WINDOW_END);
    for (RankedBid bid : ranking) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("departmentName", execution.getVariable(PurchaseIdentity.DEPARTMENT_NAME));
      model.put("winnerName", execution.getVariable(WINNER_NAME));
      model.put("isWinner", bid.bidder().equals(winner) ? "true" : "false");
      model.put("ownRank", "第" + bid.rank() + "名（共" + ranking.size() + "家）");
      model.put("ownPrice", Money.yuan(bid.price()));
      model.put("ownPriceScore", RankedBid.score(bid.priceScore()));
      model.put("ownCriteriaScore", RankedBid.score(bid.criteriaScore()));
      model.put("ownTotalScore", RankedBid.score(bid.totalScore()));
      model.put("challengeWindowEnd",
          MINUTE_IN_WORDS.format(challengeEnd.toInstant()));
      model.put("projectLink", links.project(execution.getProcessBusinessKey()));
      notifications.toUser(execution, bid.bidder(), TEMPLATE, model);
    }
  }
}
