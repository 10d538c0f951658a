package org.publicservice.procurement.calendar;

import static org.publicservice.procurement.calendar.HolidayScheduleVariables.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;

/**
 * Reads the holiday-schedule form into a {@link YearSchedule}, rejecting what an administrator could get wrong.
 *
 * <p>Dates must lie in the year, or in the previous December: a notice sometimes moves the days around 元旦 into
 * the last days of the year before (the 2019 notice did: 2018-12-29 worked, 2018-12-30 to 2019-01-01 off).
 */
final class HolidayScheduleForm {

  static final int MAX_HOLIDAY_LENGTH = 15;

  private HolidayScheduleForm() {
  }

  static YearSchedule read(VariableScope scope, String enteredBy, Instant enteredAt) {
    FormRules form = FormRules.of(scope);
    int thisYear = ProcurementTime.today().getYear();
    long year = form.requiredWholeNumber(YEAR, "年份");
    if (year < thisYear - 1 || year > thisYear + 1) {
      throw FormRules.reject(YEAR, "年份须在" + (thisYear - 1) + "至" + (thisYear + 1) + "之间。");
    }
    Object expectedYear = scope.getVariable(PROVISIONAL_YEAR);
    if (expectedYear instanceof Number expected && expected.longValue() != year) {
      throw FormRules.reject(YEAR, "本任务用于录入" + expected + "年的节假日安排，请填写" + expected + "年。");
    }
    int y = (int) year;
    String notice = form.requiredText(NOTICE, "通知文号", 500);
    LocalDate earliest = LocalDate.of(y - 1, 12, 1);
    LocalDate latest = LocalDate.of(y, 12, 31);
    String window = y + "年内（跨年的元旦安排可含" + (y - 1) + "年12月）";

    Map<LocalDate, SpecialDay> days = new HashMap<>();
    List<Map<String, Object>> holidayRows = form.rows(HOLIDAYS);
    if (holidayRows.isEmpty()) {
      throw FormRules.reject(HOLIDAYS, "请至少填写一段放假安排。");
    }
    if (holidayRows.size() > MAX_ROWS) {
      throw FormRules.reject(HOLIDAYS, "放假安排最多" + MAX_ROWS + "行。");
    }
    for (int i = 0; i < holidayRows.size(); i++) {
      Map<String, Object> row = holidayRows.get(i);
      String where = "放假安排第" + (i + 1) + "段";
      String name = text(row, HOLIDAY_NAME, HOLIDAYS, where + "：请填写节日名称。");
      LocalDate first = date(row, HOLIDAY_FIRST_DAY, HOLIDAYS, where + "：请填写放假第一天。");
      LocalDate last = date(row, HOLIDAY_LAST_DAY, HOLIDAYS, where + "：请填写放假最后一天。");
      if (last.isBefore(first)) {
        throw FormRules.reject(HOLIDAYS, where + "：最后一天不能早于第一天。");
      }
      if (first.isBefore(earliest) || last.isAfter(latest)) {
        throw FormRules.reject(HOLIDAYS, where + "：日期须在" + window + "。");
      }
      if (first.plusDays(MAX_HOLIDAY_LENGTH).isBefore(last.plusDays(1))) {
        throw FormRules.reject(HOLIDAYS, where + "：连续放假不能超过" + MAX_HOLIDAY_LENGTH + "天。");
      }
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        if (days.put(day, new SpecialDay(day, DayKind.HOLIDAY, name)) != null) {
          throw FormRules.reject(HOLIDAYS, where + "：" + day + "已在其他放假安排中。");
        }
      }
    }
    List<Map<String, Object>> makeupRows = form.rows(MAKEUP_WORKDAYS);
    if (makeupRows.size() > MAX_ROWS) {
      throw FormRules.reject(MAKEUP_WORKDAYS, "调休上班日最多" + MAX_ROWS + "行。");
    }
    for (int i = 0; i < makeupRows.size(); i++) {
      Map<String, Object> row = makeupRows.get(i);
      String where = "调休上班日第" + (i + 1) + "行";
      LocalDate day = date(row, MAKEUP_DATE, MAKEUP_WORKDAYS, where + "：请填写上班日期。");
      String name = text(row, MAKEUP_NAME, MAKEUP_WORKDAYS, where + "：请填写所属节日。");
      if (day.isBefore(earliest) || day.isAfter(latest)) {
        throw FormRules.reject(MAKEUP_WORKDAYS, where + "：日期须在" + window + "。");
      }
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        throw FormRules.reject(MAKEUP_WORKDAYS, where + "：" + day + "不是周六或周日，工作日无需调休上班。");
      }
      SpecialDay earlier = days.put(day, new SpecialDay(day, DayKind.MAKEUP_WORKDAY, name));
      if (earlier != null && earlier.kind() == DayKind.HOLIDAY) {
        throw FormRules.reject(MAKEUP_WORKDAYS, where + "：" + day + "已是放假日，不能同时是调休上班日。");
      }
      if (earlier != null) {
        throw FormRules.reject(MAKEUP_WORKDAYS, where + "：" + day + "重复填写。");
      }
    }
    List<SpecialDay> sorted = new ArrayList<>(days.values());
    sorted.sort(Comparator.comparing(SpecialDay::date));
    return new YearSchedule(y, ScheduleStatus.OFFICIAL, notice, enteredBy, enteredAt, sorted);
  }

  private static String text(Map<String, Object> row, String key, String field, String missing) {
    Object value = row.get(key);
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      throw FormRules.reject(field, missing);
    }
    if (text.length() > MAX_NAME_LENGTH) {
      throw FormRules.reject(field, "节日名称不能超过" + MAX_NAME_LENGTH + "个字。");
    }
    return text;
  }

  private static LocalDate date(Map<String, Object> row, String key, String field, String missing) {
    Object value = row.get(key);
    if (value == null || value.toString().isBlank()) {
      throw FormRules.reject(field, missing);
    }
    String text = value.toString().trim();
    try {
      return text.length() > 10 ? LocalDateTime.parse(text.substring(0, 19)).toLocalDate() : LocalDate.parse(text);
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new SubmissionRejectedException(field, text + "不是有效日期，应为 年-月-日。");
    }
  }
}
