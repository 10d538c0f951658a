package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.JsonValues;

/** The review's tables as Tasklist submits them (one JSON list per table, only the fields the user fills). */
public final class ReviewSheets {

  private ReviewSheets() {
  }

  /**
   * The qualification table: one decision per opened bid, PASS or FAIL; a FAIL is followed by its reason, e.g.
   * {@code qualification("PASS", "FAIL", "未提供社保缴纳证明", "PASS")}.
   */
  public static VariableMap qualification(String... decisionsAndReasons) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < decisionsAndReasons.length; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(QUALIFICATION, decisionsAndReasons[i]);
      if (FAIL.equals(decisionsAndReasons[i])) {
        row.put(QUALIFICATION_REASON, decisionsAndReasons[++i]);
      }
      rows.add(row);
    }
    return Variables.createVariables()
        .putValueTyped(QUALIFICATION_SHEET, SpinValues.jsonValue(JsonValues.toJson(rows)).create());
  }

  /** A score sheet: {@code scores[bid][criterion]} in the order of the form's rows; NaN leaves a score empty. */
  public static VariableMap scores(double[][] scores) {
    List<Map<String, Object>> bids = new ArrayList<>();
    for (double[] bid : scores) {
      List<Map<String, Object>> criteria = new ArrayList<>();
      for (double score : bid) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(SCORE, Double.isNaN(score) ? null : score);
        criteria.add(row);
      }
      bids.add(Map.of(SHEET_SCORES, criteria));
    }
    return Variables.createVariables()
        .putValueTyped(SCORE_SHEET, SpinValues.jsonValue(JsonValues.toJson(bids)).create());
  }
}
