package org.publicservice.procurement.planning;

import static org.publicservice.procurement.planning.PlanningVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;

/** A valid purchase request as the start form submits it; tests change one field to break one rule. */
public final class PurchaseRequests {

  private PurchaseRequests() {
  }

  public static VariableMap elderlyCare(long budget) {
    LocalDate start = ProcurementTime.today().plusMonths(2).withDayOfMonth(1);
    return Variables.createVariables()
        .putValue(SERVICE_NAME, "崇川区居家养老上门服务")
        .putValue(SERVICE_CATEGORY, "ELDERLY_CARE")
        .putValue(SERVICE_DESCRIPTION, "为辖区内800名失能、半失能老人提供助餐、助洁、助浴等上门服务。")
        .putValue(SERVICE_STANDARDS, "每名老人每月上门服务不少于8次，每次不少于1小时，服务记录可追溯。")
        .putValueTyped(INDICATORS, indicators("服务对象满意度", "90%", "上门服务人次", "76800人次"))
        .putValue(BUDGET, budget)
        .putValue(SERVICE_PERIOD_START, start.toString())
        .putValue(SERVICE_PERIOD_END, start.plusYears(1).minusDays(1).toString())
        .putValue(REGION, "南通市崇川区")
        .putValue(SERVES_PUBLIC, true)
        .putValue(NEEDS_ASSESSMENT, "2026年9月对辖区老人开展入户问卷调查，并召开专家论证会。")
        .putValue(SURVEY_RESPONDENTS, 120)
        .putValue(SINGLE_SOURCE_GROUND, "NONE");
  }

  /** The indicators table as the request form submits it: name, target, name, target, ... */
  public static JsonValue indicators(String... namesAndTargets) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < namesAndTargets.length; i += 2) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", namesAndTargets[i]);
      row.put("target", namesAndTargets[i + 1]);
      rows.add(row);
    }
    return SpinValues.jsonValue(JsonValues.toJson(rows)).create();
  }
}
