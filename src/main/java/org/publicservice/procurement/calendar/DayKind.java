package org.publicservice.procurement.calendar;

/** What a schedule says about a day that differs from the plain Monday-to-Friday week. */
public enum DayKind {
  /** 放假: a day off, even on a weekday. */
  HOLIDAY,
  /** 调休上班: a Saturday or Sunday that is worked. */
  MAKEUP_WORKDAY
}
