-- Four eyes on deployments (security/DeploymentProposals): what a process designer deploys from Desktop Modeler is
-- held here until an administrator other than the designer approves it in the process DeploymentApproval.
-- status: PENDING -> APPROVED (deployment_id set) | REJECTED.
CREATE TABLE deployment_proposal (
    id               VARCHAR(36)   NOT NULL,
    deployment_name  VARCHAR(255)  NOT NULL,
    proposed_by      VARCHAR(64)   NOT NULL,
    proposed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    proposal_status  VARCHAR(16)   NOT NULL,
    decided_by       VARCHAR(64),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_comment VARCHAR(2000),
    deployment_id    VARCHAR(64),
    CONSTRAINT pk_deployment_proposal PRIMARY KEY (id)
);

-- The resources of a proposal as the designer sent them (BPMN, DMN and forms are UTF-8 text).
CREATE TABLE deployment_proposal_resource (
    proposal_id    VARCHAR(36)   NOT NULL,
    resource_name  VARCHAR(255)  NOT NULL,
    content        TEXT          NOT NULL,
    CONSTRAINT pk_deployment_proposal_resource PRIMARY KEY (proposal_id, resource_name),
    CONSTRAINT fk_deployment_proposal_resource FOREIGN KEY (proposal_id) REFERENCES deployment_proposal (id)
);
