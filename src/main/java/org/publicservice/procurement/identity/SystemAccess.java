package org.publicservice.procurement.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Runs engine work without authorization checks, for steps and APIs entitled to more than the acting user may read
 * or do: a step looks up the members of the social organisations' or the experts' group, a bidder's question or
 * challenge reaches a stage instance the bidder has no rights on, a complaint suspends instances the finance
 * official may not update.
 */
public final class SystemAccess {

  private SystemAccess() {
  }

  /** Inside the running command, if there is one; outside a command the engine's own calls check nothing extra. */
  public static <T> T run(Supplier<T> work) {
    var commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return work.get();
    }
    boolean checking = commandContext.isAuthorizationCheckEnabled();
    commandContext.disableAuthorizationCheck();
    try {
      return work.get();
    } finally {
      if (checking) {
        commandContext.enableAuthorizationCheck();
      }
    }
  }

  /** Joins the running command, or opens one that joins the caller's Spring transaction. */
  public static <T> T run(ProcessEngine engine, Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      return run(work);
    }
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> run(work));
  }
}
