package org.publicservice.procurement.security;

/** Variables of the process DeploymentApproval and its form approve-deployment. */
public final class DeploymentApprovalVariables {

  public static final String PROPOSAL_ID = "proposalId";
  public static final String DEPLOYMENT_NAME = "deploymentName";
  public static final String PROPOSED_BY = "proposedBy";
  public static final String PROPOSED_AT_TEXT = "proposedAtText";
  public static final String RESOURCE_SUMMARY = "resourceSummary";
  /** APPROVE or REJECT. */
  public static final String DECISION = "deploymentDecision";
  public static final String COMMENT = "deploymentDecisionComment";
  /** Who decided (the administrator who completed the task). */
  public static final String DECIDED_BY = "deploymentDecidedBy";
  public static final String DEPLOYMENT_ID = "deploymentId";

  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";

  private DeploymentApprovalVariables() {
  }
}
