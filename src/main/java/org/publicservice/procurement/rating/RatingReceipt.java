package org.publicservice.procurement.rating;

import java.time.OffsetDateTime;

/** Confirmation of a stored rating: which evaluation and when, nothing about the person. */
public record RatingReceipt(String projectNumber, String serviceName, OffsetDateTime ratedAt) {
}
