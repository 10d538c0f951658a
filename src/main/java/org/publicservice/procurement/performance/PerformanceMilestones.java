package org.publicservice.procurement.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.contract.ContractRegister;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * The milestones of the contract's payment schedule as the performance stage works through them. In expressions:
 * {@code ${performanceMilestones.phased(execution)}}, the indexes of the milestones accepted during the service (all
 * but the final payment, which follows the performance evaluation). The schedule of a contract signed on this
 * platform is read from the contract register; the {@code milestones} variable serves a contract signed elsewhere.
 */
@Component("performanceMilestones")
public class PerformanceMilestones {

  /** One milestone of the schedule. */
  public record Planned(int index, String name, BigDecimal amount, LocalDate dueDate, boolean finalPayment) {
  }

  private final ContractRegister contracts;

  public PerformanceMilestones(ContractRegister contracts) {
    this.contracts = contracts;
  }

  public List<Integer> phased(VariableScope scope) {
    List<Planned> all = all(scope);
    return all.stream().limit(Math.max(0, all.size() - 1)).map(Planned::index).toList();
  }

  public List<Planned> all(VariableScope scope) {
    Object contractId = scope.getVariable(PerformanceVariables.CONTRACT_ID);
    List<Map<String, Object>> rows = contractId == null ? List.of() : contracts.find(contractId.toString())
        .filter(contract -> ContractRegister.SIGNED.equals(contract.status()))
        .map(contract -> JsonValues.rows(contract.milestonesJson())).orElse(List.of());
    if (rows.isEmpty()) {
      rows = JsonValues.rows(scope.getVariable(PerformanceVariables.MILESTONES));
    }
    return rows.stream().map(row -> new Planned(((Number) row.get("index")).intValue(), row.get("name").toString(),
        new BigDecimal(row.get("amount").toString()), LocalDate.parse(row.get("dueDate").toString()),
        Boolean.TRUE.equals(row.get("finalPayment")))).toList();
  }

  public Planned at(VariableScope scope, int index) {
    return all(scope).stream().filter(m -> m.index() == index).findFirst()
        .orElseThrow(() -> new IllegalStateException("no milestone " + index + " in the contract's schedule"));
  }
}
