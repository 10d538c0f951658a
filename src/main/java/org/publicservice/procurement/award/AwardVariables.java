package org.publicservice.procurement.award;

import org.publicservice.procurement.purchase.PurchaseIdentity;

/** Names of the variables and messages of the award stage, of challenges (质疑) and of complaints (投诉). */
public final class AwardVariables {

  public static final String STAGE_PROCESS_KEY = "AwardStage";
  /** Tasklist start form of a challenge; the challenge itself is handled inside the project's AwardStage. */
  public static final String CHALLENGE_PROCESS_KEY = "BidChallenge";
  /** A complaint to the finance bureau, handled in its own instance so that it goes on while the purchase is suspended. */
  public static final String COMPLAINT_PROCESS_KEY = "BidComplaint";

  /** The purchase's main process; upheld remedies reach it by {@link #PROCEDURE_OVERTURNED_MESSAGE}. */
  public static final String PURCHASE_PROCESS_KEY = "PublicServicePurchase";
  /**
   * An upheld challenge or complaint that changes the procedure: caught by the main process on the stage running
   * (TenderStage, ReviewStage, AwardStage, ContractStage), which is cancelled; {@link #OVERTURN_REMEDY} says what follows.
   */
  public static final String PROCEDURE_OVERTURNED_MESSAGE = "ProcedureOverturned";
  public static final String OVERTURN_REMEDY = "overturnRemedy";

  // IN, from the review stage
  public static final String RANKING = "ranking";
  public static final String PANEL = "panel";
  public static final String OPENED_BIDS = "openedBids";

  // the department's choice (forms/choose-winner.form)
  /** Select options {@code {label, value}}: the ranked candidates, best first. */
  public static final String CANDIDATE_OPTIONS = "candidateOptions";
  /** The ranking as lines of text for the form. */
  public static final String RANKING_TEXT = "rankingText";
  /** The user id of candidate no. 1, so that the form asks for a reason only when another one is chosen. */
  public static final String FIRST_CANDIDATE = "firstCandidate";
  /** End of the 5 working days the department has to choose (87号令第六十八条). */
  public static final String DECISION_DEADLINE = "awardDecisionDeadline";
  public static final String CHOSEN_BIDDER = "chosenBidder";
  /** Why candidates ranked above the chosen one are passed over: {@link #PASS_OVER_GROUNDS}. */
  public static final String PASS_OVER_GROUND = "passOverGround";
  public static final String DEVIATION_REASON = "deviationReason";
  /**
   * The only grounds to pass over a candidate (实施条例第四十三条: in the order of the ranking; 第四十九条: the winner
   * refuses; 94号令第十六条、第三十二条: its award found invalid): it declines, cannot perform, or is in breach.
   */
  public static final java.util.Map<String, String> PASS_OVER_GROUNDS = java.util.Map.of(
      "DECLINED", "放弃中标（成交）或拒绝签订合同", "CANNOT_PERFORM", "不能履行合同",
      "BREACH", "存在违法违规情形，中标（成交）资格被认定无效");
  /**
   * Candidates no longer eligible in this purchase, json list {@code {bidder, bidderName, ground, reason}}: set by the
   * contract stage when the winner declines and by upheld remedies that invalidate an award; the award stage offers
   * the ranking without them.
   */
  public static final String EXCLUDED_BIDDERS = "excludedBidders";
  /** Text of why the previous winner was replaced, for the replacement notice. */
  public static final String REPLACEMENT_REASON = "replacementReason";
  /** Id of the award decision (award_decision.id); the contract refers to it. */
  public static final String AWARD_ID = "awardId";
  /** How the winner was determined: {@link #CHOSEN_BY_DEPARTMENT} or {@link #CHOSEN_BY_DEFAULT}. */
  public static final String WINNER_CHOSEN_BY = "winnerChosenBy";
  public static final String CHOSEN_BY_DEPARTMENT = "DEPARTMENT";
  public static final String CHOSEN_BY_DEFAULT = "DEFAULT";

  // OUT, to the main process
  public static final String AWARD_OUTCOME = "awardOutcome";
  public static final String OUTCOME_AWARDED = "AWARDED";
  public static final String OUTCOME_RE_TENDER = "RE_TENDER";
  public static final String WINNER = "winner";
  public static final String WINNER_NAME = "winnerName";
  public static final String AWARDED_PRICE = "awardedPrice";
  public static final String AWARD_NOTICE_DATE = "awardNoticeDate";
  public static final String CANDIDATES = "candidates";
  /** Set with RE_TENDER, for the tender stage's decision after a failed tender. */
  public static final String FAILED_TENDER_REASON = "failedTenderReason";

  // set when the notice is published
  /** End of the 1 working day the notice stays up (实施条例第四十三条). */
  public static final String NOTICE_PERIOD_END = "awardNoticePeriodEnd";
  /** The text of the 中标（成交）通知书 issued to the winner with the notice (87号令第六十九条). */
  public static final String AWARD_LETTER = "awardLetter";
  /** How equal results were ordered (87号令第六十八条), from the review stage's ranking, for the notice. */
  public static final String TIE_NOTE = "tieNote";
  /** End of the 7 working days after the notice period in which bidders may challenge (94号令第十条). */
  public static final String CHALLENGE_WINDOW_END = "challengeWindowEnd";

