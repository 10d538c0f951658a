package org.publicservice.procurement.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static org.publicservice.procurement.identity.ProcessKeys.AWARD_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.BID_CHALLENGE;
import static org.publicservice.procurement.identity.ProcessKeys.BOND_REFUND;
import static org.publicservice.procurement.identity.ProcessKeys.BID_COMPLAINT;
import static org.publicservice.procurement.identity.ProcessKeys.CONTRACT_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.EVALUATION_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.INTENTION_COMMENT;
import static org.publicservice.procurement.identity.ProcessKeys.PERFORMANCE_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.PUBLIC_SERVICE_PURCHASE;
import static org.publicservice.procurement.identity.ProcessKeys.PURCHASE_PROCESSES;
import static org.publicservice.procurement.identity.ProcessKeys.REVIEW_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.SINGLE_SOURCE_OBJECTION;
import static org.publicservice.procurement.identity.ProcessKeys.SINGLE_SOURCE_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.TENDER_STAGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * Who may do what: the one table of groups and their global grants. {@link IdentitySetup} applies it at every
 * start-up in every profile.
 *
 * <p>Task rights are deliberately absent: the engine grants READ and TASK_WORK on a task to its candidate groups
 * and assignee when the task is created ({@code default-user-permission-name-for-task: TASK_WORK}), so a group
 * works exactly the tasks the models give it. READ on a process definition only lets Tasklist show the process
 * name and diagram of those tasks; it reveals no instance data.
 */
public final class AccessRules {

  /** A grant of permissions on one resource ({@code "*"} for all resources of the type). */
  public record Grant(Resource resource, String resourceId, List<Permission> permissions) {
  }

  /** A group of the identity service with its Chinese name, its type and its grants. */
  public record GroupRule(String groupId, String name, String type, List<Grant> grants) {
  }

