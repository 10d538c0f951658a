package org.publicservice.procurement.security;

import static org.publicservice.procurement.security.SubmittedValues.refuse;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.purchase.SubmissionRejectedException;

/**
 * What a user's call may write (政府采购法 art. 64 ff. presume the record of each step is the step's own): a task's
 * completion only the fields of the task's form, a start only the fields of the start form, and nothing else
 * writes process data on a user's behalf (setting, modifying or removing variables of a task, an execution or a
 * process instance, messages, signals, BPMN errors from a task, modifications). Values that later steps trust
 * (budget, method, department, winner, prices, scores) are therefore written only by the step whose form asks
 * for them; every other form shows them read-only, and a read-only field may come back only unchanged.
 *
 * <p>Runs only for the call a user makes (the outermost command with an authenticated user): what the models'
 * delegates and listeners write inside that call, and what the application does as the system, is not limited.
 */
final class CompletionGuard {

  static final String DIRECT_WRITE = "流程数据只能通过办理任务时提交表单写入，不能直接修改（变量“%s”），未作任何更改。";

  private CompletionGuard() {
  }

  /**
   * Checks the call before it runs; returns the refusal to raise after it ran if the step's own validation did not
   * refuse it first (the form's options and limits, see {@link FormSubmission}), or {@code null}.
   */
  static SubmissionRejectedException check(Command<?> command, CommandContext context) {
    if (command instanceof CompleteTaskCmd) {
      return completion(command, "variables", CommandFields.get(command, "taskId"), context);
    } else if (command instanceof SubmitTaskFormCmd) {
      return completion(command, "properties", CommandFields.get(command, "taskId"), context);
    } else if (command instanceof SubmitStartFormCmd) {
      return start(command, "variables", CommandFields.get(command, "processDefinitionId"), null, context);
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = CommandFields.get(command, "instantiationBuilder");
      noOperationVariables(builder.getModificationBuilder());
      return start(builder.getModificationBuilder(), "processVariables", builder.getProcessDefinitionId(),
          builder.getProcessDefinitionKey(), context);
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      ProcessInstantiationBuilderImpl builder = CommandFields.get(command, "instantiationBuilder");
      noVariables(builder.getVariables());
      noVariables(builder.getModificationBuilder());
    } else if (command instanceof AbstractSetVariableCmd) {
      noVariables(CommandFields.<Map<String, ?>>get(command, "variables"));
    } else if (command instanceof AbstractPatchVariablesCmd) {
      noVariables(CommandFields.<Map<String, ?>>get(command, "variables"));
      noNames(CommandFields.get(command, "deletions"));
    } else if (command instanceof AbstractRemoveVariableCmd) {
      noNames(CommandFields.get(command, "variableNames"));
    } else if (command instanceof SetVariablesToProcessInstancesBatchCmd) {
      noVariables(CommandFields.<Map<String, ?>>get(command, "variables"));
    } else if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl builder = CommandFields.get(command, "builder");
      noVariables(builder.getPayloadProcessInstanceVariables());
      noVariables(builder.getPayloadProcessInstanceVariablesLocal());
      noVariables(builder.getPayloadProcessInstanceVariablesToTriggeredScope());
    } else if (command instanceof MessageEventReceivedCmd) {
      noVariables(CommandFields.<Map<String, ?>>get(command, "processVariables"));
      noVariables(CommandFields.<Map<String, ?>>get(command, "processVariablesLocal"));
      noVariables(CommandFields.<Map<String, ?>>get(command, "processVariablesToTriggeredScope"));
    } else if (command instanceof SignalCmd) {
      noVariables(CommandFields.<Map<String, ?>>get(command, "processVariables"));
    } else if (command instanceof SignalEventReceivedCmd) {
      noVariables(CommandFields.<SignalEventReceivedBuilderImpl>get(command, "builder").getVariables());
    } else if (command instanceof EvaluateStartConditionCmd) {
      noVariables(CommandFields.<org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl>get(command, "builder")
          .getVariables());
    } else if (command instanceof ModifyProcessInstanceCmd) {
      noVariables(CommandFields.<ProcessInstanceModificationBuilderImpl>get(command, "builder"));
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw refuse(null, "任务只能通过提交表单办理，不能由用户直接抛出错误或升级事件，未作任何更改。");
    } else if (command instanceof AddCommentCmd) {
      comment(CommandFields.get(command, "taskId"), CommandFields.get(command, "message"), context);
    }
    return null;
  }

  private static SubmissionRejectedException completion(Object command, String field, String taskId,
      CommandContext context) {
    Map<String, ?> submitted = CommandFields.get(command, field);
    if (taskId == null || submitted == null || submitted.isEmpty()) {
      return null;
    }
    TaskEntity task = context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
    if (task == null) {
      // the engine answers "task not found" itself
      return null;
    }
    CamundaForm form = TaskForms.ofTask(context, task);
    FormSubmission.Result result = FormSubmission.check("任务“" + task.getName() + "”的表单", form, submitted,
        name -> context.runWithoutAuthorization(() -> task.getVariableTyped(name, true)));
    replace(command, field, submitted, result.kept());
    return result.deferred();
  }

  private static SubmissionRejectedException start(Object holder, String field, String definitionId, String key,
      CommandContext context) {
    Map<String, ?> submitted = CommandFields.get(holder, field);
    if (submitted == null || submitted.isEmpty()) {
      return null;
    }
    ProcessDefinitionEntity definition = context.runWithoutAuthorization(() -> definitionId != null
        ? context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId)
        : context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(key));
    CamundaForm form = TaskForms.ofStart(context, definition);
    String title = "“" + (definition.getName() == null ? definition.getKey() : definition.getName()) + "”的启动表单";
    FormSubmission.Result result = FormSubmission.check(title, form, submitted, name -> null);
    replace(holder, field, submitted, result.kept());
    return result.deferred();
  }

  private static void replace(Object holder, String field, Map<String, ?> submitted, Map<String, Object> kept) {
    if (kept.size() == submitted.size()) {
      return;
    }
    VariableMap variables = Variables.createVariables();
    if (submitted instanceof VariableMap typed) {
      kept.keySet().forEach(name -> variables.putValueTyped(name, typed.getValueTyped(name)));
    } else {
      variables.putAll(kept);
    }
    CommandFields.set(holder, field, variables);
  }

  private static void noVariables(Map<String, ?> variables) {
    if (variables != null && !variables.isEmpty()) {
      throw refuse(variables.keySet().iterator().next(),
          String.format(DIRECT_WRITE, variables.keySet().iterator().next()));
    }
  }

  private static void noNames(Collection<String> names) {
    if (names != null && !names.isEmpty()) {
      throw refuse(names.iterator().next(), String.format(DIRECT_WRITE, names.iterator().next()));
    }
  }

  private static void noVariables(ProcessInstanceModificationBuilderImpl modification) {
    if (modification == null) {
      return;
    }
    noVariables(modification.getProcessVariables());
    noOperationVariables(modification);
  }

  private static void noOperationVariables(ProcessInstanceModificationBuilderImpl modification) {
    if (modification == null) {
      return;
    }
    List<?> operations = modification.getModificationOperations();
    for (Object operation : operations) {
      if (operation instanceof AbstractInstantiationCmd) {
        noVariables(CommandFields.<Map<String, ?>>get(operation, "variables"));
        noVariables(CommandFields.<Map<String, ?>>get(operation, "variablesLocal"));
      }
    }
  }

  /**
   * A comment belongs to the work on a task: only its assignee or one of its candidates writes one, never a
   * supervisor who may only read the task. The text follows the rules of every submitted text.
   */
  private static void comment(String taskId, String message, CommandContext context) {
    if (message != null) {
      SubmittedValues.checkText("意见", message, true, 4000);
    }
    if (taskId == null) {
      return;
    }
    String user = context.getAuthenticatedUserId();
    List<String> groups = context.getAuthenticatedGroupIds() == null ? List.of() : context.getAuthenticatedGroupIds();
    boolean works = context.runWithoutAuthorization(() -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return true;
      }
      if (user.equals(task.getAssignee()) || user.equals(task.getOwner())) {
        return true;
      }
      for (IdentityLinkEntity link : task.getIdentityLinks()) {
        if ("candidate".equals(link.getType())
            && (user.equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId()))) {
          return true;
        }
      }
      return false;
    });
    if (!works) {
      throw new AuthorizationException("只有办理该任务的人员可以添加意见。");
    }
  }
}
