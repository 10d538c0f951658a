package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import java.math.BigDecimal;
import org.publicservice.procurement.review.RankedBid;

/** Records the winner and the order of candidates the contract stage may fall back to (winner first). */
final class AwardDecision {

  private AwardDecision() {
  }

  /** @param ranking the candidates still eligible, in order; the contract stage may fall back to them */
  static void record(VariableScope scope, List<RankedBid> ranking, RankedBid winner, String chosenBy) {
    scope.setVariable(WINNER, winner.bidder());
    scope.setVariable(WINNER_NAME, winner.bidderName());
    scope.setVariable(AWARDED_PRICE, amount(winner.price()));
    scope.setVariable(WINNER_CHOSEN_BY, chosenBy);
    List<RankedBid> candidates = new ArrayList<>();
    candidates.add(winner);
    ranking.stream().filter(bid -> !bid.bidder().equals(winner.bidder())).forEach(candidates::add);
    scope.setVariable(CANDIDATES, RankedBid.json(candidates));
  }

  /** An amount as forms store numbers: a Long when whole, else a Double (the engine has no decimal type). */
  static Number amount(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    return plain.scale() <= 0 ? (Number) plain.longValueExact() : (Number) value.doubleValue();
  }
}
