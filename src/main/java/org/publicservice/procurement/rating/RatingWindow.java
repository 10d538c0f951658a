package org.publicservice.procurement.rating;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An evaluation as the public sees it while it may be rated: the service, who delivered it, the indicators to
 * rate (in order; a rating gives 1-5 stars to indicator 1..n) and the window.
 */
public record RatingWindow(long evaluationId, String projectNumber, String serviceName, String departmentName,
    String contractorName, List<String> indicators, OffsetDateTime opensAt, OffsetDateTime closesAt,
    boolean closed) {

  /** Whether ratings are taken at this moment. */
  public boolean isOpenAt(OffsetDateTime now) {
    return !closed && !now.isBefore(opensAt) && now.isBefore(closesAt);
  }
}
