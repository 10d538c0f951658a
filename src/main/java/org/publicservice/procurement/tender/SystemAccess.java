package org.publicservice.procurement.tender;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Runs engine calls inside the current command without authorization checks: steps look up data the acting user
 * may not read (the members of the social organisations' group, another process's instance), which the step
 * itself is entitled to.
 */
final class SystemAccess {

  private SystemAccess() {
  }

  static <T> T run(Supplier<T> work) {
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
