package org.publicservice.procurement.calendar;

import java.time.LocalDate;

/** One day of a schedule: a day off or a make-up working day, with the festival it belongs to (e.g. 春节). */
public record SpecialDay(LocalDate date, DayKind kind, String name) {
}
