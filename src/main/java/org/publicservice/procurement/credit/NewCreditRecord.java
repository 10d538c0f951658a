package org.publicservice.procurement.credit;

import java.time.LocalDate;

/**
 * A credit record to add. {@code validUntil} is the last day it applies ({@code null}: no end yet);
 * {@code projectNumber} names the purchase it arose from, if any.
 */
public record NewCreditRecord(String organisationUserId, String organisationName, CreditListing listing,
    CreditEffect effect, String source, String reason, LocalDate validFrom, LocalDate validUntil,
    String projectNumber, String recordedBy) {
}
