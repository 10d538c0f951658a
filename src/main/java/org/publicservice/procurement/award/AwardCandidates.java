package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.review.RankedBid;

/**
 * The candidates an award may go to: the panel's ranking in its order (实施条例第四十三条: "按顺序确定"), without the
 * candidates excluded earlier in this purchase (a winner that declined, could not perform, or whose award a remedy
 * found invalid).
 */
final class AwardCandidates {

  private AwardCandidates() {
  }

  static List<RankedBid> remaining(VariableScope scope) {
    Set<String> excluded = excluded(scope).stream().map(ExcludedBidder::bidder).collect(Collectors.toSet());
    return RankedBid.of(scope.getVariable(RANKING)).stream().filter(bid -> !excluded.contains(bid.bidder())).toList();
  }

  static List<ExcludedBidder> excluded(VariableScope scope) {
    return ExcludedBidder.list(scope.getVariable(EXCLUDED_BIDDERS));
  }

  /** Adds candidates to the excluded ones with the ground of the law and the reason given. */
  static void exclude(VariableScope scope, List<RankedBid> bids, String ground, String reason) {
    List<ExcludedBidder> all = new ArrayList<>(excluded(scope));
    bids.forEach(bid -> all.add(new ExcludedBidder(bid.bidder(), bid.bidderName(), ground, reason)));
    scope.setVariable(EXCLUDED_BIDDERS, ExcludedBidder.json(all));
  }
}
