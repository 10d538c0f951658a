package org.publicservice.procurement.security;

import static org.publicservice.procurement.security.SubmittedValues.refuse;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryVariableValue;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.planning.PlanningVariables;

/**
 * Least data per task: whoever works on a task reads through it only what its form shows (the fields, their option
 * lists and the names its conditions and texts use) plus the three facts every task card shows (project number,
 * service, department), whatever call is used: task variables, a single variable, form variables, variable
 * instances of the task, and Tasklist's internal API alike. Task queries may not filter or sort by other variables
 * (that would let a bidder guess a competitor's price one query at a time). Supervisors and administrators oversee
 * everything and are not limited; reading a process instance's variables needs rights on the instance, which only
 * they (and finance, on the main process) have.
 */
final class TaskDataView {

  /** Public facts of every purchase, shown on each task card (identity/TasklistFilters). */
  static final Set<String> CARD = Set.of(PlanningVariables.PROJECT_NUMBER, PlanningVariables.SERVICE_NAME,
      PlanningVariables.DEPARTMENT_NAME);

  private TaskDataView() {
  }

  static boolean oversees(CommandContext context) {
    List<String> groups = context.getAuthenticatedGroupIds();
    return groups != null && (groups.contains(Groups.SUPERVISOR) || groups.contains(Groups.ADMIN));
  }

  /** Before the call: queries that would reveal values through their conditions or order. */
  static void checkQuery(Command<?> command) {
    if (command instanceof TaskQueryImpl query) {
      checkTaskQuery(query);
    } else if (command instanceof AbstractExecuteFilterCmd) {
      Object extending = CommandFields.get(command, "extendingQuery");
      if (extending instanceof TaskQueryImpl query) {
        checkTaskQuery(query);
      }
    }
  }

  private static void checkTaskQuery(TaskQueryImpl query) {
    for (TaskQueryImpl part : query.getQueries()) {
      for (TaskQueryVariableValue condition : part.getVariables()) {
        cardOnly(condition.getName());
      }
    }
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      if (QueryOrderingProperty.RELATION_VARIABLE.equals(ordering.getRelation())) {
        ordering.getRelationConditions().stream()
            .filter(c -> c.getScalarValue() instanceof String).forEach(c -> cardOnly((String) c.getScalarValue()));
      }
    }
  }

  private static void cardOnly(String name) {
    if (!CARD.contains(name)) {
      throw refuse(name, "任务查询只能按项目编号、服务项目或采购人筛选和排序，不能按“" + name + "”，未作任何更改。");
    }
  }

  /**
   * After the call: the result without what the task's form does not show (for an overseer, everything), with JSON
   * variables as JSON text.
   */
  static Object filter(Command<?> command, Object result, CommandContext context, boolean oversees) {
    if (command instanceof GetTaskVariablesCmd) {
      return only((VariableMap) result, oversees ? null : readable(context, CommandFields.get(command, "taskId")));
    }
    if (command instanceof GetTaskFormVariablesCmd form) {
      return only((VariableMap) result, oversees ? null : readable(context, form.resourceId));
    }
    if (command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped) {
      String name = CommandFields.get(command, "variableName");
      Set<String> readable = oversees ? null : readable(context, CommandFields.get(command, "taskId"));
      if (readable != null && !readable.contains(name)) {
        return null;
      }
      return result instanceof TypedValue typed ? serialisedJson(typed) : result;
    }
    if (oversees) {
      return result;
    }
    if (command instanceof VariableInstanceQueryImpl && result instanceof List<?> list) {
      java.util.Map<String, Set<String>> byTask = new java.util.HashMap<>();
      return list.stream().filter(item -> {
        if (!(item instanceof VariableInstance variable) || variable.getTaskId() == null) {
          return true;
        }
        Set<String> readable = byTask.computeIfAbsent(variable.getTaskId(),
            id -> java.util.Optional.ofNullable(readable(context, id)).orElse(Set.of()));
        return readable.contains(variable.getName());
      }).toList();
    }
    return result;
  }

  /** The names readable through a task; {@code null} when there is no such task (the engine has answered). */
  private static Set<String> readable(CommandContext context, String taskId) {
    if (taskId == null) {
      return null;
    }
    TaskEntity task = context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
    if (task == null) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>(TaskForms.ofTask(context, task).readable());
    names.addAll(CARD);
    return names;
  }

  /**
   * The readable variables ({@code null}: all), JSON as text, without empty ones. A stage receives an empty value
   * where the purchase does not hold it yet (a call activity's mapping of a variable never set, e.g. the last
   * round's criteria in a first round); Tasklist submits a field with the type of the variable it loaded, and the
   * engine cannot turn the user's value into the type Null. Left out, the field is new to Tasklist, as it is when
   * the variable does not exist.
   */
  private static VariableMap only(VariableMap variables, Collection<String> readable) {
    if (variables == null) {
      return null;
    }
    VariableMap kept = Variables.createVariables();
    for (String name : variables.keySet()) {
      TypedValue value = variables.getValueTyped(name);
      if ((readable == null || readable.contains(name)) && value.getType() != ValueType.NULL) {
        kept.putValueTyped(name, serialisedJson(value));
      }
    }
    return kept;
  }

  /**
   * A JSON variable read with deserialised values is a Spin node, which the REST API would write out as the node's
   * Java properties; its JSON text is what every reader (and Tasklist) understands.
   */
  private static TypedValue serialisedJson(TypedValue value) {
    if (value instanceof JsonValue json && json.isDeserialized() && json.getValue() != null) {
      return SpinValues.jsonValue(json.getValue().toString()).create();
    }
    return value;
  }
}
