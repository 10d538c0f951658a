package org.publicservice.procurement.disclosure;

import java.time.OffsetDateTime;

/**
 * Filters of a search in the register; {@code null} means "any". The keyword is matched literally in title and
 * content (wildcards typed by the public are escaped). {@code from} is inclusive, {@code until} exclusive.
 */
public record NoticeQuery(
    String keyword,
    NoticeType type,
    OffsetDateTime from,
    OffsetDateTime until,
    String publisher,
    String serviceCategory) {

  public static NoticeQuery all() {
    return new NoticeQuery(null, null, null, null, null, null);
  }
}
