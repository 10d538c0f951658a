package org.publicservice.procurement.performance;

/** Names of the process variables of the performance stage (PerformanceStage) and its values. */
public final class PerformanceVariables {

  public static final String PROCESS_KEY = "PerformanceStage";

  // IN from the contract stage
  public static final String CONTRACT_ID = "contractId";
  public static final String CONTRACTOR = "contractor";
  public static final String CONTRACTOR_NAME = "contractorName";
  public static final String MILESTONES = "milestones";
  public static final String INDICATORS = "indicators";

  /** Element of the multi-instance: the index (from 1) of the milestone being delivered. */
  public static final String MILESTONE_INDEX = "milestoneIndex";

  // local to one milestone (the multi-instance body), set when it starts
  public static final String MILESTONE_NAME = "milestoneName";
  public static final String MILESTONE_AMOUNT = "milestoneAmount";
  public static final String MILESTONE_DUE_DATE = "milestoneDueDate";
  public static final String REPORT_DUE = "reportDue";
  public static final String ACCEPTANCE_DUE = "acceptanceDue";

  // the progress report (forms/submit-progress-report.form)
  public static final String PROGRESS_REPORT = "progressReport";
  /**
   * The values reached, a table with one row per indicator of the contract (json list {@code {name, target,
   * reached}}): the form shows name and target and takes {@code reached}; stored checked after the report.
   */
  public static final String INDICATOR_RESULTS = "indicatorResults";
  public static final String REACHED = "reached";
  /** The longest value reached a report may give. */
  public static final int MAX_REACHED_LENGTH = 200;

  // the phased acceptance (forms/accept-milestone.form)
  public static final String ACCEPTANCE_DECISION = "acceptanceDecision";
  public static final String ACCEPT = "ACCEPT";
  public static final String CORRECT = "CORRECT";
  public static final String RECIPIENT_PARTICIPANTS = "recipientParticipants";
  public static final String RECIPIENT_SATISFACTION = "recipientSatisfaction";
  public static final String ACCEPTANCE_OPINION = "acceptanceOpinion";

  // the payment, set by the payment step
  public static final String PAYMENT_DATE = "paymentDate";

  /** Working days the department has for a phased acceptance after the report, and the organisation for a correction. */
  public static final int ACCEPTANCE_WORKING_DAYS = 10;
  public static final int CORRECTION_WORKING_DAYS = 10;

  /** What the stage hands back. */
  public static final String OUTCOME = "performanceOutcome";
  public static final String OUTCOME_DELIVERED = "DELIVERED";
  public static final String PAID_SO_FAR = "paidSoFar";

  private PerformanceVariables() {
  }
}
