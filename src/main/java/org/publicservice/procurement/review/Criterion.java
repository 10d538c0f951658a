package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * A scoring criterion of the tender documents ({@code evaluationCriteria}): its name and maximum score. Written by the
 * tender stage's documents and read by the review's scoring and ranking, always through this record; the documents
 * form's table has the same columns.
 */
public record Criterion(String name, BigDecimal maxScore) {

  /** The criteria as the variable that carries them from stage to stage (and back into the documents form). */
  public static SerializableValue json(List<Criterion> criteria) {
    return JsonValues.json(criteria);
  }

  public static List<Criterion> list(Object json) {
    return JsonValues.rows(json).stream()
        .map(row -> new Criterion(String.valueOf(row.get("name")), new BigDecimal(String.valueOf(row.get("maxScore")))))
        .toList();
  }
}
