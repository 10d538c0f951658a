package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a round of a consultation (竞争性磋商, 214号) or negotiation (竞争性谈判, 74号令第三十条、第三十一条): the
 * whole panel talks with each supplier still in, one at a time, giving each the same chance. The first round takes
 * every valid bid of the compliance review (74号令第三十条: only suppliers that respond substantively take part).
 */
@Component
public class StartNegotiationRoundDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object round = execution.getVariable(NEGOTIATION_ROUND);
    long next = round == null ? 1 : ((Number) round).longValue() + 1;
    if (next == 1) {
      execution.setVariable(NEGOTIATING_BIDS, OpenedBid.list(execution.getVariable(VALID_BIDS)).stream()
          .map(OpenedBid::bidId).toList());
      execution.setVariable(NEGOTIATION_LABEL,
          COMPETITIVE_NEGOTIATION.equals(execution.getVariable(PROCUREMENT_METHOD)) ? "谈判" : "磋商");
    }
    execution.setVariable(NEGOTIATION_ROUND, next);
  }
}