  /**
   * A department runs every stage of its own purchases, replies to challenges, states its case on complaints and
   * reads the residents' comments on its intentions; which instances it sees follows from its tasks.
   */
  private static final List<String> DEPARTMENT_PROCESSES =
      Stream.concat(PURCHASE_PROCESSES.stream(), Stream.of(INTENTION_COMMENT, BID_CHALLENGE, BID_COMPLAINT, BOND_REFUND))
          .toList();

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  public static final List<GroupRule> GROUPS = List.of(
      group(Groups.PURCHASER, "采购人", Groups.TYPE_ROLE,
          app(TASKLIST),
          // start a purchase through the start form: CREATE_INSTANCE on the definition, CREATE on instances
          processes(List.of(PUBLIC_SERVICE_PURCHASE),
              ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
          one(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE),
          processes(PURCHASE_PROCESSES, ProcessDefinitionPermissions.READ),
          colleagues()),
      group(Groups.DEPT_CIVIL_AFFAIRS, "南通市民政局", Groups.TYPE_DEPARTMENT,
          app(TASKLIST),
          // revises its own requests and runs every stage of its purchases; its members are purchasers as well
          processes(DEPARTMENT_PROCESSES, ProcessDefinitionPermissions.READ)),
      group(Groups.DEPT_HEALTH, "南通市卫生健康委员会", Groups.TYPE_DEPARTMENT,
          app(TASKLIST),
          processes(DEPARTMENT_PROCESSES, ProcessDefinitionPermissions.READ)),
      group(Groups.DEPT_EDUCATION, "南通市教育局", Groups.TYPE_DEPARTMENT,
          app(TASKLIST),
          processes(DEPARTMENT_PROCESSES, ProcessDefinitionPermissions.READ)),
      group(Groups.DEPT_HUMAN_RESOURCES, "南通市人力资源和社会保障局", Groups.TYPE_DEPARTMENT,
          app(TASKLIST),
          processes(DEPARTMENT_PROCESSES, ProcessDefinitionPermissions.READ)),
      group(Groups.FINANCE, "财政局", Groups.TYPE_ROLE,
          app(TASKLIST),
          processes(PURCHASE_PROCESSES, ProcessDefinitionPermissions.READ),
          // finance oversees every purchase request and plan (so its task cards show project and department);
          // not the stages, whose variables include sealed bids
          processes(List.of(PUBLIC_SERVICE_PURCHASE), ProcessDefinitionPermissions.READ_INSTANCE),
          // handles complaints (its tasks there come from the model)
          processes(List.of(BID_COMPLAINT), ProcessDefinitionPermissions.READ),
          colleagues()),
      group(Groups.EXPERT, "评审专家", Groups.TYPE_ROLE,
          app(TASKLIST),
          processes(List.of(REVIEW_STAGE), ProcessDefinitionPermissions.READ)),
      group(Groups.SOCIAL_ORGANISATION, "承接主体", Groups.TYPE_ROLE,
          app(TASKLIST),
          processes(List.of(TENDER_STAGE, AWARD_STAGE, CONTRACT_STAGE, PERFORMANCE_STAGE, EVALUATION_STAGE),
              ProcessDefinitionPermissions.READ),
          // objects to a single-source notice through the start form; the objection reaches the stage by message
          // challenges an award and complains to finance the same way (Challenges, Complaints check who may)
          processes(List.of(SINGLE_SOURCE_OBJECTION, BID_CHALLENGE, BID_COMPLAINT),
              ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
          one(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE)),
      group(Groups.EVALUATOR, "第三方评价机构", Groups.TYPE_ROLE,
          app(TASKLIST),
          processes(List.of(EVALUATION_STAGE), ProcessDefinitionPermissions.READ)),
      group(Groups.SUPERVISOR, "监督", Groups.TYPE_ROLE,
          app(TASKLIST),
          app(COCKPIT),
          // read-only monitoring of everything: instances, history, incidents, overdue tasks; and sending a mail that
          // could not go out again: it is a failed job on its purchase (notification/MailIncidents), hence RETRY_JOB,
          // which notification/MailRetryRight narrows to the mails' jobs for supervisors
          one(PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
              ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
              ProcessDefinitionPermissions.RETRY_JOB),
          one(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
          one(TASK, ANY, TaskPermissions.READ),
          one(HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ),
          one(HISTORIC_TASK, ANY, HistoricTaskPermissions.READ),
          one(DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
          one(DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
          one(DEPLOYMENT, ANY, Permissions.READ),
          one(OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ),
          colleagues()),
      group(Groups.DESIGNER, "流程设计", Groups.TYPE_ROLE,
          app(TASKLIST),
          // Desktop Modeler: lists deployments to test the connection, then deploys models and forms
          one(DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ),
          one(PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
          one(DECISION_DEFINITION, ANY, Permissions.READ),
          one(DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ)),
      group(Groups.ADMIN, "系统管理员", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM,
          Arrays.stream(Resources.values()).map(r -> List.of(new Grant(r, ANY, List.of(Permissions.ALL))))
              .toArray(List[]::new)));

  public static GroupRule rule(String groupId) {
    return GROUPS.stream().filter(g -> g.groupId().equals(groupId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no access rule for group " + groupId));
  }

  @SafeVarargs
  private static GroupRule group(String id, String name, String type, List<Grant>... grants) {
    List<Grant> all = new ArrayList<>();
    Stream.of(grants).forEach(all::addAll);
    return new GroupRule(id, name, type, List.copyOf(all));
  }

  private static List<Grant> app(String application) {
    return one(APPLICATION, application, Permissions.ACCESS);
  }

  private static List<Grant> one(Resource resource, String resourceId, Permission... permissions) {
    return List.of(new Grant(resource, resourceId, List.of(permissions)));
  }

  private static List<Grant> processes(List<String> keys, Permission... permissions) {
    return keys.stream().map(key -> new Grant(PROCESS_DEFINITION, key, List.of(permissions))).toList();
  }

  /** Government staff see the names of the users and groups a task is assigned to. */
  private static List<Grant> colleagues() {
    return List.of(new Grant(USER, ANY, List.of(Permissions.READ)), new Grant(GROUP, ANY, List.of(Permissions.READ)));
  }

  private AccessRules() {
  }
}
