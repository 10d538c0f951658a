package org.publicservice.procurement.review;

import org.publicservice.procurement.purchase.PurchaseIdentity;

/** Names of the variables of process ReviewStage and of its forms. */
public final class ReviewVariables {

  public static final String PROCESS_KEY = "ReviewStage";

  // IN, from planning and the tender stage
  public static final String BUDGET = "budget";
  public static final String DEPARTMENT_GROUP = PurchaseIdentity.DEPARTMENT_GROUP;
  public static final String DEPARTMENT_NAME = PurchaseIdentity.DEPARTMENT_NAME;
  public static final String SERVICE_NAME = PurchaseIdentity.SERVICE_NAME;
  public static final String PROCUREMENT_METHOD_NAME = "procurementMethodName";
  public static final String TENDER_ROUND = "tenderRound";
  public static final String EVALUATION_METHOD = "evaluationMethod";
  public static final String COMPREHENSIVE = "COMPREHENSIVE";
  public static final String LOWEST_PRICE = "LOWEST_PRICE";
  public static final String PRICE_WEIGHT = "priceWeight";
  /** json list of {name, maxScore}. */
  public static final String EVALUATION_CRITERIA = "evaluationCriteria";
  public static final String QUALIFICATION_REQUIREMENTS = "qualificationRequirements";
  /** json list of {bidId, bidder, bidderName, price, servicePlan, team, qualifications, submittedAt}. */
  public static final String OPENED_BIDS = "openedBids";
  public static final String MINIMUM_BIDS = "minimumBids";

  // OUT
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String RANKED = "RANKED";
  public static final String TOO_FEW_QUALIFIED = "TOO_FEW_QUALIFIED";
  /** json list, best first: {rank, bidId, bidder, bidderName, price, priceScore, criteriaScore, totalScore}. */
  public static final String RANKING = "ranking";
  /** json list of {userId, name, role}. */
  public static final String PANEL = "panel";
  public static final String REVIEW_REPORT_ID = "reviewReportId";
  /** Set with TOO_FEW_QUALIFIED: the reason the main process may hand to TenderStage as failedTenderReason. */
  public static final String FAILED_TENDER_REASON = "failedTenderReason";

  // credit check and qualification review (forms/review-qualification.form); i = 1..MAX_BIDS
  /** json list of {bidId, bidder, bidderName, outcome, findings, checkedOn}. */
  public static final String CREDIT_CHECKS = "creditChecks";
  public static final String QUALIFICATION_BID_COUNT = "qualBidCount";
  public static final String REPRESENTATIVE_OPTIONS = "representativeOptions";
  /** Optional: a user of the department group who sits on the panel (never its chair, 87号令第四十五条). */
  public static final String REPRESENTATIVE = "departmentRepresentative";
  /** json list of {bidId, bidder, bidderName, qualified, reason}. */
  public static final String QUALIFICATION_RESULTS = "qualificationResults";
  /** json list of the opened bids that passed, in order of submission. */
  public static final String QUALIFIED_BIDS = "qualifiedBids";
  public static final String QUALIFIED_COUNT = "qualifiedCount";
  public static final String PASS = "PASS";
  public static final String FAIL = "FAIL";

  // the panel draw and the conflict declarations (forms/declare-conflict.form)
  public static final String PANEL_DRAW_ID = "panelDrawId";
  /** The experts still to declare in this round: the collection of the multi-instance subprocess. */
  public static final String DECLARATIONS_PENDING = "conflictDeclarationsPending";
  /** Element variable of that multi-instance: the expert who declares. */
  public static final String EXPERT = "expert";
  /** End of the declaration period of the current round (a Date): the boundary timer fires then. */
  public static final String DECLARATION_DUE = "declarationDue";
  public static final String PANEL_COMPLETE = "panelComplete";
  public static final String BIDDER_LIST = "reviewBidderList";
  public static final String CONFLICT_DECLARATION = "conflictDeclaration";
  public static final String NO_CONFLICT = "NONE";
  public static final String CONFLICT = "CONFLICT";
  public static final String CONFLICT_NOTE = "conflictNote";

  // scoring (forms/score-bids.form) and the report (forms/confirm-review-report.form)
  /** The panel's user ids (chair first): the collection of the scoring and confirming multi-instances. */
  public static final String PANEL_MEMBERS = "panelMembers";
  /** Element variable of those multi-instances. */
  public static final String MEMBER = "member";
  public static final String SCORE_BID_COUNT = "scoreBidCount";
  public static final String SCORE_CRITERIA_COUNT = "scoreCriteriaCount";
  public static final String SCORING_GUIDE = "scoringGuide";
  public static final String REPORT_TEXT = "reviewReportText";
  public static final String REPORT_AGREEMENT = "reportAgreement";
  public static final String AGREE = "AGREE";
  public static final String DISSENT = "DISSENT";
  public static final String REPORT_DISSENT = "reportDissent";

  /** The scoring form offers this many bids and criteria (fixed numbered fields: Tasklist cannot submit lists). */
  public static final int MAX_BIDS = 10;
  public static final int MAX_CRITERIA = 8;

  public static String qualificationInfo(int bid) {
    return "qualBid" + bid + "Info";
  }

  public static String qualificationExcluded(int bid) {
    return "qualBid" + bid + "Excluded";
  }

  public static String qualification(int bid) {
    return "qualification" + bid;
  }

  public static String qualificationReason(int bid) {
    return "qualificationReason" + bid;
  }

  public static String scoreBidTitle(int bid) {
    return "scoreBid" + bid + "Title";
  }

  public static String criterionLabel(int criterion) {
    return "scoreCriterion" + criterion + "Label";
  }

  public static String criterionMax(int criterion) {
    return "scoreCriterion" + criterion + "Max";
  }

  public static String score(int bid, int criterion) {
    return "score_" + bid + "_" + criterion;
  }

  private ReviewVariables() {
  }
}
