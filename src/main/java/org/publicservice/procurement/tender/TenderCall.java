package org.publicservice.procurement.tender;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A tender (one round of a project) as bidders see it while it takes bids. */
public record TenderCall(String projectNumber, int round, String serviceName, String departmentName,
    String procurementMethod, BigDecimal budget, OffsetDateTime bidDeadline, OffsetDateTime clarificationDeadline,
    String qualificationRequirements) {
}
