package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.publicservice.procurement.disclosure.NoticeText;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.review.RankedBid;

/**
 * With the award notice (87号令第六十九条第五款): the winner receives the 中标（成交）通知书; every other ranked bidder its
 * own score and rank only, one mail each, so no bidder reads another's scores; every bidder that failed the
 * qualification review the reason it failed ("对未通过资格审查的投标人，应当告知其未通过的原因").
 */
@Component
public class NotifyBiddersOfResultDelegate implements JavaDelegate {

  static final String TEMPLATE = "award-result-bidder";
  static final String LETTER_TEMPLATE = "award-letter";
  static final String DISQUALIFIED_TEMPLATE = "award-result-disqualified";

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
    String challengeEndText = ProcurementTime.MINUTE_IN_WORDS.format(
        challengeEnd.toInstant().atZone(ProcurementTime.ZONE));
    String projectLink = links.project(execution.getProcessBusinessKey());
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
      model.put("challengeWindowEnd", challengeEndText);
      model.put("projectLink", projectLink);
      if (bid.bidder().equals(winner)) {
        model.put("awardLetter", execution.getVariable(AWARD_LETTER));
        notifications.toUser(execution, bid.bidder(), LETTER_TEMPLATE, model);
      } else {
        notifications.toUser(execution, bid.bidder(), TEMPLATE, model);
      }
    }
    Set<String> ranked = ranking.stream().map(RankedBid::bidder).collect(Collectors.toSet());
    for (Map<String, Object> result : qualificationResults(execution)) {
      String bidder = String.valueOf(result.get("bidder"));
      if (Boolean.TRUE.equals(result.get("qualified")) || ranked.contains(bidder)) {
        continue;
      }
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("departmentName", execution.getVariable("departmentName"));
      model.put("winnerName", execution.getVariable(WINNER_NAME));
      model.put("failureReason", result.get("reason") == null ? "未通过资格审查" : result.get("reason"));
      model.put("challengeWindowEnd", challengeEndText);
      model.put("projectLink", projectLink);
      notifications.toUser(execution, bidder, DISQUALIFIED_TEMPLATE, model);
    }
  }

  /**
   * The qualification review of the latest review of this purchase: the review stage keeps it to itself
   * (qualificationResults, not returned to the purchase), so it is read from that stage's history.
   */
  private static List<Map<String, Object>> qualificationResults(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.REVIEW_STAGE)
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).list().stream()
        .max(Comparator.comparing(HistoricProcessInstance::getStartTime))
        .map(review -> history.createHistoricVariableInstanceQuery().processInstanceId(review.getId())
            .variableName("qualificationResults").list().stream().findFirst().map(HistoricVariableInstance::getValue)
            .map(JsonValues::rows).orElse(List.of()))
        .orElse(List.of());
  }
}
