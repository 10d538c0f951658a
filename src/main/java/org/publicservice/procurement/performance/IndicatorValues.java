package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.INDICATOR_VALUES_TEXT;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values an organisation reports for the contract's indicators, one line each: "服务对象满意度：92%" or
 * "上门服务人次：1200". A percentage lies between 0% and 100%; a number is not negative; an indicator whose target is a
 * percentage is reported as one. Every indicator is reported once.
 */
final class IndicatorValues {

  static final BigDecimal HUNDRED = new BigDecimal("100");
  static final BigDecimal LARGEST = new BigDecimal("1000000000");

  private IndicatorValues() {
  }

  static List<Map<String, Object>> parse(String text, List<Map<String, Object>> indicators) {
    Map<String, String> targets = new LinkedHashMap<>();
    indicators.forEach(i -> targets.put(i.get("name").toString().strip(), String.valueOf(i.get("target")).strip()));
    Map<String, Map<String, Object>> reported = new LinkedHashMap<>();
    int number = 0;
    for (String raw : text.split("\\R")) {
      number++;
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      int separator = separator(line);
      if (separator <= 0) {
        throw reject(INDICATOR_VALUES_TEXT, "指标达到值第" + number + "行应为“指标名称：达到值”，例如“服务对象满意度：92%”。");
      }
      String name = line.substring(0, separator).strip();
      String value = line.substring(separator + 1).strip();
      if (!targets.containsKey(name)) {
        throw reject(INDICATOR_VALUES_TEXT, "“" + name + "”不是合同约定的服务指标。");
      }
      if (reported.containsKey(name)) {
        throw reject(INDICATOR_VALUES_TEXT, "指标“" + name + "”填写了两次。");
      }
      if (value.isEmpty()) {
        throw reject(INDICATOR_VALUES_TEXT, "请填写指标“" + name + "”的达到值。");
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("name", name);
      result.put("target", targets.get(name));
      result.put("reached", checked(name, value, targets.get(name)));
      reported.put(name, result);
    }
    for (String name : targets.keySet()) {
      if (!reported.containsKey(name)) {
        throw reject(INDICATOR_VALUES_TEXT, "请填写指标“" + name + "”的达到值。");
      }
    }
    return new ArrayList<>(reported.values());
  }

  /** A number at the start of a target or value, and the unit written after it (人次, 次, 个, 元 ...). */
  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("^([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([^0-9%％]*)$");

  /**
   * The reached value as a number with the indicator's unit: the request accepts targets such as "76800人次", so
   * a value is a number, a percentage for a percentage target, or a number with the target's unit ("20000人次").
   */
  private static String checked(String name, String value, String target) {
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
          throw reject(INDICATOR_VALUES_TEXT, "指标“" + name + "”的目标是“" + target + "”，达到值的单位应为“" + targetUnit
              + "”（如 20000" + targetUnit + "），或只填数字。");
        }
      }
    }
    BigDecimal number;
    try {
      number = new BigDecimal(digits.replace(",", ""));
    } catch (NumberFormatException e) {
      throw reject(INDICATOR_VALUES_TEXT, "指标“" + name + "”的达到值“" + value + "”不是数字或百分比（可带单位，如 20000人次）。");
    }
    if (percentTarget && !percent) {
      throw reject(INDICATOR_VALUES_TEXT, "指标“" + name + "”的目标是百分比，请按百分比填写达到值（如 92%）。");
    }
    if (number.signum() < 0) {
      throw reject(INDICATOR_VALUES_TEXT, "指标“" + name + "”的达到值不能为负数。");
    }
    if (percent && number.compareTo(HUNDRED) > 0) {
      throw reject(INDICATOR_VALUES_TEXT, "指标“" + name + "”的达到值" + value + "超出范围，百分比应在0%至100%之间。");
    }
    if (number.compareTo(LARGEST) > 0) {
      throw reject(INDICATOR_VALUES_TEXT, "指标“" + name + "”的达到值" + value + "超出范围。");
    }
    return number.stripTrailingZeros().toPlainString() + (percent ? "%" : unit);
  }

  /** The unit of a target written as a number and a unit ("76800人次" gives 人次), or "" for any other target. */
  private static String unitOf(String target) {
    Matcher matcher = NUMBER_AND_UNIT.matcher(target.strip());
    return matcher.matches() ? matcher.group(2).strip() : "";
  }

  private static int separator(String line) {
    int full = line.indexOf('：');
    int half = line.indexOf(':');
    return full < 0 ? half : half < 0 ? full : Math.min(full, half);
  }
}