  // a challenge, local to its handling (the challenge's event subprocess)
  public static final String CHALLENGE_ID = "challengeId";
  public static final String CHALLENGER = "challenger";
  public static final String CHALLENGER_NAME = "challengerName";
  public static final String CHALLENGE_GROUNDS = "challengeGrounds";
  public static final String CHALLENGE_REPLY_DEADLINE = "challengeReplyDeadline";
  public static final String CHALLENGE_DECISION = "challengeDecision";
  public static final String CHALLENGE_REMEDY = "challengeRemedy";
  public static final String CHALLENGE_REPLY = "challengeReply";
  /** The winner a challenge concerns, who receives the reply too (94号令第十三条); null when there is none. */
  public static final String PARTY_CONCERNED = "partyConcerned";
  /** The remedies as people read them, for mails. */
  public static final String COMPLAINT_REMEDY_NAME = "complaintRemedyName";
  public static final String CHALLENGE_REMEDY_NAME = "challengeRemedyName";
  /** What the challenge is against: {@link ChallengeSubject}. */
  public static final String CHALLENGE_SUBJECT = "challengeSubject";
  public static final String CHALLENGE_SUBJECT_NAME = "challengeSubjectName";
  /** Text of the amendment an upheld challenge to the documents makes (94号令第十六条第一项). */
  public static final String AMENDMENT_TEXT = "amendmentText";
  /**
   * The longest amendment an upheld challenge or complaint may order: {@link Remedies} puts its legal basis (some 40
   * characters) before it and the tender stage takes at most 8,000 (ClarificationValidator), so a longer one made the
   * asynchronous remedy step fail into an incident after the decision had been accepted.
   */
  public static final int MAX_AMENDMENT = 7900;
  /** The remedies that can still be applied now, for the reply and decision forms (select options). */
  public static final String REMEDY_OPTIONS = "remedyOptions";
  public static final String COMPLAINT_WINDOW_END = "complaintWindowEnd";
  /** The complaint window as text for mails and forms. */
  public static final String COMPLAINT_WINDOW_END_TEXT = "complaintWindowEndText";
  public static final String CHALLENGE_REPLY_DEADLINE_TEXT = "challengeReplyDeadlineText";
  public static final String REJECTED = "REJECTED";
  public static final String UPHELD = "UPHELD";

  // remedies of an upheld challenge or complaint (94号令第十六条、第三十一条、第三十二条)
  /** Founded but without effect on the result, or the contract already performed: the procurement goes on. */
  public static final String REMEDY_NO_EFFECT = "NO_EFFECT";
  /** The documents are clarified or amended and the tender goes on (deadline moved where 87号令第二十七条 asks). */
  public static final String REMEDY_AMEND = "AMEND";
  public static final String REMEDY_RE_REVIEW = "RE_REVIEW";
  /** The award is invalid; another winner is determined from the qualified candidates in order. */
  public static final String REMEDY_NEXT_CANDIDATE = "NEXT_CANDIDATE";
  public static final String REMEDY_RE_TENDER = "RE_TENDER";
  /** A single source cannot go to another supplier: an upheld remedy that changes its result ends it. */
  public static final String REMEDY_STOP = "STOP";

  // a complaint (process BidComplaint)
  public static final String COMPLAINT_ID = "complaintId";
  public static final String COMPLAINANT = "complainant";
  public static final String COMPLAINANT_NAME = "complainantName";
  public static final String COMPLAINT_GROUNDS = "complaintGrounds";
  public static final String COMPLAINT_DECISION_DEADLINE = "complaintDecisionDeadline";
  public static final String SUSPEND_PROCUREMENT = "suspendProcurement";
  public static final String SUSPENSION_ENDS = "suspensionEnds";
  public static final String SUSPENDED_INSTANCES = "suspendedInstances";
  public static final String COMPLAINT_DECISION = "complaintDecision";
  public static final String COMPLAINT_REMEDY = "complaintRemedy";
  public static final String COMPLAINT_DECISION_TEXT = "complaintDecisionText";
  /** Finance's examination (94号令第二十一条): {@link #ACCEPT}, {@link #REQUEST_COMPLETION} or {@link #NOT_ADMISSIBLE}. */
  public static final String COMPLAINT_EXAMINATION = "complaintExamination";
  public static final String ACCEPT = "ACCEPT";
  public static final String REQUEST_COMPLETION = "REQUEST_COMPLETION";
  public static final String NOT_ADMISSIBLE = "NOT_ADMISSIBLE";
  public static final String COMPLETION_REQUEST = "completionRequest";
  public static final String COMPLETION_DUE = "completionDue";
  public static final String COMPLETION_DUE_TEXT = "completionDueText";
  public static final String COMPLETION_TEXT = "completionText";
  public static final String NOT_ADMISSIBLE_REASON = "notAdmissibleReason";
  /** The purchasing department's statement on the complaint (94号令第二十二条) and its due date. */
  public static final String DEPARTMENT_STATEMENT = "departmentStatement";
  public static final String STATEMENT_DUE = "statementDue";
  /** Working days the completion took; not counted in the 30 working days to decide (94号令第二十七条). */
  public static final String COMPLAINT_DECISION_DEADLINE_TEXT = "complaintDecisionDeadlineText";
  /** End of the 5 working days finance has to examine the complaint (94号令第二十一条). */
  public static final String EXAMINATION_DUE = "examinationDue";
  /** Working days finance gives for the completion (94号令第二十一条第一项: "合理的补正期限"). */
  public static final String COMPLETION_DAYS = "completionWorkingDays";
  /** Working days the completion took, not counted in the 30 working days to decide (94号令第二十七条). */
  public static final String COMPLETION_DAYS_USED = "completionWorkingDaysUsed";
  /** The winner of the award at the time of the complaint: a party concerned, who gets the copy (94号令第二十一条第四项). */
  public static final String RESPONDENT_WINNER = "respondentWinner";

  /** The start forms' project number field. */
  public static final String PROJECT_NUMBER = PurchaseIdentity.PROJECT_NUMBER;

  private AwardVariables() {
  }
}
