package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The third-party evaluator's scoring (第三方评价, 财综〔2018〕42号): a table with every indicator scored 0-100, and a
 * report. Sets the
 * mean score the grade uses and who scored (the evaluator answers for the result).
 */
@Component
public class ThirdPartyEvaluationValidator implements TaskListener {

  static final int MAX_REPORT = 8000;

  @Override
  public void notify(DelegateTask task) {
    var scores = IndicatorScores.scores(IndicatorScores.rows(task, THIRD_PARTY_SCORES, "评分表",
        IndicatorScores.indicators(task)), THIRD_PARTY_SCORE, "评分");
    FormRules.of(task).requiredLongText(THIRD_PARTY_REPORT, "评价报告", MAX_REPORT);
    task.setVariable(THIRD_PARTY_SCORE_TOTAL, IndicatorScores.mean(scores));
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String evaluator = authentication != null ? authentication.getUserId() : task.getAssignee();
    if (evaluator != null) {
      task.setVariable(THIRD_PARTY_EVALUATOR, evaluator);
    }
  }
}
