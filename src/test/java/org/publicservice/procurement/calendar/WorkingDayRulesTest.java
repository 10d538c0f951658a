package org.publicservice.procurement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The counting rules on the 2026 official schedule (domain.md §5) and the computed 2027 statutory holidays. */
class WorkingDayRulesTest {

  private final Map<LocalDate, SpecialDay> days = new HashMap<>();
  private final WorkingDayRules rules = new WorkingDayRules(day -> Optional.ofNullable(days.get(day)));

  WorkingDayRulesTest() {
    off("2026-01-01", "2026-01-03", "元旦");
    work("2026-01-04", "元旦");
    off("2026-02-15", "2026-02-23", "春节");
    work("2026-02-14", "春节");
    work("2026-02-28", "春节");
    off("2026-04-04", "2026-04-06", "清明节");
    off("2026-05-01", "2026-05-05", "劳动节");
    work("2026-05-09", "劳动节");
    off("2026-06-19", "2026-06-21", "端午节");
    off("2026-09-25", "2026-09-27", "中秋节");
    off("2026-10-01", "2026-10-07", "国庆节");
    work("2026-09-20", "国庆节");
    work("2026-10-10", "国庆节");
    StatutoryHolidays.of(2027).forEach(day -> days.put(day.date(), day));
  }

  @Test
  void theStartDayIsNotCounted() {
    assertThat(rules.addWorkingDays(date("2026-03-02"), 1)).isEqualTo("2026-03-03");
    assertThat(rules.addWorkingDays(date("2026-03-06"), 1)).isEqualTo("2026-03-09");
  }

  @Test
  void workingDaysAcrossSpringFestival2026CountTheMakeUpSaturday() {
    // Fri 13, Sat 14 (worked), 15-23 off, Tue 24, Wed 25, Thu 26
    assertThat(rules.addWorkingDays(date("2026-02-12"), 5)).isEqualTo("2026-02-26");
    assertThat(rules.addWorkingDays(date("2026-02-27"), 1)).isEqualTo("2026-02-28");
  }

  @Test
  void workingDaysAcrossNationalDay2026EndOnTheMakeUpSaturday() {
    // 1-7 off, Thu 8, Fri 9, Sat 10 (worked)
    assertThat(rules.addWorkingDays(date("2026-09-30"), 3)).isEqualTo("2026-10-10");
    assertThat(rules.isWorkingDay(date("2026-10-10"))).isTrue();
    assertThat(rules.isWorkingDay(date("2026-10-11"))).isFalse();
    assertThat(rules.isWorkingDay(date("2026-09-20"))).isTrue();
  }

  @Test
  void tenWorkingDaysFromChristmasEve2026SkipTheComputed2027NewYearsDay() {
    // Dec 25, 28, 29, 30, 31, (Jan 1 off) Jan 4, 5, 6, 7, 8
    assertThat(rules.addWorkingDays(date("2026-12-24"), 10)).isEqualTo("2027-01-08");
  }

  @Test
  void workingDaysAcrossTheComputed2027SpringFestival() {
    // Thu Feb 4; Fri 5 (除夕) to Mon 8 (初三) off; Tue 9, Wed 10
    assertThat(rules.addWorkingDays(date("2027-02-03"), 3)).isEqualTo("2027-02-10");
  }

  @Test
  void calendarDaysEndingOnAHolidayMoveToTheNextWorkingDay() {
    assertThat(rules.addCalendarDays(date("2026-09-20"), 15)).isEqualTo("2026-10-08");
    assertThat(rules.addCalendarDays(date("2026-03-02"), 5)).isEqualTo("2026-03-09");
    assertThat(rules.addCalendarDays(date("2026-03-02"), 3)).isEqualTo("2026-03-05");
    // a make-up Saturday is a working day, so a period may end on it
    assertThat(rules.addCalendarDays(date("2026-02-07"), 7)).isEqualTo("2026-02-14");
  }

  @Test
  void aPeriodMustBeAtLeastOneDay() {
    assertThatThrownBy(() -> rules.addWorkingDays(date("2026-03-02"), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rules.addCalendarDays(date("2026-03-02"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void off(String first, String last, String name) {
    for (LocalDate d = date(first); !d.isAfter(date(last)); d = d.plusDays(1)) {
      days.put(d, new SpecialDay(d, DayKind.HOLIDAY, name));
    }
  }

  private void work(String day, String name) {
    days.put(date(day), new SpecialDay(date(day), DayKind.MAKEUP_WORKDAY, name));
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }
}
