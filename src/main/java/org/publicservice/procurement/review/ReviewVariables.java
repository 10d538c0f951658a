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
  /** ISO date-times: the tender notice's publication and the bid deadline, the window of the credit check. */
  public static final String TENDER_NOTICE_AT = "tenderNoticeAt";
  public static final String BID_DEADLINE = "bidDeadline";
  /** Flags of the request (the finance bureau may change them in its review): a panel of 7 (87号令第四十七条). */
  public static final String TECHNICALLY_COMPLEX = "technicallyComplex";
  public static final String HIGH_SOCIAL_IMPACT = "highSocialImpact";

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
  /** With a failed review: the suppliers left (json list of user ids) and the method (see TenderVariables). */
  public static final String FAILED_TENDER_SUPPLIERS = "failedTenderSuppliers";
  public static final String FAILED_TENDER_METHOD = "failedTenderMethod";
  public static final String PROCUREMENT_METHOD = "procurementMethod";

  // credit check and qualification review (forms/review-qualification.form)
  /** json list of {bidId, bidder, bidderName, outcome, findings, checkedOn}. */
  public static final String CREDIT_CHECKS = "creditChecks";
  /**
   * The qualification review as a table, one row per opened bid in order of submission (a dynamic list): shown
   * {bidderName, price, submittedAt, qualifications, creditWindow, creditFindings, excluded}, filled
   * {qualification: PASS|FAIL, reason}. Rows of excluded bidders are decided by the credit check, not the form.
   */
  public static final String QUALIFICATION_SHEET = "qualificationSheet";
  public static final String QUALIFICATION = "qualification";
  public static final String QUALIFICATION_REASON = "reason";
  public static final String SHEET_EXCLUDED = "excluded";
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
  /**
   * A member's score sheet (a dynamic list), local to his instance of the multi-instance: one row per valid
   * bid, shown {bidderName, price, servicePlan, team}, with the nested list {@link #SHEET_SCORES} of one row per
   * criterion, shown {criterion, maxScore}, filled {score}.
   */
  public static final String SCORE_SHEET = "scoreSheet";
  public static final String SHEET_SCORES = "scores";
  public static final String SCORE = "score";
  public static final String SCORING_GUIDE = "scoringGuide";
  public static final String REPORT_TEXT = "reviewReportText";
  public static final String REPORT_AGREEMENT = "reportAgreement";
  public static final String AGREE = "AGREE";
  public static final String DISSENT = "DISSENT";
  public static final String REPORT_DISSENT = "reportDissent";

  // the panel's compliance review (forms/review-compliance.form), one task per qualified bid (87号令第五十条)
  /** The chair, who records the panel's common findings (decided by majority, 87号令第六十一条). */
  public static final String PANEL_CHAIR = "panelChair";
  /** The bid ids of the qualified bids: the collection of the compliance review's multi-instance. */
  public static final String COMPLIANCE_BIDS = "complianceBids";
  /** Element variable of that multi-instance: the bid under review. */
  public static final String COMPLIANCE_BID = "complianceBid";
  /** Local to a bid's review: its bidder's name (in the task's name) and what the form shows of the bid. */
  public static final String COMPLIANCE_BIDDER_NAME = "complianceBidderName";
  public static final String COMPLIANCE_BID_INFO = "complianceBidInfo";
  public static final String COMPLIANCE_OUTCOME = "complianceOutcome";
  public static final String COMPLIANT = "COMPLIANT";
  public static final String INVALID = "INVALID";
  public static final String INVALIDITY_GROUND = "invalidityGround";
  public static final String INVALIDITY_REASON = "invalidityReason";
  /** Whether the panel asks the bidder to explain an abnormally low price (87号令第六十条). */
  public static final String QUERY_PRICE = "queryPrice";
  public static final String PRICE_QUESTION = "priceQuestion";
  /** Hours the bidder has for its written explanation. */
  public static final String EXPLANATION_HOURS = "explanationHours";
  /** Local: set when the price was queried, for the gateway; and the deadline (a Date) of the answer's timer. */
  public static final String PRICE_QUERIED = "priceQueried";
  public static final String EXPLANATION_DUE = "explanationDue";
  /** The bidder's answer arrives by this message (portal: review/PriceExplanations). */
  public static final String PRICE_EXPLAINED_MESSAGE = "PriceExplanationSubmitted";
  // the panel's decision on the explanation (forms/assess-price-explanation.form)
  public static final String EXPLANATION_TEXT = "priceExplanationText";
  public static final String EXPLANATION_DECISION = "explanationDecision";
  public static final String ACCEPT = "ACCEPT";
  public static final String REJECT = "REJECT";
  public static final String EXPLANATION_DECISION_REASON = "explanationDecisionReason";
  /** After the compliance review: the valid bids (json rows as {@link #OPENED_BIDS}) and how many. */
  public static final String VALID_BIDS = "validBids";
  public static final String VALID_COUNT = "validCount";
  /** OUT: fewer valid bids than the minimum after the compliance review (政府采购法第三十六条第一项). */
  public static final String TOO_FEW_VALID = "TOO_FEW_VALID";

  // the rounds of a consultation or negotiation (forms/negotiate-with-supplier.form, conclude-negotiation-round.form)
  public static final String COMPETITIVE_CONSULTATION = "COMPETITIVE_CONSULTATION";
  public static final String COMPETITIVE_NEGOTIATION = "COMPETITIVE_NEGOTIATION";
  /** 磋商 or 谈判, for task names and mails. */
  public static final String NEGOTIATION_LABEL = "negotiationLabel";
  public static final String NEGOTIATION_ROUND = "negotiationRound";
  /** The bid ids of the suppliers still in: the collection of the round's multi-instance. */
  public static final String NEGOTIATING_BIDS = "negotiatingBids";
  /** Element variable of that multi-instance. */
  public static final String NEGOTIATION_BID = "negotiationBid";
  /** Local to a supplier's talk: its name and what the form shows of its bid. */
  public static final String NEGOTIATION_BIDDER_NAME = "negotiationBidderName";
  public static final String NEGOTIATION_BID_INFO = "negotiationBidInfo";
  public static final String NEGOTIATION_NOTES = "negotiationNotes";
  /** The supplier leaves before the final offers (74号令第三十四条). */
  public static final String SUPPLIER_WITHDREW = "supplierWithdrew";
  public static final String DOCUMENT_CHANGES = "documentChanges";
  public static final String NEXT_STEP = "negotiationNextStep";
  public static final String ANOTHER_ROUND = "ANOTHER_ROUND";
  public static final String FINAL_OFFERS = "FINAL_OFFERS";
  public static final String FINAL_OFFER_HOURS = "finalOfferHours";
  /** The deadline of the final offers (a Date) and the sealed call's id. */
  public static final String FINAL_OFFER_DUE = "finalOfferDue";
  public static final String FINAL_OFFER_CALL = "finalOfferCallId";
  public static final String MINIMUM_BIDS_BASIS = "minimumBidsBasis";

  private ReviewVariables() {
  }
}
