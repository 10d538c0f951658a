package org.publicservice.procurement.calendar;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, warns in the log about years in use without an official schedule and runs the check at once, so
 * the administrators' task exists without waiting for the daily timer.
 */
@Component
public class HolidayScheduleStartupCheck {

  private static final Logger LOG = LoggerFactory.getLogger(HolidayScheduleStartupCheck.class);

  private final WorkingDayCalendar calendar;
  private final RuntimeService runtimeService;

  public HolidayScheduleStartupCheck(WorkingDayCalendar calendar, RuntimeService runtimeService) {
    this.calendar = calendar;
    this.runtimeService = runtimeService;
  }

  @EventListener
  public void onDeployed(PostDeployEvent event) {
    for (int year : calendar.provisionalYearsInUse()) {
      LOG.warn("No official holiday schedule for {}: working-day deadlines in {} use the statutory holidays only "
          + "(provisional). An administrator should enter the State Council notice through process {} (维护节假日安排).",
          year, year, HolidayScheduleVariables.MAINTAIN_PROCESS);
    }
    try {
      runtimeService.startProcessInstanceByMessage(HolidayScheduleVariables.CHECK_NOW_MESSAGE);
    } catch (RuntimeException e) {
      // the daily timer runs the check again; a failure here must not keep the application from starting
      LOG.error("Could not run the holiday schedule check at start-up", e);
    }
  }
}
