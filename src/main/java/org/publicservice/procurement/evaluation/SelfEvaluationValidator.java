package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * The organisation's self-evaluation: a table with, for every indicator, the value it reached and a score 0-100,
 * plus its report. Sets the mean self score the grade uses and a summary for the third-party evaluator.
 */
@Component
public class SelfEvaluationValidator implements TaskListener {

  public static final int MAX_VALUE = 200;
  static final int MAX_REPORT = 4000;

  @Override
  public void notify(DelegateTask task) {
    List<String> indicators = IndicatorScores.indicators(task);
    List<FormList.Row> rows = IndicatorScores.rows(task, SELF_EVALUATION, "自评表", indicators);
    List<String> values = rows.stream().map(row -> row.requiredText(SELF_VALUE, "完成情况", MAX_VALUE)).toList();
    List<BigDecimal> scores = IndicatorScores.scores(rows, SELF_SCORE, "自评分");
    String report = FormRules.of(task).requiredText(SELF_REPORT, "自评报告", MAX_REPORT);
    StringBuilder summary = new StringBuilder();
    for (int i = 0; i < indicators.size(); i++) {
      summary.append(i + 1).append(". ").append(indicators.get(i)).append("：").append(values.get(i))
          .append("，自评").append(IndicatorScores.points(scores.get(i))).append('\n');
    }
    double mean = IndicatorScores.mean(scores);
    summary.append("自评平均分：").append(BigDecimal.valueOf(mean).setScale(2)).append("分\n").append(report);
    task.setVariable(SELF_SCORE_TOTAL, mean);
    // 30 indicators and the report may pass the 4,000 characters of a String variable
    task.setVariable(SELF_SUMMARY, JsonValues.longText(summary.toString()));
  }
}
