package org.publicservice.procurement.tender;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A tender (one round of a project) as bidders see it while it takes bids, with its SME policy (财库〔2020〕46号第十二条):
 * {@code reservation} NONE, SME or SOCIAL_ORGANISATION with its basis, or the price deduction for small and micro
 * enterprises (null before the documents set it).
 */
public record TenderCall(String projectNumber, int round, String serviceName, String departmentName,
    String procurementMethod, BigDecimal budget, OffsetDateTime bidDeadline, OffsetDateTime clarificationDeadline,
    String qualificationRequirements, String reservation, String reservationBasis, BigDecimal smeDeductionPercent,
    BigDecimal bidBond) {

  public TenderCall(String projectNumber, int round, String serviceName, String departmentName,
      String procurementMethod, BigDecimal budget, OffsetDateTime bidDeadline, OffsetDateTime clarificationDeadline,
      String qualificationRequirements) {
    this(projectNumber, round, serviceName, departmentName, procurementMethod, budget, bidDeadline,
        clarificationDeadline, qualificationRequirements, null, null, null, BigDecimal.ZERO);
  }
}
