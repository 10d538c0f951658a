package org.publicservice.procurement.purchase;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception from a task or execution listener (ENGINE-03051), so Tasklist and the REST API
 * would show a technical message and answer 500. This interceptor sits outside the transaction, so the command is
 * already rolled back when it rethrows the user's {@link SubmissionRejectedException} itself: the REST API then
 * answers 400 and Tasklist shows the Chinese message.
 */
@Component
public class RejectedSubmissionUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new Unwrapper());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private static final Logger LOG = LoggerFactory.getLogger(RejectedSubmissionUnwrapping.class);

  static final class Unwrapper extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        SubmissionRejectedException rejection = find(e);
        if (rejection == null) {
          throw e;
        }
        LOG.info("Submission refused ({}): {}", rejection.getField(), rejection.getMessage());
        throw rejection;
      }
    }
  }

  static SubmissionRejectedException find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SubmissionRejectedException rejection) {
        return rejection;
      }
    }
    return null;
  }
}
