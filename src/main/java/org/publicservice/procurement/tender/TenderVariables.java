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
  /** Text lines "名称：分值" as the form submits them; parsed into {@link #EVALUATION_CRITERIA}. */
  public static final String CRITERIA_TEXT = "criteriaText";
  public static final String EVALUATION_CRITERIA = "evaluationCriteria";
  public static final String BID_DEADLINE_DATE = "bidDeadlineDate";
  /** HH:mm, Beijing time, of the bid deadline (= the opening). */
  public static final String BID_DEADLINE_TIME = "bidDeadlineTime";
  public static final String CLARIFICATION_DEADLINE_DATE = "clarificationDeadlineDate";
  public static final String BID_BOND = "bidBond";

  // set by the validation of the documents and kept up to date by clarifications
  /** ISO date-time with offset (OUT). */
  public static final String BID_DEADLINE = "bidDeadline";
  /** The same instant as a Date, for the deadline timer. */
  public static final String BID_DEADLINE_AT = "bidDeadlineAt";
  /** The same for people to read in forms: 2026年12月28日 09:30. */
  public static final String BID_DEADLINE_TEXT = "bidDeadlineText";
  public static final String CLARIFICATION_DEADLINE = "clarificationDeadline";

  // set when the call opens
  public static final String TENDER_ROUND = "tenderRound";
  public static final String MINIMUM_BIDS = "minimumBids";
  public static final String BID_COUNT = "bidCount";
  public static final String ENOUGH_BIDS = "enoughBids";
  public static final String OPENED_BIDS = "openedBids";
  public static final String TENDER_OUTCOME = "tenderOutcome";
  public static final String OPENED = "OPENED";
  public static final String ABANDONED = "ABANDONED";

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
