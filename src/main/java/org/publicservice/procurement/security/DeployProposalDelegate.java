package org.publicservice.procurement.security;

import static org.publicservice.procurement.security.DeploymentApprovalVariables.COMMENT;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.DECIDED_BY;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.DEPLOYMENT_ID;
import static org.publicservice.procurement.security.DeploymentApprovalVariables.PROPOSAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Deploys the approved proposal (DeploymentApproval), as the system, vetted again. */
@Component
public class DeployProposalDelegate implements JavaDelegate {

  private final DeploymentProposals proposals;

  public DeployProposalDelegate(DeploymentProposals proposals) {
    this.proposals = proposals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var deployment = proposals.deploy((String) execution.getVariable(PROPOSAL_ID),
        (String) execution.getVariable(DECIDED_BY), (String) execution.getVariable(COMMENT));
    execution.setVariable(DEPLOYMENT_ID, deployment.getId());
  }
}
