package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.INDICATOR;
import static org.publicservice.procurement.planning.PlanningVariables.INDICATORS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * The evaluation tables (one row per indicator of the request, as many as it set): each score 0-100, and their
 * mean, which is what the grade uses (every indicator weighs the same).
 */
final class IndicatorScores {

  static final BigDecimal MIN = BigDecimal.ZERO;
  static final BigDecimal MAX = BigDecimal.valueOf(100);
  static final int DECIMALS = 2;

  private IndicatorScores() {
  }

  /** The indicators as the tables show them, "name（目标：target）". */
  static List<String> indicators(VariableScope scope) {
    return OpenEvaluationDelegate.indicatorLines(JsonValues.rows(scope.getVariable(INDICATORS)));
  }

  /** A table with a row per indicator and the given columns empty. */
  static TypedValue emptyTable(List<String> indicators, String... columns) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String indicator : indicators) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(INDICATOR, indicator);
      for (String column : columns) {
        row.put(column, null);
      }
      rows.add(row);
    }
    return SpinValues.jsonValue(JsonValues.toJson(rows)).create();
  }

  /** The table submitted as {@code variable}, named {@code label}, matched row by row with the indicators. */
  static List<FormList.Row> rows(VariableScope scope, String variable, String label, List<String> indicators) {
    FormList table = FormList.of(scope, variable, label).sameRowsAs(indicators.size());
    return table.rows(i -> table.row(i, "第" + (i + 1) + "项指标“" + indicators.get(i) + "”"));
  }

  /** The score of each row, 0-100; refused with the indicator's name when one is missing or out of range. */
  static List<BigDecimal> scores(List<FormList.Row> rows, String column, String label) {
    return rows.stream().map(row -> row.requiredNumber(column, label, MIN, MAX, "分", DECIMALS)).toList();
  }

  static double mean(List<BigDecimal> scores) {
    return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP).doubleValue();
  }

  static String points(BigDecimal score) {
    return score.stripTrailingZeros().toPlainString() + "分";
  }
}
