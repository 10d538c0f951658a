package org.publicservice.procurement.tender;

import java.math.BigDecimal;

/** What a bidder offers: sealed in the bid box until the opening. */
public record BidContent(BigDecimal price, String servicePlan, String team, String qualifications) {
}
