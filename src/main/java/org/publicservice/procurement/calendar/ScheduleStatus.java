package org.publicservice.procurement.calendar;

public enum ScheduleStatus {
  /** Entered by an administrator from the State Council notice. */
  OFFICIAL,
  /** Computed from the statutory holidays because no notice has been entered yet; administrators are warned. */
  PROVISIONAL
}
