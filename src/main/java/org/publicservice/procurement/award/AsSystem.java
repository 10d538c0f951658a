package org.publicservice.procurement.award;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Runs engine work without authorization checks: a bidder filing a challenge may not read the award stage it
 * reaches, a complaint suspends instances the finance official may not update; the API itself is entitled to both.
 * Inside a running command it joins it; otherwise it opens one (joining the caller's Spring transaction).
 */
final class AsSystem {

  private AsSystem() {
  }

  static <T> T run(ProcessEngine engine, Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      return inCommand(work);
    }
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> inCommand(work));
  }

  private static <T> T inCommand(Supplier<T> work) {
    var commandContext = Context.getCommandContext();
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
}
