package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.INDICATORS;
import static org.publicservice.procurement.performance.PerformanceVariables.INDICATOR_RESULTS;
import static org.publicservice.procurement.performance.PerformanceVariables.MAX_REACHED_LENGTH;
import static org.publicservice.procurement.performance.PerformanceVariables.REACHED;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * The values an organisation reports for the contract's indicators, a table with one row per indicator in the
 * contract's order, each value as the request stated its target: a number, a percentage for a percentage target,
 * or a number with the target's unit ("20000人次" for "76800人次"). A percentage lies between 0% and 100%; a number
 * is not negative.
 */
final class IndicatorValues {

  static final BigDecimal HUNDRED = new BigDecimal("100");
  static final BigDecimal LARGEST = new BigDecimal("1000000000");

  /** A number at the start of a target or value, and the unit written after it (人次, 次, 个, 元 ...). */
  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("^([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([^0-9%％]*)$");

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
    return read(FormList.of(scope, INDICATOR_RESULTS, "指标达到值"),
        JsonValues.rows(scope.getVariable(INDICATORS)));
  }

  static List<Map<String, Object>> read(FormList table, List<Map<String, Object>> indicators) {
    table.sameRowsAs(indicators.size());
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

  /** The reached value as a number with the indicator's unit, or as a percentage. */
  private static String checked(FormList.Row row, String value, String target) {
    boolean percentTarget = target.endsWith("%") || target.endsWith("％");
    boolean percent = value.endsWith("%") || value.endsWith("％");
    String digits = percent ? value.substring(0, value.length() - 1).strip() : value;
    String unit = "";
    if (!percent) {
      Matcher typed = NUMBER_AND_UNIT.matcher(value);
      if (typed.matches()) {
        digits = typed.group(1);
        unit = typed.group(2).strip();
        String targetUnit = unitOf(target);
        if (!unit.isEmpty() && !targetUnit.isEmpty() && !unit.equals(targetUnit)) {
          throw row.reject("目标是“" + target + "”，达到值的单位应为“" + targetUnit + "”（如 20000" + targetUnit
              + "），或只填数字。");
        }
      }
    }
    BigDecimal number;
    try {
      number = new BigDecimal(digits.replace(",", ""));
    } catch (NumberFormatException e) {
      throw row.reject("达到值“" + value + "”不是数字或百分比（可带单位，如 20000人次）。");
    }
    if (percentTarget && !percent) {
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
    return number.stripTrailingZeros().toPlainString() + (percent ? "%" : unit);
  }

  /** The unit of a target written as a number and a unit ("76800人次" gives 人次), or "" for any other target. */
  private static String unitOf(String target) {
    Matcher matcher = NUMBER_AND_UNIT.matcher(target.strip());
    return matcher.matches() ? matcher.group(2).strip() : "";
  }
}
