package org.publicservice.procurement.tender;

/** Names of the process variables and messages of the tender stage. */
public final class TenderVariables {

  public static final String STAGE_PROCESS_KEY = "TenderStage";
  /** A bidder's question in the clarification period, correlated by business key (the project number). */
  public static final String QUESTION_MESSAGE = "TenderQuestionAsked";

  // IN (optional): the review or award stage sends the purchase back after a failed tender
  public static final String FAILED_TENDER_REASON = "failedTenderReason";

  // the tender documents (forms/tender-documents.form)
  public static final String QUALIFICATION_REQUIREMENTS = "qualificationRequirements";
  public static final String EVALUATION_METHOD = "evaluationMethod";
  public static final String COMPREHENSIVE = "COMPREHENSIVE";
  public static final String LOWEST_PRICE = "LOWEST_PRICE";
  public static final String PRICE_WEIGHT = "priceWeight";
  /**
   * The scoring criteria besides the price (综合评分法): a table of {@code {name, maxScore}} the department fills in
   * the documents form, at most {@link TenderDocumentsValidator#MAX_CRITERIA} rows; stored trimmed for the review.
   */
  public static final String EVALUATION_CRITERIA = "evaluationCriteria";
  public static final String CRITERION_NAME = "name";
  public static final String CRITERION_MAX_SCORE = "maxScore";
  public static final String BID_DEADLINE_DATE = "bidDeadlineDate";
  /** HH:mm, Beijing time, of the bid deadline (= the opening). */
  public static final String BID_DEADLINE_TIME = "bidDeadlineTime";
  public static final String CLARIFICATION_DEADLINE_DATE = "clarificationDeadlineDate";
  public static final String BID_BOND = "bidBond";
  /**
   * The documents let the winner turn its bid bond into the performance bond at signing (87号令第三十八条; the
   * documents state how bonds go back, 87号令第二十条第五项); false without a bid bond. Read by the contract stage.
   */
  public static final String BID_BOND_CONVERTIBLE = "bidBondConvertible";
  /** The SME policy (财库〔2020〕46号): {@link SmePolicy#NONE}, {@link SmePolicy#SME} or {@link SmePolicy#SOCIAL_ORGANISATION}. */
  public static final String SME_RESERVATION = "smeReservation";
  /** The rule a reservation relies on, stated in the notice. */
  public static final String RESERVATION_BASIS = "reservationBasis";
  /** The price deduction for small and micro enterprises in percent (10-20, 财库〔2022〕19号), when not reserved. */
  public static final String SME_DEDUCTION = "smeDeduction";
  /** The exception to the 30 days after the procurement intention (财库〔2020〕10号): an unforeseeable urgent need. */
  public static final String URGENT_WITHOUT_INTENTION_PERIOD = "urgentWithoutIntentionPeriod";
  public static final String URGENCY_REASON = "urgencyReason";
  /** How equal results are decided (87号令第六十八条): LOT (default) or FIRST_CRITERION, then lot. */
  public static final String TIE_BREAK_RULE = "tieBreakRule";

  // set by the validation of the documents and kept up to date by clarifications
  /** ISO date-time with offset (OUT). */
  public static final String BID_DEADLINE = "bidDeadline";
  /** The same instant as a Date, for the deadline timer. */
  public static final String BID_DEADLINE_AT = "bidDeadlineAt";
  /** The same for people to read in forms: 2026年12月28日 09:30. */
  public static final String BID_DEADLINE_TEXT = "bidDeadlineText";
  public static final String CLARIFICATION_DEADLINE = "clarificationDeadline";
  /** ISO date-time the tender notice was published (OUT): the credit check's window starts there. */
  public static final String TENDER_NOTICE_AT = "tenderNoticeAt";

