package org.publicservice.procurement.performance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.publicservice.procurement.purchase.JsonValues;

/** The progress report's table of values as Tasklist submits it ({@link PerformanceVariables#INDICATOR_RESULTS}). */
public final class ProgressReports {

  private ProgressReports() {
  }

  /** One row per value, in the order of the contract's indicators. */
  public static JsonValue reached(String... values) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String value : values) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(PerformanceVariables.REACHED, value);
      rows.add(row);
    }
    return SpinValues.jsonValue(JsonValues.toJson(rows)).create();
  }
}
