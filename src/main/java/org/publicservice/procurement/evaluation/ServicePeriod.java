package org.publicservice.procurement.evaluation;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.planning.PlanningVariables;
import org.springframework.stereotype.Component;

/**
 * The service period of the purchase in expressions: the evaluation stage starts when it is over
 * ({@code ${servicePeriod.running(execution)}}, {@code ${servicePeriod.end(execution)}}): the performance
 * evaluation judges the service of the whole period, so it never starts while the service still runs.
 */
@Component("servicePeriod")
public class ServicePeriod {

  /** The end of the last day of the service period, Beijing time; {@code null} when the purchase states none. */
  public Date end(VariableScope scope) {
    Object end = scope.getVariable(PlanningVariables.SERVICE_PERIOD_END);
    return end == null || end.toString().isBlank() ? null
        : WorkingDayCalendar.endOf(LocalDate.parse(end.toString().substring(0, 10)));
  }

  /** Whether the service period still runs now (engine clock). */
  public boolean running(VariableScope scope) {
    Date end = end(scope);
    return end != null && ClockUtil.getCurrentTime().before(end);
  }
}
