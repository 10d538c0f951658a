package org.publicservice.procurement.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * How statutory periods are counted (87号令第八十五条, 94号令第四十二条): the day the period starts from is not
 * counted, and a period whose last day is not a working day ends on the next working day.
 */
public final class WorkingDayRules {

  /** A period longer than this is a mistake in a model, not a statutory period. */
  static final int MAX_DAYS = 3660;

  private final Function<LocalDate, Optional<SpecialDay>> specialDays;

  /** {@code specialDays} tells which days the schedules make days off or make-up working days. */
  public WorkingDayRules(Function<LocalDate, Optional<SpecialDay>> specialDays) {
    this.specialDays = specialDays;
  }

  public boolean isWorkingDay(LocalDate day) {
    Optional<SpecialDay> special = specialDays.apply(day);
    if (special.isPresent()) {
      return special.get().kind() == DayKind.MAKEUP_WORKDAY;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /** The last day of a period of {@code workingDays} working days starting after {@code start}. */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    check(workingDays);
    LocalDate day = start;
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The last day of a period of {@code days} calendar days after {@code start}, moved to a working day. */
  public LocalDate addCalendarDays(LocalDate start, int days) {
    check(days);
    return nextWorkingDayFrom(start.plusDays(days));
  }

  /** {@code day} itself when it is a working day, else the first working day after it. */
  public LocalDate nextWorkingDayFrom(LocalDate day) {
    LocalDate candidate = day;
    while (!isWorkingDay(candidate)) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  private static void check(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("A period must be between 1 and " + MAX_DAYS + " days, not " + days);
    }
  }
}
