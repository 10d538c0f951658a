package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.review.RankedBid;

/**
 * The department let its 5 working days pass without choosing: the first candidate still eligible is deemed the winner
 * (87号令第六十八条: "逾期未确定且不提出异议的，视为确定评审报告提出的排名第一的供应商为中标人").
 */
@Component
public class DeemFirstCandidateChosenDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<RankedBid> remaining = AwardCandidates.remaining(execution);
    execution.setVariable(DEVIATION_REASON, null);
    execution.setVariable(PASS_OVER_GROUND, null);
    AwardDecision.record(execution, remaining, remaining.get(0), CHOSEN_BY_DEFAULT);
  }
}
