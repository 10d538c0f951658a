package org.publicservice.procurement.calendar;

import java.time.Instant;
import java.util.List;

/**
 * The holidays and make-up working days of one year, with where they come from ({@code notice}: the State
 * Council notice, or the rule they were computed from).
 */
public record YearSchedule(int year, ScheduleStatus status, String notice, String updatedBy, Instant updatedAt,
    List<SpecialDay> days) {

  public YearSchedule {
    days = List.copyOf(days);
  }

  public boolean isOfficial() {
    return status == ScheduleStatus.OFFICIAL;
  }

  public List<SpecialDay> holidays() {
    return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList();
  }

  public List<SpecialDay> makeupWorkdays() {
    return days.stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).toList();
  }
}
