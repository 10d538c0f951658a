package org.publicservice.procurement.ocds;

import org.publicservice.procurement.disclosure.NoticeType;

/**
 * How each kind of notice appears in OCDS: the release tag, the tender status it announces, and the document type
 * of the notice itself. The switch is exhaustive, so a new notice type does not compile until it is mapped here.
 * Where a notice's facts go in the release (awards, contracts, implementation) is ReleaseMapper's business.
 */
record NoticeStage(String tag, String tenderStatus, String documentType) {

  static NoticeStage of(NoticeType type) {
    return switch (type) {
      case PROCUREMENT_INTENTION -> new NoticeStage("planning", "planned", "plannedProcurementNotice");
      case SINGLE_SOURCE_NOTICE, TENDER_NOTICE -> new NoticeStage("tender", "active", "tenderNotice");
      case CLARIFICATION -> new NoticeStage("tenderAmendment", "active", "clarifications");
      case OPENING_RECORD -> new NoticeStage("tenderUpdate", "active", "evaluationReports");
      case FAILED_TENDER -> new NoticeStage("tenderUpdate", "unsuccessful", "cancellationDetails");
      case COMPLAINT_DECISION -> new NoticeStage("tenderUpdate", null, "x_complaintDecision");
      case AWARD_NOTICE -> new NoticeStage("award", "complete", "awardNotice");
      case CONTRACT -> new NoticeStage("contract", "complete", "contractNotice");
      case PAYMENT -> new NoticeStage("implementation", "complete", "x_paymentInformation");
      case ACCEPTANCE -> new NoticeStage("implementation", "complete", "completionCertificate");
      case EVALUATION_RESULT -> new NoticeStage("implementation", "complete", "x_performanceEvaluation");
    };
  }
}
