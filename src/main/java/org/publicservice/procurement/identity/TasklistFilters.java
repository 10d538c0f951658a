package org.publicservice.procurement.identity;

import static org.publicservice.procurement.identity.ProcessKeys.AWARD_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.CONTRACT_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.EVALUATION_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.PERFORMANCE_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.PUBLIC_SERVICE_PURCHASE;
import static org.publicservice.procurement.identity.ProcessKeys.REVIEW_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.SINGLE_SOURCE_STAGE;
import static org.publicservice.procurement.identity.ProcessKeys.TENDER_STAGE;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.task.TaskQuery;
import org.publicservice.procurement.planning.PlanningVariables;

/**
 * The task lists (filters) Tasklist shows on the left, and the groups allowed to use each. A filter only selects;
 * the engine still shows a user nothing but the tasks the user may read, so the same 已逾期 list shows a finance
 * official the overdue finance tasks and a supervisor every overdue task.
 */
public final class TasklistFilters {

  /** A filter: name (unique, it identifies the filter at start-up), order in Tasklist, query and users. */
  public record FilterRule(String name, int priority, String description, UnaryOperator<TaskQuery> query,
      List<String> groups) {
  }

  static final List<String> EVERY_ROLE = Groups.ROLES;

  /** Process variables Tasklist shows on every task card, so that officials see which project a task is about. */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", PlanningVariables.PROJECT_NUMBER, "label", "项目编号"),
      Map.of("name", PlanningVariables.SERVICE_NAME, "label", "服务项目"),
      Map.of("name", PlanningVariables.DEPARTMENT_NAME, "label", "采购人"));

  public static final List<FilterRule> FILTERS = List.of(
      new FilterRule("我的任务", -10, "已认领或指派给我的任务",
          q -> q.taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), EVERY_ROLE),
      new FilterRule("本组待办", -5, "我所在的组可以认领的任务",
          q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").orderByTaskCreateTime().asc(), EVERY_ROLE),
      new FilterRule("已逾期", 0, "已超过办理期限的任务",
          q -> q.dueBeforeExpression("${now()}").orderByDueDate().asc(), EVERY_ROLE),
      new FilterRule("采购需求", 10, "采购需求的提出、审核与修改",
          q -> q.processDefinitionKey(PUBLIC_SERVICE_PURCHASE).orderByTaskCreateTime().asc(),
          List.of(Groups.PURCHASER, Groups.FINANCE)),
      new FilterRule("招标与合同", 20, "采购公告、单一来源采购、中标、合同签订",
          q -> q.processDefinitionKeyIn(SINGLE_SOURCE_STAGE, TENDER_STAGE, AWARD_STAGE, ProcessKeys.BID_CHALLENGE,
                  ProcessKeys.BID_COMPLAINT, CONTRACT_STAGE)
              .orderByTaskCreateTime().asc(),
          List.of(Groups.PURCHASER, Groups.FINANCE, Groups.SOCIAL_ORGANISATION)),
      new FilterRule("评审任务", 20, "评审小组的评审与打分",
          q -> q.processDefinitionKey(REVIEW_STAGE).orderByDueDate().asc(), List.of(Groups.EXPERT)),
      new FilterRule("履约与评价", 30, "履约验收、服务对象满意度与第三方评价",
          q -> q.processDefinitionKeyIn(PERFORMANCE_STAGE, EVALUATION_STAGE).orderByDueDate().asc(),
          List.of(Groups.PURCHASER, Groups.FINANCE, Groups.SOCIAL_ORGANISATION, Groups.EVALUATOR)),
      new FilterRule("全部任务", 40, "所有进行中的任务（只读监督）",
          q -> q.orderByDueDate().asc(), List.of(Groups.SUPERVISOR, Groups.ADMIN)));

  public static List<FilterRule> forGroup(String groupId) {
    return FILTERS.stream().filter(f -> f.groups().contains(groupId)).toList();
  }

  private TasklistFilters() {
  }
}
