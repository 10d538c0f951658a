package org.publicservice.procurement.tender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.publicservice.procurement.purchase.JsonValues;

/** The documents' criteria table as Tasklist submits it ({@link TenderVariables#EVALUATION_CRITERIA}). */
public final class CriteriaTable {

  private CriteriaTable() {
  }

  /** Rows from name, maximum score, name, maximum score, ... */
  public static JsonValue of(Object... namesAndScores) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < namesAndScores.length; i += 2) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(TenderVariables.CRITERION_NAME, namesAndScores[i]);
      row.put(TenderVariables.CRITERION_MAX_SCORE, namesAndScores[i + 1]);
      rows.add(row);
    }
    return SpinValues.jsonValue(JsonValues.toJson(rows)).create();
  }
}
