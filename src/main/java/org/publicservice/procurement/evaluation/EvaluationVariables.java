package org.publicservice.procurement.evaluation;

/** Names of the process variables of the evaluation stage (processes/EvaluationStage.bpmn). */
public final class EvaluationVariables {

  public static final String PROCESS_KEY = "EvaluationStage";
  public static final String GRADE_DECISION = "EvaluationGrade";

  // IN, from the contract and performance stages
  public static final String CONTRACT_ID = "contractId";
  public static final String CONTRACTOR = "contractor";
  public static final String CONTRACTOR_NAME = "contractorName";
  public static final String CONTRACT_AMOUNT = "contractAmount";
  /** JSON list {@code {index, name, amount, dueDate, indicatorNames?}}; the last is the final payment. */
  public static final String MILESTONES = "milestones";
  /** Optional IN: how many rating codes the department needs (default procurement.rating.codes-per-evaluation). */
  public static final String RATING_CODE_COUNT = "ratingCodeCount";

  // set when the evaluation opens
  public static final String EVALUATION_ID = "evaluationId";
  /** In the rows of both evaluation tables: the indicator as shown, "name（目标：target）". */
  public static final String INDICATOR = "indicator";
  public static final String RATING_WINDOW_END = "ratingWindowEnd";
  public static final String RATING_WINDOW_END_TEXT = "ratingWindowEndText";
  public static final String RATING_LINK = "ratingLink";
  /** The one-time codes in clear, one per line: a local variable of the department's hand-out task only. */
  public static final String RATING_CODES = "ratingCodes";
  public static final String RATING_CODES_HANDED_OUT = "ratingCodesHandedOut";

  // the organisation's self-evaluation (forms/self-evaluation.form)
  /** The self-evaluation table, one row per indicator: shown {indicator}, filled {value, score}. */
  public static final String SELF_EVALUATION = "selfEvaluation";
  public static final String SELF_VALUE = "value";
  public static final String SELF_SCORE = "score";
  public static final String SELF_REPORT = "selfEvaluationReport";
  /** Mean of the self scores, 0-100. */
  public static final String SELF_SCORE_TOTAL = "selfEvaluationScore";
  /** The self-evaluation as lines of text, for the evaluator's form. */
  public static final String SELF_SUMMARY = "selfEvaluationSummary";

  // the rating window, when it closes
  public static final String RATING_COUNT = "ratingCount";
  public static final String AVERAGE_RATING = "averageRating";
  public static final String SATISFACTION_SCORE = "satisfactionScore";
  public static final String SATISFACTION_RATED = "satisfactionRated";
  public static final String RATING_SUMMARY = "ratingSummary";
  public static final String RATING_COMMENTS = "ratingComments";

  // the third-party evaluation (forms/third-party-evaluation.form)
  /** The third party's table, one row per indicator: shown {indicator}, filled {score}. */
  public static final String THIRD_PARTY_SCORES = "thirdPartyScores";
  public static final String THIRD_PARTY_SCORE = "score";
  public static final String THIRD_PARTY_REPORT = "thirdPartyReport";
  /** Mean of the third party's indicator scores, 0-100. */
  public static final String THIRD_PARTY_SCORE_TOTAL = "thirdPartyEvaluationScore";
  public static final String THIRD_PARTY_EVALUATOR = "thirdPartyEvaluator";

  // the decision EvaluationGrade and what follows from it
  public static final String GRADE = "evaluationGrade";
  public static final String GRADE_NAME = "evaluationGradeName";
  public static final String SCORE = "evaluationScore";
  public static final String FINAL_PAYMENT_SHARE = "finalPaymentShare";
  public static final String FINAL_PAYMENT_AMOUNT = "finalPaymentAmount";
  public static final String FINAL_PAYMENT_AMOUNT_TEXT = "finalPaymentAmountText";
  /** The published result on the portal, for the mails. */
  public static final String EVALUATION_NOTICE_LINK = "evaluationNoticeLink";
  public static final String GRADE_EXCELLENT = "EXCELLENT";
  public static final String GRADE_GOOD = "GOOD";
  public static final String GRADE_PASS = "PASS";
  public static final String GRADE_FAIL = "FAIL";

  private EvaluationVariables() {
  }
}
