package org.publicservice.procurement.security;

import static org.publicservice.procurement.security.DeploymentApprovalVariables.COMMENT;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.DECIDED_BY;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.PROPOSAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the administrator refused the proposal; nothing is deployed. */
@Component
public class RejectProposalDelegate implements JavaDelegate {

  private final DeploymentProposals proposals;

  public RejectProposalDelegate(DeploymentProposals proposals) {
    this.proposals = proposals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    proposals.reject((String) execution.getVariable(PROPOSAL_ID), (String) execution.getVariable(DECIDED_BY),
        (String) execution.getVariable(COMMENT));
  }
}
