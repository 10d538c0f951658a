package org.publicservice.procurement.planning;

import org.publicservice.procurement.purchase.PurchaseIdentity;

/** Names of the process variables of the planning stage (the purchase request and its review). */
public final class PlanningVariables {

  public static final String PROCESS_KEY = "PublicServicePurchase";

  // the request, as the purchasing department files it (forms/purchase-request.form)
  public static final String SERVICE_NAME = PurchaseIdentity.SERVICE_NAME;
  public static final int SERVICE_NAME_MAX = 100;
  public static final String SERVICE_CATEGORY = "serviceCategory";
  public static final String SERVICE_DESCRIPTION = "serviceDescription";
  public static final String SERVICE_STANDARDS = "serviceStandards";
  /**
   * The performance indicators: a table (dynamic list) of {@code {name, target}}, see {@link Indicators}; what the
   * later stages measure.
   */
  public static final String INDICATORS = "indicators";
  public static final String BUDGET = "budget";
  public static final String SERVICE_PERIOD_START = "servicePeriodStart";
  public static final String SERVICE_PERIOD_END = "servicePeriodEnd";
  public static final String REGION = "region";
  public static final String SERVES_PUBLIC = "servesPublic";
  public static final String NEEDS_ASSESSMENT = "needsAssessment";
  public static final String SURVEY_RESPONDENTS = "surveyRespondents";
  public static final String SINGLE_SOURCE_GROUND = "singleSourceGround";
  public static final String SINGLE_SOURCE_JUSTIFICATION = "singleSourceJustification";
  /** A ground for 邀请招标 or 竞争性谈判 ({@link MethodGround}), and its justification. */
  public static final String METHOD_GROUND = "methodGround";
  public static final String METHOD_GROUND_JUSTIFICATION = "methodGroundJustification";
  /**
   * 87号令第四十七条: a technically complex or high-social-impact project has a panel of 7; the department flags it,
   * the finance bureau may change the flags in its review.
   */
  public static final String TECHNICALLY_COMPLEX = "technicallyComplex";
  public static final String HIGH_SOCIAL_IMPACT = "highSocialImpact";

  // set when the request is registered
  public static final String REQUESTER = "requester";
  public static final String PROJECT_NUMBER = PurchaseIdentity.PROJECT_NUMBER;
  public static final String DEPARTMENT_GROUP = PurchaseIdentity.DEPARTMENT_GROUP;
  public static final String DEPARTMENT_NAME = PurchaseIdentity.DEPARTMENT_NAME;

  // set by the decision ProcurementMethod
  public static final String PROCUREMENT_METHOD = "procurementMethod";
  public static final String PROCUREMENT_METHOD_NAME = "procurementMethodName";
  public static final String METHOD_RATIONALE = "methodRationale";

  // the finance bureau's review (forms/review-purchase-request.form)
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  /** Set when the review opens: earlier plans of the department make this request look like splitting (实施条例第二十八条). */
  public static final String SPLITTING_SUSPECTED = "splittingSuspected";
  /** Markdown for the review form: the earlier plans and their sum. */
  public static final String SPLITTING_WARNING = "splittingWarning";
  /**
   * How many earlier plans the warning lists one by one (the most recent); the others are summed up in one line. A
   * String variable is stored in a VARCHAR(4000) column (ACT_RU_VARIABLE.TEXT_), so a department with many plans in
   * a year could otherwise not file at all: 20 lines with the longest service name stay under 4000 characters.
   */
  public static final int SPLITTING_WARNING_MAX_LISTED = 20;
  /** Why the finance bureau approves a request flagged as possible splitting. */
  public static final String SPLITTING_APPROVAL_REASON = "splittingApprovalReason";
  public static final String REVIEWER = "reviewer";
  public static final String PLAN_APPROVED = "planApproved";

  public static final String DECISION_APPROVE = "APPROVE";
  public static final String DECISION_RETURN = "RETURN";
  public static final String DECISION_REJECT = "REJECT";

  private PlanningVariables() {
  }
}
