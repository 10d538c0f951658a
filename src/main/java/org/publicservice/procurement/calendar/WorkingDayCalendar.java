package org.publicservice.procurement.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * The Chinese working-day calendar (工作日) of every statutory period, as a bean for BPMN expressions:
 * {@code ${workingDays.after(now(), 5)}} is the deadline 5 working days after today, and
 * {@code ${workingDays.calendarDaysAfter(now(), 15)}} 15 calendar days after today, moved to the next working day
 * when it lands on a weekend or holiday. Both end at 23:59:59 Beijing time of that day, because a period that is
 * counted in days ends at midnight of its last day (民法典 Art 203).
 *
 * <p>Schedules entered by administrators are read from the database; a year without one uses the statutory
 * holidays (provisional). Every call compares a revision stamp with the database, so a schedule stored on any node
 * is used at once by every node.
 */
@Component("workingDays")
public class WorkingDayCalendar {

  /** The time of day a period ends. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final HolidayScheduleRepository repository;
  private final Map<Integer, YearSchedule> computed = new ConcurrentHashMap<>();
  private volatile Snapshot snapshot;

  public WorkingDayCalendar(HolidayScheduleRepository repository) {
    this.repository = repository;
  }

  /** Expressions: the deadline {@code workingDays} working days after {@code start} (Date, LocalDate or ISO text). */
  public Date after(Object start, int workingDays) {
    return endOf(addWorkingDays(toLocalDate(start), workingDays));
  }

  /** Expressions: the deadline {@code days} calendar days after {@code start}, moved to a working day. */
  public Date calendarDaysAfter(Object start, int days) {
    return endOf(addCalendarDays(toLocalDate(start), days));
  }

  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    return rules().addWorkingDays(start, workingDays);
  }

  public LocalDate addCalendarDays(LocalDate start, int days) {
    return rules().addCalendarDays(start, days);
  }

  public boolean isWorkingDay(LocalDate day) {
    return rules().isWorkingDay(day);
  }

  /** The schedule that applies to {@code year}: the stored one, or the computed provisional one. */
  public YearSchedule schedule(int year) {
    YearSchedule stored = current().years().get(year);
    return stored != null ? stored : provisional(year);
  }

  /** The years a deadline computed today may reach that still lack an official schedule. */
  public List<Integer> provisionalYearsInUse() {
    return yearsInUse().stream().filter(year -> !schedule(year).isOfficial()).toList();
  }

  /**
   * The current year, and from November on also the next one: the State Council announces a year's schedule in
   * November or December, and periods started in December end in January.
   */
  public static List<Integer> yearsInUse() {
    LocalDate today = ProcurementTime.today();
    return today.getMonthValue() >= 11 ? List.of(today.getYear(), today.getYear() + 1) : List.of(today.getYear());
  }

  /** The computed schedule of a year without a notice: statutory holidays only. */
  public YearSchedule provisional(int year) {
    return computed.computeIfAbsent(year, y -> new YearSchedule(y, ScheduleStatus.PROVISIONAL,
        StatutoryHolidays.SOURCE, "system", Instant.EPOCH, StatutoryHolidays.of(y)));
  }

  /** The end of {@code day} in Beijing time, as engines and forms store deadlines. */
  public static Date endOf(LocalDate day) {
    return Date.from(day.atTime(END_OF_DAY).atZone(ProcurementTime.ZONE).toInstant());
  }

  private WorkingDayRules rules() {
    Snapshot current = current();
    return new WorkingDayRules(day -> {
      SpecialDay stored = current.days().get(day);
      if (stored != null) {
        return Optional.of(stored);
      }
      if (current.years().containsKey(day.getYear())) {
        return Optional.empty();
      }
      return provisional(day.getYear()).days().stream().filter(d -> d.date().equals(day)).findFirst();
    });
  }

  private Snapshot current() {
    String stamp = repository.stamp();
    Snapshot cached = snapshot;
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached;
    }
    Map<Integer, YearSchedule> years = repository.findAll();
    Map<LocalDate, SpecialDay> days = new HashMap<>();
    // a notice may also cover the last days of the previous December; the year's own notice wins
    years.values().forEach(year -> year.days().forEach(day -> {
      if (day.date().getYear() == year.year()) {
        days.put(day.date(), day);
      } else {
        days.putIfAbsent(day.date(), day);
      }
    }));
    Snapshot fresh = new Snapshot(stamp, Map.copyOf(years), Map.copyOf(days));
    snapshot = fresh;
    return fresh;
  }

  static LocalDate toLocalDate(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ProcurementTime.ZONE).toLocalDate();
    }
    if (value instanceof Calendar calendar) {
      return calendar.toInstant().atZone(ProcurementTime.ZONE).toLocalDate();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.atZoneSameInstant(ProcurementTime.ZONE).toLocalDate();
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.withZoneSameInstant(ProcurementTime.ZONE).toLocalDate();
    }
    if (value instanceof String text && !text.isBlank()) {
      String trimmed = text.trim();
      return trimmed.length() > 10
          ? OffsetDateTime.parse(trimmed).atZoneSameInstant(ProcurementTime.ZONE).toLocalDate()
          : LocalDate.parse(trimmed);
    }
    throw new IllegalArgumentException("Not a date: " + value);
  }

  private record Snapshot(String stamp, Map<Integer, YearSchedule> years, Map<LocalDate, SpecialDay> days) {
  }
}
