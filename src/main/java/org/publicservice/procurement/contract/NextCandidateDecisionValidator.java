package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.award.AwardDecisions;
import org.publicservice.procurement.award.AwardVariables;
import org.publicservice.procurement.award.ExcludedBidder;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * The contract was not signed (refusal or the period passed). The department may have the next candidate of the
 * ranking determined winner only when the winner declined, cannot perform, or is in breach (实施条例第四十九条; the
 * award notice binds both sides, 政府采购法第四十六条第二款), stating the facts; the new winner gets an award decision,
 * notice, 中标通知书 and challenge window of its own. Or the department ends without a contract. Either way the
 * current award ends (cancelled, with the reason) and the winner is not offered the contract again.
 */
@Component
public class NextCandidateDecisionValidator implements TaskListener {

  private final AwardDecisions awards;
  private final ContractRegister contracts;

  public NextCandidateDecisionValidator(AwardDecisions awards, ContractRegister contracts) {
    this.awards = awards;
    this.contracts = contracts;
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(NEXT_STEP, "处理方式", List.of(NEXT_CANDIDATE, END_WITHOUT_CONTRACT));
    String ground = form.optionalText(PASS_OVER_GROUND);
    if (NEXT_CANDIDATE.equals(decision)) {
      if (ContractCandidates.at(task, 1).isEmpty()) {
        throw reject(NEXT_STEP, "排名中已没有其他候选人，只能终止签订合同。");
      }
      if (ground == null || !AwardVariables.PASS_OVER_GROUNDS.containsKey(ground)) {
        throw reject(PASS_OVER_GROUND, "另行确定中标人须以中标人放弃中标、不能履行合同或存在违法违规情形为前提，请选择情形"
            + "（政府采购法实施条例第四十九条）。");
      }
    }
    String facts = form.optionalText(PASS_OVER_FACTS);
    if (NEXT_CANDIDATE.equals(decision) && facts == null) {
      throw reject(PASS_OVER_FACTS, "请写明中标人" + AwardVariables.PASS_OVER_GROUNDS.get(ground) + "的具体情况。");
    }
    String reason = facts != null ? form.requiredText(PASS_OVER_FACTS, "具体情况", 2000)
        : String.valueOf(task.getVariable(NO_SIGNATURE_REASON));
    if (NEXT_CANDIDATE.equals(decision)) {
      task.setVariable(EXCLUDED_BIDDERS, ExcludedBidder.adding(task.getVariable(EXCLUDED_BIDDERS), new ExcludedBidder(
          text(task.getVariable(CONTRACTOR)), text(task.getVariable(CONTRACTOR_NAME)), ground, reason)));
    }
    // the unsigned draft stays on file, marked as abandoned
    contracts.abandonDrafts(task.getProcessInstanceId());
    awards.cancelActive(task.getExecution().getProcessBusinessKey(), "合同未签订（" + task.getVariable(NO_SIGNATURE_REASON)
        + "）：" + reason, ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
