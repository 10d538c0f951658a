package org.publicservice.procurement.planning;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * For tests that approve requests as the finance bureau: the review form asks for a reason when earlier plans of the
 * department make the request look like splitting (实施条例第二十八条). Test purchases accumulate in the shared test
 * database, so an approval gives the reason whenever the form shows the question, as the official would.
 */
public final class SplittingReasons {

  public static final String REASON = "本项目为年度预算调整后新增的服务内容，已经财政部门统筹审核。";

  private SplittingReasons() {
  }

  public static VariableMap asTheFormAsks(ProcessEngine engine, String reviewTaskId, VariableMap form) {
    if (PlanningVariables.DECISION_APPROVE.equals(form.get(PlanningVariables.REVIEW_DECISION))
        && Boolean.TRUE.equals(engine.getTaskService().getVariable(reviewTaskId, PlanningVariables.SPLITTING_SUSPECTED))) {
      form.putValue(PlanningVariables.SPLITTING_APPROVAL_REASON, REASON);
    }
    return form;
  }
}
