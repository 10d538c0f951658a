package org.publicservice.procurement.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine the job that stands for a mail that could not be sent ({@link MailIncidents}), and who may
 * retry it ({@link MailRetryRight}).
 */
@Component
public class MailIncidentPlugin extends AbstractProcessEnginePlugin {

  private final MailIncidents incidents;

  public MailIncidentPlugin(MailIncidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = new ArrayList<>();
    if (configuration.getCustomJobHandlers() != null) {
      handlers.addAll(configuration.getCustomJobHandlers());
    }
    handlers.add(incidents);
    configuration.setCustomJobHandlers(handlers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCommandCheckers().add(MailRetryRight.checker());
  }
}
