package org.publicservice.procurement.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** For the stages' mail tests: sends a project's queued mails and finds what arrived at the test mail server. */
public final class MailDeliveries {

  private final ProcessEngine engine;

  public MailDeliveries(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Runs the delivery jobs of the project's mails, as the job executor does once the causing step committed. */
  public void deliver(String projectNumber) {
    List<String> deliveries = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(MailVariables.DELIVERY_PROCESS).processInstanceBusinessKey(projectNumber).list()
        .stream().map(ProcessInstance::getId).toList();
    if (!deliveries.isEmpty()) {
      engine.getManagementService().createJobQuery().processInstanceIds(new java.util.HashSet<>(deliveries)).list()
          .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  public static List<MimeMessage> mailsTo(GreenMailExtension greenMail, String address) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
  }

  public static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
