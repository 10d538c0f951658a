package org.publicservice.procurement.disclosure;

import java.time.OffsetDateTime;

/** One published notice: public from the moment it is written. */
public record DisclosureNotice(
    long id,
    String projectNumber,
    NoticeType type,
    String title,
    String content,
    OffsetDateTime publishedAt,
    String publisher,
    String processInstanceId) {
}
