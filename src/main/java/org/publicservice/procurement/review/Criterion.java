package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.util.List;
import org.publicservice.procurement.purchase.JsonValues;

/** A scoring criterion of the tender documents ({@code evaluationCriteria}): its name and maximum score. */
public record Criterion(String name, BigDecimal maxScore) {

  public static List<Criterion> list(Object json) {
    return JsonValues.rows(json).stream()
        .map(row -> new Criterion(String.valueOf(row.get("name")), new BigDecimal(String.valueOf(row.get("maxScore")))))
        .toList();
  }
}
