package org.publicservice.procurement.security;

import org.publicservice.procurement.purchase.SubmissionRejectedException;

/**
 * Ends a designer's deployment call without deploying: the deployment is held for an administrator's approval. The
 * REST API answers 202 Accepted with this message and the proposal's number (security/RefusalRestMapper). It is a
 * refusal in the engine's terms only so that the call's transaction ends cleanly and nothing is logged as a fault.
 */
public class DeploymentProposedException extends SubmissionRejectedException {

  private static final long serialVersionUID = 1L;

  private final String proposalId;

  public DeploymentProposedException(String proposalId, String name) {
    super(null, "部署“" + name + "”已提交，等待系统管理员审批（申请编号 " + proposalId + "）；批准前不会生效。");
    this.proposalId = proposalId;
  }

  public String getProposalId() {
    return proposalId;
  }
}