  // set when the call opens
  public static final String TENDER_ROUND = "tenderRound";
  public static final String MINIMUM_BIDS = "minimumBids";
  /** The provision the minimum rests on, recorded with the purchase and stated in the notice. */
  public static final String MINIMUM_BIDS_BASIS = "minimumBidsBasis";
  /**
   * The suppliers a failed round left (bidders at the deadline, or the responsive bids of the review), as a list of
   * user ids: a negotiation after a failed open tender with exactly two of them may go on with those two
   * (74号令第二十七条第二款).
   */
  public static final String FAILED_TENDER_SUPPLIERS = "failedTenderSuppliers";
  /** The method of the round that failed, for the same rule. */
  public static final String FAILED_TENDER_METHOD = "failedTenderMethod";
  /** Set when the finance bureau approved a negotiation with the two suppliers of a failed open tender. */
  public static final String TWO_SUPPLIER_EXCEPTION = "twoSupplierException";
  /** User ids of the only suppliers who may bid in the round (邀请招标; the negotiation with two), or none. */
  public static final String INVITED_SUPPLIERS = "invitedSuppliers";
  public static final String BID_COUNT = "bidCount";
  public static final String ENOUGH_BIDS = "enoughBids";
  public static final String OPENED_BIDS = "openedBids";
  /** Markdown: every opened bid's files as download links, for the qualification reviewers' and the panel's forms. */
  public static final String BID_DOCUMENTS = "bidDocuments";
  public static final String TENDER_OUTCOME = "tenderOutcome";
  public static final String OPENED = "OPENED";
  public static final String ABANDONED = "ABANDONED";

  // 邀请招标: the qualified list and the random draw of the invited suppliers (forms/select-invited-suppliers.form)
  /** SUPPLIER_DATABASE (the platform's register of social organisations) or WRITTEN_RECOMMENDATION (87号令第十四条). */
  public static final String INVITATION_LIST_SOURCE = "invitationListSource";
  public static final String SUPPLIER_DATABASE = "SUPPLIER_DATABASE";
  public static final String WRITTEN_RECOMMENDATION = "WRITTEN_RECOMMENDATION";
  /** The recommended organisations, one name or account a line, and the department's written reasons. */
  public static final String INVITATION_RECOMMENDED = "invitationRecommended";
  public static final String INVITATION_REASONS = "invitationReasons";
  public static final String INVITATION_COUNT = "invitationCount";
  /** Two of the department's staff who supervise the draw (87号令第十四条第四款), and the form's options for them. */
  public static final String INVITATION_SUPERVISOR_1 = "invitationSupervisor1";
  public static final String INVITATION_SUPERVISOR_2 = "invitationSupervisor2";
  public static final String INVITATION_SUPERVISOR_OPTIONS = "invitationSupervisorOptions";
  /** The qualified list as checked (json list of user ids) and the record of the draw. */
  public static final String INVITATION_POOL = "invitationPool";
  public static final String INVITATION_DRAW_ID = "invitationDrawId";
  /** The department's official who completed the list and started the draw. */
  public static final String INVITATION_DRAWN_BY = "invitationDrawnBy";

  // a question, local to its event subprocess, and the department's answer (forms/answer-tender-question.form)
  public static final String QUESTION_ASKER = "questionAsker";
  public static final String QUESTION_TEXT = "questionText";
  public static final String QUESTION_ANSWER = "questionAnswer";
  // an amendment on the department's own initiative (forms/amend-tender-documents.form)
  public static final String AMENDMENT_TEXT = "amendmentText";

  // after a failed tender (forms/decide-failed-tender.form)
  public static final String FAILED_TENDER_DECISION = "failedTenderDecision";
  public static final String RE_TENDER = "RE_TENDER";
  public static final String CHANGE_METHOD = "CHANGE_METHOD";
  public static final String ABANDON = "ABANDON";
  public static final String PROPOSED_METHOD = "proposedMethod";
  public static final String DECISION_REASON = "failedTenderDecisionReason";
  // the finance bureau's approval of the change of method (forms/approve-method-change.form)
  public static final String METHOD_CHANGE_APPROVAL = "methodChangeApproval";
  public static final String METHOD_CHANGE_COMMENT = "methodChangeComment";
  public static final String APPROVE = "APPROVE";
  public static final String REFUSE = "REFUSE";

  private TenderVariables() {
  }
}
