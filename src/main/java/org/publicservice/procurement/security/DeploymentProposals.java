package org.publicservice.procurement.security;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Four eyes on deployments. A process designer's deployment (Desktop Modeler, REST) is vetted at once, then held
 * as a proposal: the REST API answers 202 with the proposal's number, and an administrator gets the task 审批流程部署
 * (process {@code DeploymentApproval}). Only when an administrator other than the designer approves it is it
 * deployed, as the system, and vetted again. Administrators deploy directly (they hold every right anyway), and the
 * application's own models deploy at start-up without a user.
 */
@Component
public class DeploymentProposals {

  public static final String PROCESS_KEY = "DeploymentApproval";
  static final String PENDING = "PENDING";
  static final String APPROVED = "APPROVED";
  static final String REJECTED = "REJECTED";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private static final Pattern PROCESS = Pattern.compile("<(?:bpmn2?:)?process\\b[^>]*\\bid=\"([^\"]+)\"");
  private static final Pattern DECISION = Pattern.compile("<(?:dmn:)?decision\\b[^>]*\\bid=\"([^\"]+)\"");

  private final JdbcClient jdbc;
  private final DeploymentVetting vetting;
  private final ProcessEngine engine;

  public DeploymentProposals(JdbcClient jdbc, DeploymentVetting vetting, @Lazy ProcessEngine engine) {
    this.jdbc = jdbc;
    this.vetting = vetting;
    this.engine = engine;
  }

  /** Whether a user's deployment is held for approval: anyone but an administrator. */
  static boolean needsApproval(CommandContext context) {
    List<String> groups = context.getAuthenticatedGroupIds();
    return context.getAuthenticatedUserId() != null && (groups == null || !groups.contains(Groups.ADMIN));
  }

  /** Holds a designer's deployment: checks the right to deploy and the content, stores it and asks an administrator. */
  void propose(DeployCmd command, CommandContext context) {
    context.getAuthorizationManager().checkAuthorization(Permissions.CREATE, Resources.DEPLOYMENT);
    DeploymentBuilderImpl builder = CommandFields.get(command, "deploymentBuilder");
    DeploymentEntity deployment = builder.getDeployment();
    Map<String, String> resources = new LinkedHashMap<>();
    if (deployment.getResources() != null) {
      for (ResourceEntity resource : deployment.getResources().values()) {
        vetting.vet(resource.getName(), resource.getBytes());
        resources.put(resource.getName(), new String(resource.getBytes(), StandardCharsets.UTF_8));
      }
    }
    if (resources.isEmpty()) {
      throw new VettingException("部署不包含任何模型或表单（不能重新部署已有部署的资源，请直接提交文件）。");
    }
    String name = deployment.getName() == null || deployment.getName().isBlank() ? "未命名部署" : deployment.getName();
    String proposer = context.getAuthenticatedUserId();
    String id = UUID.randomUUID().toString();
    // its own transaction: the designer's call itself ends without deploying anything
    context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew().execute(inner -> {
      store(id, name, proposer, resources);
      SystemAccess.run(() -> inner.getProcessEngineConfiguration().getRuntimeService().startProcessInstanceByKey(
          PROCESS_KEY, id, Variables.createVariables()
              .putValue(DeploymentApprovalVariables.PROPOSAL_ID, id)
              .putValue(DeploymentApprovalVariables.DEPLOYMENT_NAME, name)
              .putValue(DeploymentApprovalVariables.PROPOSED_BY, proposer)
              .putValue(DeploymentApprovalVariables.PROPOSED_AT_TEXT,
                  ProcurementTime.today().toString() + " " + OffsetDateTime.now(ProcurementTime.ZONE).toLocalTime()
                      .withNano(0))
              // every resource with its processes and expressions: a whole application's models give more than a
              // String variable holds
              .putValue(DeploymentApprovalVariables.RESOURCE_SUMMARY, JsonValues.longText(summary(resources)))));
      return null;
    });
    throw new DeploymentProposedException(id, name);
  }

  private void store(String id, String name, String proposer, Map<String, String> resources) {
    jdbc.sql("INSERT INTO deployment_proposal (id, deployment_name, proposed_by, proposed_at, proposal_status) "
            + "VALUES (:id, :name, :by, :at, :status)")
        .param("id", id).param("name", name).param("by", proposer).param("at", OffsetDateTime.now())
        .param("status", PENDING).update();
    resources.forEach((resource, content) -> jdbc.sql("INSERT INTO deployment_proposal_resource "
            + "(proposal_id, resource_name, content) VALUES (:id, :name, :content)")
        .param("id", id).param("name", resource).param("content", content).update());
  }

  /** What an administrator reviews: each resource, what it defines and every expression it evaluates. */
  static String summary(Map<String, String> resources) {
    StringBuilder text = new StringBuilder();
    resources.forEach((name, content) -> {
      text.append(name).append("（").append(content.length()).append("字符）\n");
      Set<String> defines = new LinkedHashSet<>();
      for (Pattern pattern : List.of(PROCESS, DECISION)) {
        Matcher matcher = pattern.matcher(content);
        while (matcher.find()) {
          defines.add(matcher.group(1));
        }
      }
      if (!defines.isEmpty()) {
        text.append("  定义：").append(String.join("、", defines)).append('\n');
      }
      Set<String> expressions = new LinkedHashSet<>();
      Matcher matcher = EXPRESSION.matcher(content);
      while (matcher.find()) {
        expressions.add(matcher.group());
      }
      if (!expressions.isEmpty()) {
        text.append("  表达式：").append(String.join("  ", expressions)).append('\n');
      }
    });
    return text.toString().strip();
  }

  /** Deploys an approved proposal as the system; the vetting runs again on the way in. */
  Deployment deploy(String id, String approver, String comment) {
    Map<String, Object> proposal = proposal(id);
    var builder = engine.getRepositoryService().createDeployment()
        .name((String) proposal.get("deployment_name"))
        .source("流程部署审批（提交：" + proposal.get("proposed_by") + "，批准：" + approver + "）");
    jdbc.sql("SELECT resource_name, content FROM deployment_proposal_resource WHERE proposal_id = :id "
            + "ORDER BY resource_name")
        .param("id", id).query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(resource -> builder.addString(resource.getKey(), resource.getValue()));
    Deployment deployment = SystemAccess.run(engine, builder::deploy);
    decide(id, APPROVED, approver, comment, deployment.getId());
    return deployment;
  }

  void reject(String id, String approver, String comment) {
    proposal(id);
    decide(id, REJECTED, approver, comment, null);
  }

  private Map<String, Object> proposal(String id) {
    return jdbc.sql("SELECT deployment_name, proposed_by, proposal_status FROM deployment_proposal WHERE id = :id")
        .param("id", id).query().singleRow();
  }

  private void decide(String id, String status, String approver, String comment, String deploymentId) {
    int updated = jdbc.sql("UPDATE deployment_proposal SET proposal_status = :status, decided_by = :by, "
            + "decided_at = :at, decision_comment = :comment, deployment_id = :deployment "
            + "WHERE id = :id AND proposal_status = :pending")
        .param("status", status).param("by", approver).param("at", OffsetDateTime.now())
        .param("comment", comment).param("deployment", deploymentId).param("id", id).param("pending", PENDING)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("deployment proposal " + id + " was decided already");
    }
  }

  /** The status of a proposal, for the designer's and the tests' questions. */
  public String status(String id) {
    return jdbc.sql("SELECT proposal_status FROM deployment_proposal WHERE id = :id").param("id", id)
        .query(String.class).single();
  }
}
