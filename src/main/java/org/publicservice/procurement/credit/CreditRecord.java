package org.publicservice.procurement.credit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored credit record that has not been revoked. */
public record CreditRecord(long id, String organisationUserId, String organisationName, CreditListing listing,
    CreditEffect effect, String source, String reason, LocalDate validFrom, LocalDate validUntil,
    String projectNumber, String recordedBy, OffsetDateTime recordedAt) {

  /** Whether the record applies on that day: within its validity period. */
  public boolean activeOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
  }

  /** One line for check results and reports, e.g. "政府采购严重违法失信行为记录名单（禁止参加…，2026-01-01至2028-12-31）：…". */
  public String describe() {
    return listing.chineseName() + "（" + effect.chineseName() + "，" + validFrom + "至"
        + (validUntil == null ? "长期" : validUntil.toString()) + "，来源：" + source + "）：" + reason;
  }
}
