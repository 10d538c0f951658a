package org.publicservice.procurement.contract;

/** Names of the process variables of the contract stage (ContractStage) and its values. */
public final class ContractVariables {

  public static final String PROCESS_KEY = "ContractStage";

  // IN from the award stage
  public static final String WINNER = "winner";
  public static final String WINNER_NAME = "winnerName";
  public static final String AWARDED_PRICE = "awardedPrice";
  public static final String AWARD_NOTICE_DATE = "awardNoticeDate";
  /** The ranking in the order the contract may fall back to, winner first: {@code {bidder, bidderName, price, ...}}. */
  public static final String CANDIDATES = "candidates";

  // the candidate currently offered the contract
  public static final String CONTRACTOR = "contractor";
  public static final String CONTRACTOR_NAME = "contractorName";
  /** The price of the current candidate's bid: the contract amount must equal it (no substantive change). */
  public static final String CONTRACTOR_PRICE = "contractorPrice";
  /** The day counting of the 30 days starts here (the award notice, or the offer to a later candidate). */
  public static final String OFFERED_ON = "contractOfferedOn";
  public static final String SIGNING_DEADLINE = "signingDeadline";
  /** The deadline as forms show it ("2026年12月31日"): forms never carry Date variables, which they would submit back as text. */
  public static final String SIGNING_DEADLINE_TEXT = "signingDeadlineText";
  public static final String SIGNING_ALERT_AT = "signingAlertAt";
  /** Days before the signing deadline that supervisors are alerted. */
  public static final int ALERT_DAYS_BEFORE = 5;
  public static final int SIGNING_DAYS = 30;

  // the draft (forms/draft-contract.form)
  public static final String CONTRACT_AMOUNT = "contractAmount";
  public static final String PERFORMANCE_BOND = "performanceBond";
  public static final String CONTRACT_PERIOD_START = "contractPeriodStart";
  public static final String CONTRACT_PERIOD_END = "contractPeriodEnd";
  public static final String CONTRACT_INDICATORS_TEXT = "contractIndicatorsText";
  /** The instalments as the draft form's table submits them: json list {@code {name, amount, dueDate}}. */
  public static final String PAYMENT_SCHEDULE = "paymentSchedule";
  public static final String INSTALMENT_NAME = "name";
  public static final String INSTALMENT_AMOUNT = "amount";
  public static final String INSTALMENT_DUE_DATE = "dueDate";
  /** The schedule as the contract states it, one instalment a line (set from the table, shown to the signers). */
  public static final String PAYMENT_SCHEDULE_TEXT = "paymentScheduleText";
  public static final String CONTRACT_TERMS = "contractTerms";
  /** The parsed schedule (json list {@code {index, name, amount, dueDate, finalPayment}}). */
  public static final String MILESTONES = "milestones";

  // the organisation's signature (forms/sign-contract.form)
  public static final String CONTRACTOR_DECISION = "contractorDecision";
  public static final String CONTRACTOR_REFUSAL_REASON = "contractorRefusalReason";
  /** How the contractor lodged the performance bond ({@code BidBond.FORMS}) and its reference, when there is one. */
  public static final String PERFORMANCE_BOND_FORM = "performanceBondForm";
  public static final String PERFORMANCE_BOND_REFERENCE = "performanceBondReference";
  /**
   * The winner's bid bond becomes (part of) its performance bond instead of going back (87号令第三十八条): ticked
   * by the organisation when it signs; form and reference then state only the part of the performance bond the bid
   * bond does not cover, if any.
   */
  public static final String BID_BOND_CONVERTED = "bidBondConverted";
  /** The amount of the bid bond the winner lodged, shown when it signs; null when none or no performance bond. */
  public static final String WINNER_BID_BOND = "winnerBidBond";
  public static final String SIGN = "SIGN";
  public static final String REFUSE = "REFUSE";

  // the department's signature (forms/countersign-contract.form)
  public static final String DEPARTMENT_SIGNS = "departmentSigns";
  public static final String CONTRACT_SIGNED_DATE = "contractSignedDate";
  public static final String CONTRACT_ID = "contractId";

  // after a refusal or the deadline (forms/decide-next-candidate.form)
  public static final String NO_SIGNATURE_REASON = "noSignatureReason";
  public static final String NEXT_CANDIDATE_NAME = "nextCandidateName";
  public static final String NEXT_STEP = "contractNextStep";
  /** The ground the law gives to pass the award to the next candidate (AwardVariables.PASS_OVER_GROUNDS). */
  public static final String PASS_OVER_GROUND = "passOverGround";
  public static final String PASS_OVER_FACTS = "deviationReason";
  /** Candidates that may not be offered the award again, handed back to the award stage. */
  public static final String EXCLUDED_BIDDERS = "excludedBidders";
  public static final String AWARD_ID = "awardId";
  public static final String NEXT_CANDIDATE = "NEXT_CANDIDATE";
  public static final String END_WITHOUT_CONTRACT = "NO_CONTRACT";

  // publication and filing (forms/publish-contract.form, forms/file-contract.form)
  public static final String PUBLICATION_DUE = "contractPublicationDue";
  public static final String FILING_DUE = "contractFilingDue";
  public static final String WITHHELD_PARTS = "withheldParts";
  public static final String FILING_REFERENCE = "filingReference";
  /** Local inputs of the supervisors' mail about a late step. */
  public static final String LATE_STEP = "lateStep";
  public static final String LATE_STEP_DUE = "lateStepDue";

  /** What the stage hands back: SIGNED, NEXT_CANDIDATE or NO_CONTRACT. */
  public static final String OUTCOME = "contractOutcome";
  public static final String OUTCOME_SIGNED = "SIGNED";
  public static final String OUTCOME_NEXT_CANDIDATE = "NEXT_CANDIDATE";
  public static final String OUTCOME_NO_CONTRACT = "NO_CONTRACT";

  private ContractVariables() {
  }
}
