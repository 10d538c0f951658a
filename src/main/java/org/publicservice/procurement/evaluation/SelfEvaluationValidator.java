package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The organisation's self-evaluation: for every indicator the value it reached and a score 0-100, plus its
 * report. Sets the mean self score the grade uses and a summary for the third-party evaluator.
 */
@Component
public class SelfEvaluationValidator implements TaskListener {

  static final int MAX_VALUE = 200;
  static final int MAX_REPORT = 4000;

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    int count = IndicatorScores.count(task);
    StringBuilder summary = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      form.requiredText(SELF_VALUE + i, "第" + i + "项指标“" + IndicatorScores.name(task, i) + "”的完成情况", MAX_VALUE);
    }
    List<BigDecimal> scores = IndicatorScores.read(task, SELF_SCORE, "自评分");
    String report = form.requiredText(SELF_REPORT, "自评报告", MAX_REPORT);
    for (int i = 1; i <= count; i++) {
      summary.append(i).append(". ").append(IndicatorScores.name(task, i)).append("：")
          .append(form.optionalText(SELF_VALUE + i)).append("，自评").append(IndicatorScores.points(scores.get(i - 1)))
          .append('\n');
    }
    double mean = IndicatorScores.mean(scores);
    summary.append("自评平均分：").append(BigDecimal.valueOf(mean).setScale(2)).append("分\n").append(report);
    task.setVariable(SELF_SCORE_TOTAL, mean);
    task.setVariable(SELF_SUMMARY, summary.toString());
  }
}
