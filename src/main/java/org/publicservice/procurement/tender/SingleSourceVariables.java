package org.publicservice.procurement.tender;

/** Names of the process variables and messages of the single-source stage and of objections to it. */
public final class SingleSourceVariables {

  public static final String STAGE_PROCESS_KEY = "SingleSourceStage";
  public static final String OBJECTION_PROCESS_KEY = "SingleSourceObjection";
  /** The message an objection sends to the stage of its project. */
  public static final String OBJECTION_MESSAGE = "SingleSourceObjectionFiled";

  // the notice the department prepares (forms/single-source-notice.form)
  /** Choices of the supplier select: registered social organisations as {@code {label, value}}. */
  public static final String SUPPLIER_OPTIONS = "supplierOptions";
  /** The user id of the social organisation. */
  public static final String SUPPLIER = "singleSourceSupplier";
  public static final String SUPPLIER_NAME = "singleSourceSupplierName";
  public static final String SUPPLIER_QUALIFICATIONS = "supplierQualifications";
  public static final String PROPOSED_PRICE = "proposedPrice";

  // set when the notice is published
  public static final String NOTICE_PUBLISHED_AT = "noticePublishedAt";
  /** End of the public notice period (5 working days), when the timer fires; objections are taken until then. */
  public static final String OBJECTION_PERIOD_END = "objectionPeriodEnd";

  // an objection, local to its handling (the objection's event subprocess)
  public static final String OBJECTOR = "objector";
  public static final String OBJECTOR_NAME = "objectorName";
  public static final String OBJECTION_GROUNDS = "objectionGrounds";
  public static final String OBJECTION_DECISION = "objectionDecision";
  public static final String OBJECTION_ANSWER = "objectionAnswer";
  public static final String OBJECTION_REJECTED = "REJECTED";
  public static final String OBJECTION_UPHELD = "UPHELD";

  // the finance bureau's approval (forms/approve-single-source.form)
  public static final String APPROVAL_DECISION = "singleSourceApproval";
  public static final String APPROVAL_COMMENT = "singleSourceApprovalComment";
  public static final String APPROVER = "singleSourceApprover";
  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";

  // the negotiation (forms/record-single-source-negotiation.form)
  public static final String AGREED_PRICE = "agreedPrice";
  public static final String NEGOTIATION_RECORD = "negotiationRecord";

  /** What the stage hands back to the purchase: CONCLUDED (a supplier and price) or STOPPED. */
  public static final String OUTCOME = "singleSourceOutcome";
  public static final String OUTCOME_CONCLUDED = "CONCLUDED";
  public static final String OUTCOME_STOPPED = "STOPPED";

  // the objection start form (forms/single-source-objection.form)
  public static final String OBJECTION_PROJECT_NUMBER = "projectNumber";

  private SingleSourceVariables() {
  }
}
