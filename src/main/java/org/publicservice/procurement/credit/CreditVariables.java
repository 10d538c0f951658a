package org.publicservice.procurement.credit;

/** Names of the variables of process MaintainCreditRecord and its start form credit-record. */
public final class CreditVariables {

  public static final String MAINTAIN_PROCESS = "MaintainCreditRecord";

  /** ADD a record, END the current records of a listing early, or REVOKE records entered in error. */
  public static final String ACTION = "creditAction";
  public static final String ACTION_ADD = "ADD";
  public static final String ACTION_END = "END";
  public static final String ACTION_REVOKE = "REVOKE";

  /** User id of the social organisation (group social-org). */
  public static final String ORGANISATION = "creditOrganisation";
  /** A {@link CreditListing} name. */
  public static final String LISTING = "creditListing";
  /** A {@link CreditEffect} name. */
  public static final String EFFECT = "creditEffect";
  public static final String SOURCE = "creditSource";
  public static final String REASON = "creditReason";
  public static final String VALID_FROM = "creditValidFrom";
  /** Optional last day; for END the last day the records still apply. */
  public static final String VALID_UNTIL = "creditValidUntil";
  public static final String PROJECT_NUMBER = "creditProjectNumber";
  /** The administrator who submitted the form, kept for the asynchronous step that stores it. */
  public static final String ENTERED_BY = "creditEnteredBy";
  /** Written by the store step: ids of the records added, ended or revoked. */
  public static final String RECORD_IDS = "creditRecordIds";

  private CreditVariables() {
  }
}
