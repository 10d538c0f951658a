package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.review.RankedBid;

/**
 * The winner of the current award and the candidates after it in the ranking (实施条例第四十九条: if the winner refuses
 * to sign, the next candidate may be determined winner, through a new award decision).
 */
final class ContractCandidates {

  /** An organisation offered the contract at the price of its bid. */
  record Candidate(String userId, String name, BigDecimal price) {
  }

  private ContractCandidates() {
  }

  /** The candidate at {@code index}: 0 is the winner, 1 the first candidate after the winner, and so on. */
  static Optional<Candidate> at(VariableScope scope, int index) {
    String winner = String.valueOf(scope.getVariable(WINNER));
    if (index == 0) {
      return Optional.of(new Candidate(winner, String.valueOf(scope.getVariable(WINNER_NAME)),
          new BigDecimal(scope.getVariable(AWARDED_PRICE).toString())));
    }
    List<RankedBid> others = RankedBid.of(scope.getVariable(CANDIDATES)).stream()
        .filter(bid -> !winner.equals(bid.bidder())).toList();
    if (index - 1 >= others.size()) {
      return Optional.empty();
    }
    RankedBid next = others.get(index - 1);
    return Optional.of(new Candidate(next.bidder(), next.bidderName(), next.price()));
  }
}
