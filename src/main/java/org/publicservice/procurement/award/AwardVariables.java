package org.publicservice.procurement.award;

import org.publicservice.procurement.purchase.PurchaseIdentity;

/** Names of the variables and messages of the award stage, of challenges (质疑) and of complaints (投诉). */
public final class AwardVariables {

  public static final String STAGE_PROCESS_KEY = "AwardStage";
  /** Tasklist start form of a challenge; the challenge itself is handled inside the project's AwardStage. */
  public static final String CHALLENGE_PROCESS_KEY = "BidChallenge";
  /** A complaint to the finance bureau, handled in its own instance so that it goes on while the purchase is suspended. */
  public static final String COMPLAINT_PROCESS_KEY = "BidComplaint";

  public static final String CHALLENGE_MESSAGE = "BidChallengeFiled";
  public static final String COMPLAINT_FILED_MESSAGE = "BidComplaintFiled";
  public static final String COMPLAINT_DECIDED_MESSAGE = "BidComplaintDecided";

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
  public static final String DEVIATION_REASON = "deviationReason";
  /** How the winner was determined: {@link #CHOSEN_BY_DEPARTMENT} or {@link #CHOSEN_BY_DEFAULT}. */
  public static final String WINNER_CHOSEN_BY = "winnerChosenBy";
  public static final String CHOSEN_BY_DEPARTMENT = "DEPARTMENT";
  public static final String CHOSEN_BY_DEFAULT = "DEFAULT";

  // OUT, to the main process
  public static final String AWARD_OUTCOME = "awardOutcome";
  public static final String OUTCOME_AWARDED = "AWARDED";
  public static final String OUTCOME_RE_REVIEW = "RE_REVIEW";
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
  public static final String COMPLAINT_WINDOW_END = "complaintWindowEnd";
  public static final String REJECTED = "REJECTED";
  public static final String UPHELD = "UPHELD";

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

  /** The start forms' project number field. */
  public static final String PROJECT_NUMBER = PurchaseIdentity.PROJECT_NUMBER;

  private AwardVariables() {
  }
}
