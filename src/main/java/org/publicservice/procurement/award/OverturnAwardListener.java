package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * An upheld challenge or complaint overturns the award: the stage's outcome becomes the remedy decided (a new
 * review or a new tender), whatever the main path set before; with a new tender the reason goes to the tender stage.
 */
@Component
public class OverturnAwardListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    boolean byComplaint = UPHELD.equals(execution.getVariable(COMPLAINT_DECISION));
    String remedy = (String) execution.getVariable(byComplaint ? COMPLAINT_REMEDY : CHALLENGE_REMEDY);
    if (!OUTCOME_RE_REVIEW.equals(remedy) && !OUTCOME_RE_TENDER.equals(remedy)) {
      throw new IllegalStateException("Upheld " + (byComplaint ? "complaint" : "challenge") + " without remedy");
    }
    DelegateExecution stage = execution.getProcessInstance();
    stage.setVariableLocal(AWARD_OUTCOME, remedy);
    if (OUTCOME_RE_TENDER.equals(remedy)) {
      stage.setVariableLocal(FAILED_TENDER_REASON, (byComplaint ? "投诉成立（财政部门处理决定）：" : "质疑成立：")
          + execution.getVariable(byComplaint ? COMPLAINT_DECISION_TEXT : CHALLENGE_REPLY));
    }
  }
}
