package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.review.RankedBid;

/**
 * The department determines the winner in the order of the ranking (实施条例第四十三条: "在评审报告推荐的中标或者成交候选人中
 * 按顺序确定"; 87号令第六十八条). It may pass over the candidates above its choice only on a ground the law gives: the
 * candidate declines (实施条例第四十九条), cannot perform, or is in breach so that its award would be invalid
 * (政府采购法第七十七条, 实施条例第七十二条), with the facts in writing; the notice shows them and the candidates passed
 * over are not offered again in this purchase.
 */
@Component
public class WinnerChoiceValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    List<RankedBid> remaining = AwardCandidates.remaining(task);
    String chosen = form.requiredText(CHOSEN_BIDDER, "中标（成交）供应商");
    int position = -1;
    for (int i = 0; i < remaining.size(); i++) {
      if (remaining.get(i).bidder().equals(chosen)) {
        position = i;
      }
    }
    if (position < 0) {
      throw reject(CHOSEN_BIDDER, "所选供应商不在评审委员会推荐的中标候选人名单中。");
    }
    if (position > 0) {
      String ground = form.optionalText(PASS_OVER_GROUND);
      if (ground == null || !PASS_OVER_GROUNDS.containsKey(ground)) {
        throw reject(PASS_OVER_GROUND, "中标候选人应按排名顺序确定；未确定排名在前的候选人时，请选择法定情形（放弃中标、不能履行合同或存在违法违规情形）。");
      }
      if (form.optionalText(DEVIATION_REASON) == null) {
        throw reject(DEVIATION_REASON, "请写明排名在前的候选人" + PASS_OVER_GROUNDS.get(ground) + "的具体情况。");
      }
      String reason = form.requiredText(DEVIATION_REASON, "具体情况", 2000);
      AwardCandidates.exclude(task.getExecution(), remaining.subList(0, position), ground, reason);
    } else {
      task.setVariable(PASS_OVER_GROUND, null);
      task.setVariable(DEVIATION_REASON, null);
    }
    AwardDecision.record(task.getExecution(), remaining.subList(position, remaining.size()), remaining.get(position),
        CHOSEN_BY_DEPARTMENT);
  }
}
