package org.publicservice.procurement.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.form.JsonValues;
import org.springframework.stereotype.Component;

/**
 * The milestones of the contract's payment schedule as the performance stage works through them. In expressions:
 * {@code ${performanceMilestones.phased(execution)}}, the indexes of the milestones accepted during the service (all
 * but the final payment, which follows the performance evaluation).
 */
@Component("performanceMilestones")
public class PerformanceMilestones {

  /** One milestone of the schedule. */
  public record Planned(int index, String name, BigDecimal amount, LocalDate dueDate, boolean finalPayment) {
  }

  public List<Integer> phased(VariableScope scope) {
    List<Planned> all = all(scope);
    return all.stream().limit(Math.max(0, all.size() - 1)).map(Planned::index).toList();
  }

  public static List<Planned> all(VariableScope scope) {
    List<Map<String, Object>> rows = JsonValues.rows(scope.getVariable(PerformanceVariables.MILESTONES));
    return rows.stream().map(row -> new Planned(((Number) row.get("index")).intValue(), row.get("name").toString(),
        new BigDecimal(row.get("amount").toString()), LocalDate.parse(row.get("dueDate").toString()),
        Boolean.TRUE.equals(row.get("finalPayment")))).toList();
  }

  public static Planned at(VariableScope scope, int index) {
    return all(scope).stream().filter(m -> m.index() == index).findFirst()
        .orElseThrow(() -> new IllegalStateException("no milestone " + index + " in the contract's schedule"));
  }
}
