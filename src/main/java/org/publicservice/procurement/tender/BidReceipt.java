package org.publicservice.procurement.tender;

import java.time.OffsetDateTime;

/** The bidder's proof that its bid arrived: when, and a code it can quote. Reveals nothing of the content. */
public record BidReceipt(String projectNumber, int round, String bidder, OffsetDateTime submittedAt,
    String receiptCode) {
}
