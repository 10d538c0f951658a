package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.INDICATORS;
import static org.publicservice.procurement.performance.PerformanceVariables.INDICATOR_RESULTS;
import static org.publicservice.procurement.performance.PerformanceVariables.MAX_REACHED_LENGTH;
import static org.publicservice.procurement.performance.PerformanceVariables.REACHED;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
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
 * The values an organisation reports for the contract's indicators, a table with one row per indicator in the
 * contract's order: "92%" or "1200" (or "1200人次" when the target is counted in 人次). A percentage lies between 0%
 * and 100%; a number is not negative; an indicator whose target is a percentage is reported as one.
 */
final class IndicatorValues {

  static final BigDecimal HUNDRED = new BigDecimal("100");
  static final BigDecimal LARGEST = new BigDecimal("1000000000");

  private IndicatorValues() {
  }

  /** The table the report form shows: each indicator with its target, the value empty. */
  static TypedValue emptyTable(Object indicators) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> indicator : JsonValues.rows(indicators)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", String.valueOf(indicator.get("name")).strip());
      row.put("target", String.valueOf(indicator.get("target")).strip());
      row.put(REACHED, null);
      rows.add(row);
    }
    return SpinValues.jsonValue(JsonValues.toJson(rows)).create();
  }

  /** The submitted table, matched row by row with the contract's indicators, each value checked. */
  static List<Map<String, Object>> read(VariableScope scope) {
    List<Map<String, Object>> indicators = JsonValues.rows(scope.getVariable(INDICATORS));
    FormList table = FormList.of(scope, INDICATOR_RESULTS, "指标达到值").sameRowsAs(indicators.size());
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < indicators.size(); i++) {
      String name = String.valueOf(indicators.get(i).get("name")).strip();
      String target = String.valueOf(indicators.get(i).get("target")).strip();
      FormList.Row row = table.row(i, "指标“" + name + "”");
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("name", name);
      result.put("target", target);
      result.put(REACHED, checked(row, row.requiredText(REACHED, "达到值", MAX_REACHED_LENGTH), target));
      results.add(result);
    }
    return results;
  }

  private static String checked(FormList.Row row, String value, String target) {
    boolean percent = value.endsWith("%") || value.endsWith("％");
    String unit = unit(target);
    String digits = percent ? value.substring(0, value.length() - 1).strip()
        : (!unit.isEmpty() && value.endsWith(unit) ? value.substring(0, value.length() - unit.length()) : value)
            .replace(",", "").strip();
    BigDecimal number;
    try {
      number = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      throw row.reject("达到值“" + value + "”不是数字或百分比。");
    }
    if (target.endsWith("%") && !percent) {
      throw row.reject("目标是百分比，请按百分比填写达到值（如 92%）。");
    }
    if (number.signum() < 0) {
      throw row.reject("达到值不能为负数。");
    }
    if (percent && number.compareTo(HUNDRED) > 0) {
      throw row.reject("达到值" + value + "超出范围，百分比应在0%至100%之间。");
    }
    if (number.compareTo(LARGEST) > 0) {
      throw row.reject("达到值" + value + "超出范围。");
    }
    return number.stripTrailingZeros().toPlainString() + (percent ? "%" : "");
  }

  /** The unit a target is counted in, the text after its number ("76800人次" -> "人次"); empty for none or %. */
  private static String unit(String target) {
    int end = target.length();
    int start = end;
    while (start > 0 && !Character.isDigit(target.charAt(start - 1))) {
      start--;
    }
    String unit = target.substring(start, end).strip();
    return start == 0 || unit.endsWith("%") ? "" : unit;
  }
}
