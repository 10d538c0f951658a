package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.purchase.JsonValues;

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
    List<Map<String, Object>> others = JsonValues.rows(scope.getVariable(CANDIDATES)).stream()
        .filter(row -> row.get("bidder") != null && !winner.equals(row.get("bidder").toString()))
        .toList();
    if (index - 1 >= others.size()) {
      return Optional.empty();
    }
    Map<String, Object> row = others.get(index - 1);
    Object name = row.get("bidderName");
    return Optional.of(new Candidate(row.get("bidder").toString(),
        name == null ? row.get("bidder").toString() : name.toString(), new BigDecimal(row.get("price").toString())));
  }
}
