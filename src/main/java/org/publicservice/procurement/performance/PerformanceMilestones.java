package org.publicservice.procurement.performance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.contract.ContractRegister;
import org.publicservice.procurement.contract.PaymentSchedule.Instalment;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * The milestones of the contract's payment schedule as the performance stage works through them. In expressions:
 * {@code ${performanceMilestones.phased(execution)}}, the indexes of the milestones accepted during the service (all
 * but the final payment, which follows the performance evaluation). The schedule of a contract signed on this
 * platform is read from the contract register; the {@code milestones} variable serves a contract signed elsewhere.
 */
@Component("performanceMilestones")
public class PerformanceMilestones {

  private final ContractRegister contracts;

  public PerformanceMilestones(ContractRegister contracts) {
    this.contracts = contracts;
  }

  public List<Integer> phased(VariableScope scope) {
    List<Instalment> all = all(scope);
    return all.stream().limit(Math.max(0, all.size() - 1)).map(Instalment::index).toList();
  }

  public List<Instalment> all(VariableScope scope) {
    Object contractId = scope.getVariable(PerformanceVariables.CONTRACT_ID);
    List<Instalment> signed = contractId == null ? List.of() : contracts.find(contractId.toString())
        .filter(contract -> ContractRegister.SIGNED.equals(contract.status()))
        .map(contract -> Instalment.list(contract.milestonesJson())).orElse(List.of());
    return signed.isEmpty() ? Instalment.list(scope.getVariable(PerformanceVariables.MILESTONES)) : signed;
  }

  /**
   * The first day of the milestone's period: the day after the previous milestone's date, for the first milestone
   * the first day of the service period (or none when the purchase states no period). Nothing of a milestone may be
   * reported or accepted before it: the service it pays for has not been delivered yet.
   */
  public Optional<LocalDate> periodStart(VariableScope scope, int index) {
    Optional<LocalDate> previous = all(scope).stream().filter(m -> m.index() < index).map(Instalment::dueDate)
        .max(Comparator.naturalOrder());
    if (previous.isPresent()) {
      return Optional.of(previous.get().plusDays(1));
    }
    Object start = scope.getVariable(PlanningVariables.SERVICE_PERIOD_START);
    return start == null || start.toString().isBlank() ? Optional.empty()
        : Optional.of(LocalDate.parse(start.toString().substring(0, 10)));
  }

  /** Refuses a report or acceptance of the current milestone before its period has begun, naming the first day. */
  public void refuseBeforePeriod(VariableScope scope, String what) {
    int index = ((Number) scope.getVariable(PerformanceVariables.MILESTONE_INDEX)).intValue();
    Optional<LocalDate> start = periodStart(scope, index);
    if (start.isPresent() && ProcurementTime.today().isBefore(start.get())) {
      throw FormRules.reject(null, "本期（" + scope.getVariable(PerformanceVariables.MILESTONE_NAME) + "）的服务期自"
          + start.get() + "开始，服务尚未提供，不能" + what + "（政府采购法实施条例第四十五条：按合同约定的技术、服务等要求验收）。");
    }
  }

  /** The start of the day the schedule sets for the current milestone's payment (Beijing time). */
  public Date paymentDate(VariableScope scope) {
    LocalDate due = LocalDate.parse(scope.getVariable(PerformanceVariables.MILESTONE_DUE_DATE).toString());
    return Date.from(due.atStartOfDay(ProcurementTime.ZONE).toInstant());
  }

  /** Whether the current milestone, accepted now, is to wait for its scheduled payment date. */
  public boolean beforePaymentDate(VariableScope scope) {
    return ClockUtil.getCurrentTime().before(paymentDate(scope));
  }

  public Instalment at(VariableScope scope, int index) {
    return all(scope).stream().filter(m -> m.index() == index).findFirst()
        .orElseThrow(() -> new IllegalStateException("no milestone " + index + " in the contract's schedule"));
  }
}
