package org.publicservice.procurement.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 13 statutory days off of 《全国年节及纪念日放假办法》 (as revised by 国务院令第795号, in force 2025-01-01),
 * for a year whose State Council schedule has not been entered: without the extra days and make-up working days
 * that each year's notice adds, so it is only a fallback and is marked provisional.
 */
public final class StatutoryHolidays {

  /** Where a provisional schedule comes from, as shown to administrators. */
  public static final String SOURCE = "按《全国年节及纪念日放假办法》（国务院令第795号）推算的法定节假日，未含调休";

  /** Julian day number of 1970-01-01, ICU's {@code JULIAN_DAY} field counts from the Julian epoch. */
  private static final long JULIAN_DAY_OF_EPOCH = 2440588L;
  /** The Sun's apparent longitude at the 清明 solar term. */
  private static final double QINGMING_LONGITUDE = 15.0;

  private StatutoryHolidays() {
  }

  public static List<SpecialDay> of(int year) {
    List<SpecialDay> days = new ArrayList<>();
    days.add(holiday(LocalDate.of(year, 1, 1), "元旦"));
    LocalDate springFestival = lunarDate(year, 1, 1);
    for (int i = -1; i <= 2; i++) {
      days.add(holiday(springFestival.plusDays(i), "春节"));
    }
    days.add(holiday(qingming(year), "清明节"));
    days.add(holiday(LocalDate.of(year, Month.MAY, 1), "劳动节"));
    days.add(holiday(LocalDate.of(year, Month.MAY, 2), "劳动节"));
    days.add(holiday(lunarDate(year, 5, 5), "端午节"));
    days.add(holiday(lunarDate(year, 8, 15), "中秋节"));
    for (int day = 1; day <= 3; day++) {
      days.add(holiday(LocalDate.of(year, Month.OCTOBER, day), "国庆节"));
    }
    days.sort(Comparator.comparing(SpecialDay::date));
    // 中秋节 may fall on a day of 国庆节 (2020-10-01, 2028-10-03): a day is one holiday, whatever it celebrates, and
    // the schedule keeps one row per date
    Map<LocalDate, SpecialDay> byDate = new LinkedHashMap<>();
    for (SpecialDay day : days) {
      byDate.merge(day.date(), day, (first, same) -> holiday(first.date(), first.name() + "、" + same.name()));
    }
    return new ArrayList<>(byDate.values());
  }

  /** The day of the 清明 solar term (Beijing time), when the Sun's apparent longitude reaches 15°. */
  public static LocalDate qingming(int year) {
    return Astronomy.sunReachesLongitude(QINGMING_LONGITUDE, LocalDate.of(year, 4, 4))
        .atOffset(Astronomy.BEIJING).toLocalDate();
  }

  /**
   * The Gregorian date of a day of a (non-leap) month of the lunar year that begins in {@code year}. ICU numbers
   * the months; the day the month begins is the Beijing date of the true new moon nearest ICU's.
   */
  public static LocalDate lunarDate(int year, int month, int day) {
    ChineseCalendar calendar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
    calendar.setTime(java.util.Date.from(LocalDate.of(year, 7, 1).atStartOfDay(Astronomy.BEIJING).toInstant()));
    // 1 July always lies in the lunar year that began in January or February of the same Gregorian year
    int lunarYear = calendar.get(Calendar.EXTENDED_YEAR);
    calendar.clear();
    calendar.set(Calendar.EXTENDED_YEAR, lunarYear);
    calendar.set(Calendar.MONTH, month - 1);
    calendar.set(Calendar.IS_LEAP_MONTH, 0);
    calendar.set(Calendar.DAY_OF_MONTH, 1);
    LocalDate icuFirstDay = LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - JULIAN_DAY_OF_EPOCH);
    return Astronomy.newMoonDateNear(icuFirstDay).plusDays(day - 1L);
  }

  private static SpecialDay holiday(LocalDate date, String name) {
    return new SpecialDay(date, DayKind.HOLIDAY, name);
  }
}
