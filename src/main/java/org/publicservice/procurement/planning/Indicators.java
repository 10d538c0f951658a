package org.publicservice.procurement.planning;

import static org.publicservice.procurement.planning.PlanningVariables.INDICATORS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.purchase.FormList;

/**
 * The performance indicators of a request (绩效指标): a table of {@code {name, target}} that the department fills in
 * the request form, one row per indicator, and that the later stages measure against (the contract, the progress
 * reports, the self-evaluation and the third party's evaluation).
 */
public final class Indicators {

  /** The most indicators a request may set: each is reported on and scored in every later stage. */
  public static final int MAX_INDICATORS = 30;
  /** The longest name and the longest target. */
  public static final int MAX_LENGTH = 200;
  public static final String NAME = "name";
  public static final String TARGET = "target";
  /** What the form and the messages call the table. */
  static final String LABEL = "绩效指标";

  private Indicators() {
  }

  /** The submitted table, trimmed; refuses an empty one, a row without name or target, and too many rows. */
  static List<Map<String, Object>> read(VariableScope scope) {
    return FormList.of(scope, INDICATORS, LABEL).required("请至少填写一项" + LABEL + "。").atMost(MAX_INDICATORS)
        .rows().stream().map(row -> {
          Map<String, Object> indicator = new LinkedHashMap<>();
          indicator.put(NAME, row.requiredText(NAME, "指标名称", MAX_LENGTH));
          indicator.put(TARGET, row.requiredText(TARGET, "目标值", MAX_LENGTH));
          return indicator;
        }).toList();
  }
}
