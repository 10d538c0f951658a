package org.publicservice.procurement.officials;

import static org.publicservice.procurement.planning.PlanningVariables.BUDGET;
import static org.publicservice.procurement.planning.PlanningVariables.DEPARTMENT_GROUP;
import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD_NAME;
import static org.publicservice.procurement.planning.PlanningVariables.SERVICE_NAME;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * A purchasing department's view of its purchases: for each purchase it filed, where the purchase stands (stage,
 * open steps), the next deadline and who acts next. It reads the engine as the system but only for the purchases
 * whose {@code departmentGroup} is one of the official's departments; of people outside the department it names
 * only the role (评审专家, 承接主体), so that panel members and bidders stay unnamed as the procedure requires.
 */
@Component
class PurchaseOverview {

  /** The most recent purchases listed; a department files a few dozen a year. */
  static final int LIMIT = 200;
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** The planning stage runs in the main process itself. */
  static final String PLANNING_STAGE = "采购需求与审核";

  record Step(String task, String who, String due, boolean overdue) {
  }

  record Deadline(String what, String at, boolean overdue) {
  }

  record PurchaseStatus(String projectNumber, String serviceName, String budget, String method, String filedAt,
      boolean running, String stage, List<Step> steps, Deadline nextDeadline) {
  }

  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final IdentityService identity;

  PurchaseOverview(HistoryService history, RuntimeService runtime, TaskService tasks, ManagementService management,
      RepositoryService repository, IdentityService identity) {
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.identity = identity;
  }

