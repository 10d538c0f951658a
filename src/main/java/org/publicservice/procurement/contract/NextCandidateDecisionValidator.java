package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * After a refusal or the 30 days passing, the department offers the contract to the next candidate of the ranking
 * (87号令第七十一条) or ends the purchase without a contract. Only a candidate that exists can be chosen.
 */
@Component
public class NextCandidateDecisionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String decision = FormRules.of(task).requiredChoice(NEXT_STEP, "处理方式", List.of(NEXT_CANDIDATE, END_WITHOUT_CONTRACT));
    if (NEXT_CANDIDATE.equals(decision)) {
      int next = ContractCandidates.currentIndex(task) + 1;
      if (ContractCandidates.at(task, next).isEmpty()) {
        throw reject(NEXT_STEP, "排名中已没有其他候选人，只能终止签订合同。");
      }
      task.setVariable(CANDIDATE_INDEX, next);
    }
  }
}
