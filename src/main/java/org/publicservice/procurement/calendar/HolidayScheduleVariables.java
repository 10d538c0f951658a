package org.publicservice.procurement.calendar;

/** Names of the variables, messages and keys of the MaintainHolidaySchedule and CheckHolidaySchedule processes. */
public final class HolidayScheduleVariables {

  public static final String MAINTAIN_PROCESS = "MaintainHolidaySchedule";
  public static final String CHECK_PROCESS = "CheckHolidaySchedule";
  public static final String WARNING_TASK = "Task_EnterHolidaySchedule";
  /** Starts CheckHolidaySchedule at once (start-up); a process cannot have both a none and a timer start event. */
  public static final String CHECK_NOW_MESSAGE = "CheckHolidayScheduleNow";
  /** Correlated when a year's schedule is stored, so that the warning for that year closes. */
  public static final String SCHEDULE_ENTERED_MESSAGE = "HolidayScheduleEntered";

  /** Form holiday-schedule: the year, e.g. 2027. */
  public static final String YEAR = "year";
  /** Form holiday-schedule: the notice, e.g. 国办发明电〔2026〕X号. */
  public static final String NOTICE = "notice";
  /** Form holiday-schedule: list of {name, firstDay, lastDay}. */
  public static final String HOLIDAYS = "holidays";
  public static final String HOLIDAY_NAME = "name";
  public static final String HOLIDAY_FIRST_DAY = "firstDay";
  public static final String HOLIDAY_LAST_DAY = "lastDay";
  /** Form holiday-schedule: list of {date, name}. */
  public static final String MAKEUP_WORKDAYS = "makeupWorkdays";
  public static final String MAKEUP_DATE = "date";
  public static final String MAKEUP_NAME = "name";
  /** The most rows of each list of the form (a year has 7 holidays; notices have needed about 10 rows). */
  public static final int MAX_ROWS = 40;
  /** The longest holiday name. */
  public static final int MAX_NAME_LENGTH = 50;
  /** The user who submitted the schedule, kept for the asynchronous step that stores it. */
  public static final String ENTERED_BY = "enteredBy";

  /** CheckHolidaySchedule: the year that lacks an official schedule, or null. */
  public static final String PROVISIONAL_YEAR = "provisionalYear";
  /** CheckHolidaySchedule: markdown listing the computed holidays that are in use, shown on the warning form. */
  public static final String PROVISIONAL_SUMMARY = "provisionalSummary";
  /** CheckHolidaySchedule: true when a warning task must be created. */
  public static final String WARNING_NEEDED = "warningNeeded";

  private HolidayScheduleVariables() {
  }

  /** Business key of the warning for a year: there is at most one open. */
  public static String warningKey(int year) {
    return "holiday-schedule-" + year;
  }
}
