package org.publicservice.procurement.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One place where every call a user makes into the engine passes (REST, Tasklist's and Cockpit's internal API,
 * and Java code acting as a user): {@link CompletionGuard} checks what the call would write before it runs and
 * {@link TaskDataView} trims what it reads after. Only the user's own call is checked, the outermost command on the
 * thread with an authenticated user; commands that delegates, listeners or the application's system work run inside
 * it, and calls without an authenticated user (jobs, the portal acting as the system), pass unchanged.
 *
 * <p>The interceptor sits inside the command context and the transaction, so a refusal rolls back everything.
 */
@Component
public class UserCalls extends AbstractProcessEnginePlugin {

  private final DeploymentProposals proposals;

  public UserCalls(@Lazy DeploymentProposals proposals) {
    this.proposals = proposals;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new Interceptor(proposals));
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    listeners.add(new TaskForms.OutputsParseListener());
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  static final class Interceptor extends CommandInterceptor {

    private final DeploymentProposals proposals;

    Interceptor(DeploymentProposals proposals) {
      this.proposals = proposals;
    }

    /** Commands of this thread now running: 1 means the user's own call. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        CommandContext context = Context.getCommandContext();
        if (depth[0] != 1 || context == null || context.getAuthenticatedUserId() == null) {
          return next.execute(command);
        }
        if (command instanceof DeployCmd deploy && DeploymentProposals.needsApproval(context)) {
          proposals.propose(deploy, context);
        }
        gone(command, context);
        SubmissionRejectedException refusal = CompletionGuard.check(command, context);
        boolean oversees = TaskDataView.oversees(context);
        if (!oversees) {
          TaskDataView.checkQuery(command);
        }
        T result = next.execute(command);
        if (refusal != null) {
          // still inside the transaction: throwing rolls the whole call back
          throw refusal;
        }
        @SuppressWarnings("unchecked")
        T filtered = (T) TaskDataView.filter(command, result, context, oversees);
        return filtered;
      } finally {
        depth[0]--;
      }
    }

    /** Variables of an instance that has ended are gone: 404, not the engine's 500. */
    private static void gone(Command<?> command, CommandContext context) {
      if (command instanceof GetExecutionVariablesCmd || command instanceof GetExecutionVariableCmd
          || command instanceof GetExecutionVariableTypedCmd) {
        String executionId = CommandFields.get(command, "executionId");
        if (executionId != null && context.runWithoutAuthorization(
            () -> context.getExecutionManager().findExecutionById(executionId)) == null) {
          throw new NotFoundException("流程实例或执行“" + executionId + "”不存在或已结束。");
        }
      }
    }
  }
}
