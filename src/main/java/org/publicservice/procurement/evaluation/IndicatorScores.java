package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.INDICATOR_COUNT;
import static org.publicservice.procurement.evaluation.EvaluationVariables.INDICATOR_NAME;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.purchase.FormRules;

/**
 * The numbered score fields of the evaluation forms ({@code <prefix>1 .. <prefix>n}, one per indicator; form-js
 * dynamic lists cannot be submitted in Tasklist 7.24): each 0-100, and their mean, which is what the grade uses
 * (every indicator weighs the same).
 */
final class IndicatorScores {

  static final BigDecimal MIN = BigDecimal.ZERO;
  static final BigDecimal MAX = BigDecimal.valueOf(100);

  private IndicatorScores() {
  }

  static int count(VariableScope scope) {
    return ((Number) scope.getVariable(INDICATOR_COUNT)).intValue();
  }

  static String name(VariableScope scope, int index) {
    return String.valueOf(scope.getVariable(INDICATOR_NAME + index));
  }

  /** The scores 1..n in order; refused with the indicator's name when one is missing or out of 0-100. */
  static List<BigDecimal> read(VariableScope scope, String prefix, String what) {
    FormRules form = FormRules.of(scope);
    List<BigDecimal> scores = new ArrayList<>();
    for (int i = 1; i <= count(scope); i++) {
      String label = "第" + i + "项指标“" + name(scope, i) + "”的" + what;
      BigDecimal score = form.requiredAmount(prefix + i, label);
      if (score.compareTo(MIN) < 0 || score.compareTo(MAX) > 0) {
        throw FormRules.reject(prefix + i, label + "应在0至100分之间。");
      }
      scores.add(score);
    }
    return scores;
  }

  static double mean(List<BigDecimal> scores) {
    return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP).doubleValue();
  }

  static String points(BigDecimal score) {
    return score.stripTrailingZeros().toPlainString() + "分";
  }
}
