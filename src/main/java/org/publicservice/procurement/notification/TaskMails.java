package org.publicservice.procurement.notification;

import static org.publicservice.procurement.notification.MailVariables.*;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The mails about user tasks: a new task for its assignee or its candidates, a deadline near, a deadline
 * passed. The person whose own action created or assigned a task is not mailed about it: they are looking at
 * Tasklist already.
 */
@Component
public class TaskMails {

  public static final String TEMPLATE_ASSIGNED = "task-assigned";
  public static final String TEMPLATE_CANDIDATE = "task-candidate";
  public static final String TEMPLATE_DUE_SOON = "task-due-soon";
  public static final String TEMPLATE_OVERDUE = "task-overdue";
  public static final String TEMPLATE_OVERDUE_SUPERVISOR = "task-overdue-supervisor";

  /**
   * Tasks outside any purchase (the working-day calendar, the registers) have no project number or service: their
   * mails use the templates of the same name with this prefix ({@code admin-task-candidate}, ...).
   */
  public static final String ADMINISTRATION_PREFIX = "admin-";
  /** The processes of administrators' work; every other process with tasks belongs to a purchase. */
  public static final Set<String> ADMINISTRATION_PROCESSES = Set.of(ProcessKeys.CHECK_HOLIDAY_SCHEDULE,
      ProcessKeys.MAINTAIN_HOLIDAY_SCHEDULE, ProcessKeys.MAINTAIN_CREDIT_RECORD);

  /** Reminder kinds, one reminder per task and kind. */
  public static final String DUE_SOON = "due-soon";
  public static final String OVERDUE = "overdue";


  private final Notifications notifications;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final PublicLinks links;

  public TaskMails(Notifications notifications, @Lazy IdentityService identityService,
      @Lazy TaskService taskService, @Lazy RuntimeService runtimeService,
      PublicLinks links) {
    this.notifications = notifications;
    this.identityService = identityService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.links = links;
  }

  /** What a mail about a task needs, read either from a task being created or from a stored task. */
  record TaskFacts(String id, String name, String assignee, Set<String> candidateUsers, Set<String> candidateGroups,
      Date due, String processDefinitionId, String businessKey, Object serviceName) {
  }

  /** A task was created: its assignee, or else each candidate user and each member of each candidate group. */
  public void created(DelegateTask task) {
    TaskFacts facts = facts(task);
    if (facts.assignee() != null) {
      assigned(task);
      return;
    }
    String actor = currentUser();
    Map<String, Object> model = model(facts);
    String event = "task:" + facts.id() + ":new";
    for (String userId : candidates(facts)) {
      if (!userId.equals(actor)) {
        notifications.toUser(userId, template(TEMPLATE_CANDIDATE, facts), event, model);
      }
    }
  }

  /** A task got an assignee (at creation, or later from somebody else than the assignee). */
  public void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || assignee.equals(currentUser())) {
      return;
    }
    TaskFacts facts = facts(task);
    notifications.toUser(assignee, template(TEMPLATE_ASSIGNED, facts), "task:" + facts.id() + ":assigned:" + assignee, model(facts));
  }

  /** The task's deadline is near: remind whoever must act on it. */
  public void dueSoon(Task task) {
    TaskFacts facts = facts(task);
    remindResponsible(facts, DUE_SOON, TEMPLATE_DUE_SOON);
  }

  /** The task's deadline passed: remind whoever must act on it and tell the supervisors. */
  public void overdue(Task task) {
    TaskFacts facts = facts(task);
    remindResponsible(facts, OVERDUE, TEMPLATE_OVERDUE);
    Map<String, Object> model = model(facts);
    model.put(MODEL_RESPONSIBLE, responsible(facts));
    notifications.toGroup(Groups.SUPERVISOR, template(TEMPLATE_OVERDUE_SUPERVISOR, facts), "task:" + facts.id() + ":overdue-supervisor",
        model);
  }

  private void remindResponsible(TaskFacts facts, String kind, String template) {
    Map<String, Object> model = model(facts);
    String event = "task:" + facts.id() + ":" + kind;
    Collection<String> users = facts.assignee() != null ? Set.of(facts.assignee()) : candidates(facts);
    for (String userId : users) {
      notifications.toUser(userId, template(template, facts), event, model);
    }
  }

  /**
   * The template of this kind of mail for this kind of task: a purchase's, or administrators' work (a process of
   * {@link #ADMINISTRATION_PROCESSES}, or a task an administrator created in Tasklist outside any process).
   */
  static String template(String template, TaskFacts facts) {
    String definition = facts.processDefinitionId();
    boolean administration = definition == null
        || ADMINISTRATION_PROCESSES.contains(definition.substring(0, Math.max(0, definition.indexOf(':'))));
    return administration ? ADMINISTRATION_PREFIX + template : template;
  }

  private Set<String> candidates(TaskFacts facts) {
    Set<String> users = new LinkedHashSet<>(facts.candidateUsers());
    for (String groupId : facts.candidateGroups()) {
      users.addAll(notifications.membersOf(groupId));
    }
    return users;
  }

  private String responsible(TaskFacts facts) {
    if (facts.assignee() != null) {
      return notifications.userName(facts.assignee());
    }
    Set<String> names = new LinkedHashSet<>();
    facts.candidateUsers().forEach(u -> names.add(notifications.userName(u)));
    facts.candidateGroups().forEach(g -> names.add(notifications.groupName(g)));
    return names.isEmpty() ? "（无人）" : String.join("、", names);
  }

  private Map<String, Object> model(TaskFacts facts) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(MODEL_PROJECT_NUMBER, facts.businessKey());
    model.put(MODEL_SERVICE_NAME, facts.serviceName() == null ? null : facts.serviceName().toString());
    model.put(MODEL_PROCESS_NAME, notifications.processName(facts.processDefinitionId()));
    model.put(MODEL_TASK_NAME, facts.name());
    model.put(MODEL_TASK_LINK, links.task(facts.id()));
    model.put(MODEL_DUE_DATE, facts.due() == null ? null
        : MINUTE_IN_WORDS.format(facts.due().toInstant()));
    // null when only single users are candidates, so that a template can say "您" instead
    model.put(MODEL_GROUP_NAMES, facts.candidateGroups().isEmpty() ? null
        : facts.candidateGroups().stream().map(notifications::groupName).collect(Collectors.joining("、")));
    return model;
  }

  private TaskFacts facts(DelegateTask task) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    var execution = task.getExecution();
    return new TaskFacts(task.getId(), task.getName(), task.getAssignee(), users, groups, task.getDueDate(),
        task.getProcessDefinitionId(), execution == null ? null : execution.getProcessBusinessKey(),
        execution == null ? null : task.getVariable(SERVICE_NAME));
  }

  private TaskFacts facts(Task task) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    String businessKey = null;
    Object serviceName = null;
    if (task.getProcessInstanceId() != null) {
      var instance = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .singleResult();
      businessKey = instance == null ? null : instance.getBusinessKey();
      serviceName = taskService.getVariable(task.getId(), SERVICE_NAME);
    }
    return new TaskFacts(task.getId(), task.getName(), task.getAssignee(), users, groups, task.getDueDate(),
        task.getProcessDefinitionId(), businessKey, serviceName);
  }

  private String currentUser() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
