package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The department chooses the winner among the ranked candidates; choosing another than no. 1 needs a written
 * reason (87号令第六十八条: the buyer determines the winner "in the order of the ranking"), which the notice shows.
 */
@Component
public class WinnerChoiceValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    List<RankedBid> ranking = RankedBid.of(task.getVariable(RANKING));
    String chosen = form.requiredText(CHOSEN_BIDDER, "中标（成交）供应商");
    RankedBid winner = ranking.stream().filter(bid -> bid.bidder().equals(chosen)).findFirst()
        .orElseThrow(() -> reject(CHOSEN_BIDDER, "所选供应商不在评审委员会推荐的中标候选人名单中。"));
    if (winner.rank() != ranking.get(0).rank()) {
      String reason = form.optionalText(DEVIATION_REASON);
      if (reason == null) {
        throw reject(DEVIATION_REASON, "未选择排名第一的中标候选人时，请填写理由。");
      }
      form.requiredText(DEVIATION_REASON, "理由", 2000);
    } else {
      task.setVariable(DEVIATION_REASON, null);
    }
    AwardDecision.record(task.getExecution(), ranking, winner, CHOSEN_BY_DEPARTMENT);
  }
}
