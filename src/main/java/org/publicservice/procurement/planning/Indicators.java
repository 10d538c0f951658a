package org.publicservice.procurement.planning;

import static org.publicservice.procurement.planning.PlanningVariables.INDICATORS;
import static org.publicservice.procurement.planning.PlanningVariables.INDICATORS_TEXT;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The performance indicators of a request (服务标准和绩效指标), between the lines a department types
 * ("服务对象满意度：90%") and the list of {@code {name, target}} the later stages measure against.
 */
final class Indicators {

  static final int MAX_INDICATORS = 30;
  static final int MAX_LENGTH = 200;

  private Indicators() {
  }

  static List<Map<String, Object>> parse(String text) {
    List<Map<String, Object>> indicators = new ArrayList<>();
    int line = 0;
    for (String raw : text.split("\\R")) {
      line++;
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int separator = firstSeparator(entry);
      if (separator <= 0 || separator == entry.length() - 1) {
        throw reject(INDICATORS_TEXT, "服务指标第" + line + "行应为“指标名称：目标值”，例如“服务对象满意度：90%”。");
      }
      indicators.add(indicator(entry.substring(0, separator).strip(), entry.substring(separator + 1).strip(), line));
    }
    return limit(indicators);
  }

  /** Rows an API client sent as JSON: each needs a name and a target. */
  static List<Map<String, Object>> check(List<Map<String, Object>> rows) {
    List<Map<String, Object>> indicators = new ArrayList<>();
    int line = 0;
    for (Map<String, Object> row : rows) {
      line++;
      Object name = row.get("name");
      Object target = row.get("target");
      if (name == null || name.toString().isBlank() || target == null || target.toString().isBlank()) {
        throw reject(INDICATORS, "第" + line + "项服务指标缺少指标名称或目标值。");
      }
      Object unit = row.get("unit");
      indicators.add(indicator(name.toString().strip(),
          target.toString().strip() + (unit == null ? "" : unit.toString().strip()), line));
    }
    return limit(indicators);
  }

  static String format(List<Map<String, Object>> indicators) {
    return indicators.stream().map(i -> i.get("name") + "：" + i.get("target")).collect(Collectors.joining("\n"));
  }

  private static Map<String, Object> indicator(String name, String target, int line) {
    if (name.isEmpty() || target.isEmpty()) {
      throw reject(INDICATORS_TEXT, "第" + line + "项服务指标缺少指标名称或目标值。");
    }
    if (name.length() > MAX_LENGTH || target.length() > MAX_LENGTH) {
      throw reject(INDICATORS_TEXT, "第" + line + "项服务指标过长（名称和目标值各不超过" + MAX_LENGTH + "个字）。");
    }
    Map<String, Object> indicator = new LinkedHashMap<>();
    indicator.put("name", name);
    indicator.put("target", target);
    return indicator;
  }

  private static List<Map<String, Object>> limit(List<Map<String, Object>> indicators) {
    if (indicators.size() > MAX_INDICATORS) {
      throw reject(INDICATORS_TEXT, "服务指标不能超过" + MAX_INDICATORS + "项。");
    }
    return indicators;
  }

  private static int firstSeparator(String entry) {
    int full = entry.indexOf('：');
    int half = entry.indexOf(':');
    if (full < 0) {
      return half;
    }
    return half < 0 ? full : Math.min(full, half);
  }
}
