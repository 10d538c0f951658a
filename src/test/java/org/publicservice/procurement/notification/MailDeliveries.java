package org.publicservice.procurement.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** For the stages' mail tests: sends a project's queued mails and finds what arrived at the test mail server. */
public final class MailDeliveries {

  private final MailDispatcher dispatcher;

  public MailDeliveries(ProcessEngine engine) {
    // the engine knows the dispatcher through the job that retries failed mails (see MailIncidentPlugin)
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.dispatcher = ((MailIncidents) configuration.getJobHandlers().get(MailIncidents.JOB_TYPE)).dispatcher();
  }

  /**
   * Sends the project's due mails now, as the dispatcher does in the background once the causing step committed (the
   * tests run without it); returns how many it tried.
   */
  public int deliver(String projectNumber) {
    return dispatcher.deliverDue(projectNumber);
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
