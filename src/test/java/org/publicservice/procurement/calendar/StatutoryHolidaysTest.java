package org.publicservice.procurement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The computed statutory holidays against the dates of the State Council's schedules 2016-2026 and published
 * calendars for 2027-2030.
 */
class StatutoryHolidaysTest {

  @Test
  void midAutumnOnANationalDayHolidayIsOneDayOfTheSchedule() {
    // 2028-10-03 is both 中秋节 and the third day of 国庆节: two rows of one date broke the schedule's primary key
    var days = StatutoryHolidays.of(2028);
    assertThat(days).extracting(SpecialDay::date).doesNotHaveDuplicates();
    assertThat(days).filteredOn(day -> day.date().equals(LocalDate.of(2028, 10, 3))).singleElement()
        .extracting(SpecialDay::name).isEqualTo("中秋节、国庆节");
    assertThat(StatutoryHolidays.of(2020)).extracting(SpecialDay::date).doesNotHaveDuplicates().hasSize(12);
  }

  @Test
  void newMoonMatchesMeeusWorkedExample() {
    // Astronomical Algorithms, example 49.a: the new moon of 1977 February, k = -283, JDE 2443192.65118
    assertThat(Astronomy.newMoonJde(-283)).isCloseTo(2443192.65118, org.assertj.core.data.Offset.offset(0.00001));
  }

  @Test
  void springFestival2027IsFebruary6BecauseTheNewMoonFallsJustBeforeMidnightInBeijing() {
    // new moon 2027-02-06 15:56 UTC (annular eclipse), 23:56 in Beijing
    double jde = Astronomy.newMoonJde(Math.round((2027.1 - 2000) * 12.3685));
    assertThat(Astronomy.toInstant(Astronomy.universalTime(jde)).atOffset(ZoneOffset.UTC).toLocalDateTime())
        .isBetween(LocalDate.of(2027, 2, 6).atTime(15, 50), LocalDate.of(2027, 2, 6).atTime(16, 0));
    assertThat(StatutoryHolidays.lunarDate(2027, 1, 1)).isEqualTo("2027-02-06");
  }

  @ParameterizedTest(name = "{0}: 春节 {1}, 清明 {2}, 端午 {3}, 中秋 {4}")
  @CsvSource({
      "2016, 2016-02-08, 2016-04-04, 2016-06-09, 2016-09-15",
      "2017, 2017-01-28, 2017-04-04, 2017-05-30, 2017-10-04",
      "2018, 2018-02-16, 2018-04-05, 2018-06-18, 2018-09-24",
      "2019, 2019-02-05, 2019-04-05, 2019-06-07, 2019-09-13",
      "2020, 2020-01-25, 2020-04-04, 2020-06-25, 2020-10-01",
      "2021, 2021-02-12, 2021-04-04, 2021-06-14, 2021-09-21",
      "2022, 2022-02-01, 2022-04-05, 2022-06-03, 2022-09-10",
      "2023, 2023-01-22, 2023-04-05, 2023-06-22, 2023-09-29",
      "2024, 2024-02-10, 2024-04-04, 2024-06-10, 2024-09-17",
      "2025, 2025-01-29, 2025-04-04, 2025-05-31, 2025-10-06",
      "2026, 2026-02-17, 2026-04-05, 2026-06-19, 2026-09-25",
      "2027, 2027-02-06, 2027-04-05, 2027-06-09, 2027-09-15"})
  void festivalsMatchTheAnnouncedSchedules(int year, LocalDate springFestival, LocalDate qingming,
      LocalDate dragonBoat, LocalDate midAutumn) {
    assertThat(StatutoryHolidays.lunarDate(year, 1, 1)).isEqualTo(springFestival);
    assertThat(StatutoryHolidays.qingming(year)).isEqualTo(qingming);
    assertThat(StatutoryHolidays.lunarDate(year, 5, 5)).isEqualTo(dragonBoat);
    assertThat(StatutoryHolidays.lunarDate(year, 8, 15)).isEqualTo(midAutumn);
  }

  @ParameterizedTest
  @CsvSource({"2028, 2028-01-26", "2029, 2029-02-13", "2030, 2030-02-03"})
  void springFestivalOfLaterYears(int year, LocalDate springFestival) {
    assertThat(StatutoryHolidays.lunarDate(year, 1, 1)).isEqualTo(springFestival);
  }

  @Test
  void the13StatutoryDaysOf2027() {
    assertThat(StatutoryHolidays.of(2027)).extracting(SpecialDay::date).extracting(LocalDate::toString)
        .containsExactly("2027-01-01",
            "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",
            "2027-04-05",
            "2027-05-01", "2027-05-02",
            "2027-06-09",
            "2027-09-15",
            "2027-10-01", "2027-10-02", "2027-10-03");
    assertThat(StatutoryHolidays.of(2027)).allSatisfy(day -> assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY))
        .filteredOn(day -> day.date().equals(LocalDate.of(2027, 2, 5))).extracting(SpecialDay::name)
        .containsExactly("春节");
  }
}