  /** The departments (groups of type DEPARTMENT) among the groups of a login. */
  List<Group> departmentsOf(List<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).groupType(Groups.TYPE_DEPARTMENT)
        .orderByGroupId().asc().list();
  }

  List<PurchaseStatus> purchasesOf(List<Group> departments) {
    List<HistoricProcessInstance> purchases = new ArrayList<>();
    for (Group department : departments) {
      purchases.addAll(history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE)
          .variableValueEquals(DEPARTMENT_GROUP, department.getId())
          .orderByProcessInstanceStartTime().desc().listPage(0, LIMIT));
    }
    purchases.sort(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed());
    if (purchases.isEmpty()) {
      return List.of();
    }
    Set<String> departmentIds = new LinkedHashSet<>(departments.stream().map(Group::getId).toList());
    Map<String, Map<String, Object>> facts = facts(purchases);
    Map<String, String> names = new HashMap<>();
    return purchases.stream().limit(LIMIT)
        .map(p -> status(p, facts.getOrDefault(p.getId(), Map.of()), departmentIds, names)).toList();
  }

  private Map<String, Map<String, Object>> facts(List<HistoricProcessInstance> purchases) {
    Map<String, Map<String, Object>> facts = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(purchases.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(SERVICE_NAME, BUDGET, PROCUREMENT_METHOD_NAME).list()) {
      facts.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
          .put(variable.getName(), variable.getValue());
    }
    return facts;
  }

  private PurchaseStatus status(HistoricProcessInstance purchase, Map<String, Object> facts, Set<String> departments,
      Map<String, String> names) {
    String budget = facts.get(BUDGET) instanceof Number amount ? Money.yuan(new BigDecimal(amount.toString()))
        : "";
    String filedAt = beijing(purchase.getStartTime());
    String serviceName = text(facts.get(SERVICE_NAME));
    String method = text(facts.get(PROCUREMENT_METHOD_NAME));
    if (purchase.getEndTime() != null) {
      return new PurchaseStatus(purchase.getBusinessKey(), serviceName, budget, method, filedAt, false,
          ending(purchase), List.of(), null);
    }
    List<ProcessInstance> tree = runtime.createProcessInstanceQuery().rootProcessInstanceId(purchase.getId()).list();
    List<String> ids = tree.stream().map(ProcessInstance::getId).toList();
    List<Step> steps = new ArrayList<>();
    List<Deadline> deadlines = new ArrayList<>();
    Date now = ClockUtil.getCurrentTime();
    for (Task task : tasks.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new))
        .orderByDueDate().asc().list()) {
      boolean overdue = task.getDueDate() != null && task.getDueDate().before(now);
      steps.add(new Step(task.getName(), who(task, departments, names), beijing(task.getDueDate()), overdue));
      if (task.getDueDate() != null) {
        deadlines.add(new Deadline(task.getName(), beijing(task.getDueDate()), overdue));
      }
    }
    for (String id : ids) {
      for (Job job : management.createJobQuery().timers().processInstanceId(id).list()) {
        if (job.getDuedate() != null) {
          deadlines.add(new Deadline(timerName(job), beijing(job.getDuedate()), job.getDuedate().before(now)));
        }
      }
    }
    Deadline next = deadlines.stream().min(Comparator.comparing(Deadline::at)).orElse(null);
    return new PurchaseStatus(purchase.getBusinessKey(), serviceName, budget, method, filedAt, true, stage(tree),
        steps, next);
  }

  /** The stage a running purchase is in: the called stage process, or the planning stage of the main process. */
  private String stage(List<ProcessInstance> tree) {
    return tree.stream()
        .map(instance -> repository.getProcessDefinition(instance.getProcessDefinitionId()))
        .filter(definition -> !ProcessKeys.PUBLIC_SERVICE_PURCHASE.equals(definition.getKey()))
        .map(definition -> definition.getName())
        .reduce((first, second) -> second)
        .orElse(PLANNING_STAGE);
  }

  /** How an ended purchase ended: the name of the end event it reached. */
  private String ending(HistoricProcessInstance purchase) {
    List<HistoricActivityInstance> ends = history.createHistoricActivityInstanceQuery()
        .processInstanceId(purchase.getId()).activityType("noneEndEvent").list();
    if (!ends.isEmpty() && ends.get(0).getActivityName() != null) {
      return "已结束：" + ends.get(0).getActivityName();
    }
    return purchase.getDeleteReason() != null ? "已终止" : "已结束";
  }

  /** Who must act: the assignee, or the candidate groups; outside the department only by role. */
  private String who(Task task, Set<String> departments, Map<String, String> names) {
    if (task.getAssignee() != null) {
      return names.computeIfAbsent("user:" + task.getAssignee(), key -> personOrRole(task.getAssignee(), departments));
    }
    Set<String> who = new LinkedHashSet<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getGroupId() != null) {
        who.add(names.computeIfAbsent("group:" + link.getGroupId(), key -> groupName(link.getGroupId())));
      } else if (link.getUserId() != null) {
        who.add(names.computeIfAbsent("user:" + link.getUserId(), key -> personOrRole(link.getUserId(), departments)));
      }
    }
    return who.isEmpty() ? "（待分配）" : String.join("、", who);
  }

  private String personOrRole(String userId, Set<String> departments) {
    List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
    if (groups.stream().anyMatch(g -> departments.contains(g.getId()))) {
      User user = identity.createUserQuery().userId(userId).singleResult();
      return user == null ? userId : (user.getFirstName() + user.getLastName()).replace("null", "").trim();
    }
    return groups.stream().filter(g -> Groups.ROLES.contains(g.getId()))
        .min(Comparator.comparing(g -> Groups.ROLES.indexOf(g.getId())))
        .map(Group::getName).orElse("其他单位");
  }

  private String groupName(String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null ? groupId : group.getName();
  }

  /** A timer's name from its job definition: a job read through a query cannot load its activity lazily. */
  private String timerName(Job job) {
    JobDefinition definition = job.getJobDefinitionId() == null ? null
        : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    if (definition != null && definition.getActivityId() != null) {
      FlowElement element = repository.getBpmnModelInstance(job.getProcessDefinitionId())
          .getModelElementById(definition.getActivityId());
      if (element != null && element.getName() != null) {
        return element.getName().replace('\n', ' ');
      }
    }
    return "定时事项";
  }

  private static String beijing(Date date) {
    return date == null ? null : MINUTE.format(date.toInstant().atZone(ProcurementTime.ZONE));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
