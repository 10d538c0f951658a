package org.publicservice.procurement.notification;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.publicservice.procurement.notification.MailOutbox.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A mail that could not be sent after every retry becomes a Cockpit incident on the purchase's process instance: a
 * job of type {@value #JOB_TYPE} with no retries left, attached to the process instance of the step that queued the
 * mail (else to the running purchase of the mail's project number). Supervisors and administrators see it among
 * the purchase's incidents with the recipient and the server's answer, and "retry" there runs the job, which makes
 * the mail due again at once; the dispatcher then sends it. No process instance exists per mail.
 */
@Component
public class MailIncidents implements JobHandler<MailIncidents.MailReference> {

  public static final String JOB_TYPE = "procurement-mail-retry";
  /** How the incident's message begins: Cockpit's supervision script offers supervisors the retry by it. */
  static final String MESSAGE_START = "邮件未能发出";

  private static final Logger LOG = LoggerFactory.getLogger(MailIncidents.class);

  private final MailOutbox outbox;
  private final ProcessEngine engine;
  private final MailDispatcher dispatcher;

  public MailIncidents(MailOutbox outbox, @Lazy ProcessEngine engine, @Lazy MailDispatcher dispatcher) {
    this.outbox = outbox;
    this.engine = engine;
    this.dispatcher = dispatcher;
  }

  /** The dispatcher whose mails this handler retries (the tests reach it from the engine through here). */
  MailDispatcher dispatcher() {
    return dispatcher;
  }

  /** The job's configuration: the outbox row. */
  public record MailReference(String mailId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return mailId;
    }
  }

  /** Marks the mail failed and raises its incident, in one transaction. */
  void raise(Mail mail, int attempts, String reason, Exception error) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType(JOB_TYPE);
      job.setJobHandlerConfiguration(new MailReference(mail.id()));
      job.setDuedate(ClockUtil.getCurrentTime());
      ExecutionEntity purchase = purchaseOf(context, mail);
      if (purchase != null) {
        job.setExecution(purchase);
        job.setProcessDefinitionId(purchase.getProcessDefinitionId());
        job.setProcessDefinitionKey(purchase.getProcessDefinition().getKey());
        job.setDeploymentId(purchase.getProcessDefinition().getDeploymentId());
        job.setTenantId(purchase.getTenantId());
      } else {
        LOG.error("Mail {} to {} has no running process instance to show its incident on; see mail_outbox",
            mail.id(), mail.recipientAddress());
      }
      job.setExceptionMessage(shortened(MESSAGE_START + "（收件人 " + mail.recipientAddress() + "，模板 " + mail.template()
          + "，已尝试" + attempts + "次）：" + reason));
      job.setExceptionStacktrace("mail " + mail.id() + " (" + mail.dedupKey() + ")\n" + stackTrace(error));
      job.insert();
      // retries 0 is what makes a failed job an incident that Cockpit offers to retry
      job.setRetries(0);
      outbox.markFailed(mail.id(), attempts, reason);
      return null;
    });
  }

  private static ExecutionEntity purchaseOf(CommandContext context, Mail mail) {
    if (mail.processInstanceId() != null) {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(mail.processInstanceId());
      if (instance != null) {
        return instance;
      }
    }
    if (mail.businessKey() == null) {
      return null;
    }
    List<ProcessInstance> running = context.getProcessEngineConfiguration().getRuntimeService()
        .createProcessInstanceQuery().processInstanceBusinessKey(mail.businessKey()).rootProcessInstances()
        .orderByProcessInstanceId().asc().listPage(0, 1);
    return running.isEmpty() ? null : context.getExecutionManager().findExecutionById(running.get(0).getId());
  }

  // ------------------------------------------------------------------ the job: retried from Cockpit

  @Override
  public String getType() {
    return JOB_TYPE;
  }

  @Override
  public void execute(MailReference configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    if (outbox.requeue(configuration.mailId(), ClockUtil.getCurrentTime().toInstant())) {
      LOG.info("Mail {} is due again (its incident was retried)", configuration.mailId());
      dispatcher.afterCommit();
    }
  }

  @Override
  public MailReference newConfiguration(String canonicalString) {
    return new MailReference(canonicalString);
  }

  @Override
  public void onDelete(MailReference configuration, JobEntity jobEntity) {
    if (jobEntity.getRetries() == 0) {
      LOG.warn("Incident of mail {} removed with its process instance; the mail stays FAILED in mail_outbox",
          configuration.mailId());
    }
  }

  private static String shortened(String text) {
    return text.length() <= 3900 ? text : text.substring(0, 3900);
  }

  private static String stackTrace(Exception error) {
    var out = new java.io.StringWriter();
    error.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
