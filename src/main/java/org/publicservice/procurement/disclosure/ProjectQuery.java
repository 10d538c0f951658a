package org.publicservice.procurement.disclosure;

import java.time.OffsetDateTime;

/**
 * Filters of a search in the approved plans; {@code null} means "any". The keyword is matched literally in the
 * service name and the project number; {@code approvedFrom} is inclusive, {@code approvedUntil} exclusive.
 */
public record ProjectQuery(
    String keyword,
    String serviceCategory,
    String departmentName,
    OffsetDateTime approvedFrom,
    OffsetDateTime approvedUntil,
    String procurementMethod,
    ProjectStatus status) {

  public static ProjectQuery all() {
    return new ProjectQuery(null, null, null, null, null, null, null);
  }
}
