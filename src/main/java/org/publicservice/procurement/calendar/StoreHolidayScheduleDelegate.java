package org.publicservice.procurement.calendar;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores the submitted schedule as the year's official one, replacing the provisional or earlier data, and closes
 * the warning for that year. Deadlines computed from then on, on every node, use it.
 */
@Component
public class StoreHolidayScheduleDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StoreHolidayScheduleDelegate.class);

  private final HolidayScheduleRepository repository;

  public StoreHolidayScheduleDelegate(HolidayScheduleRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object enteredBy = execution.getVariable(HolidayScheduleVariables.ENTERED_BY);
    YearSchedule schedule = HolidayScheduleForm.read(execution, enteredBy == null ? "system" : enteredBy.toString(),
        ClockUtil.getCurrentTime().toInstant());
    repository.save(schedule);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    runtime.createMessageCorrelation(HolidayScheduleVariables.SCHEDULE_ENTERED_MESSAGE)
        .processInstanceBusinessKey(HolidayScheduleVariables.warningKey(schedule.year()))
        .correlateAllWithResult();
    LOG.info("Official holiday schedule of {} stored by {} ({} days, notice {})", schedule.year(),
        schedule.updatedBy(), schedule.days().size(), schedule.notice());
  }
}
