package org.publicservice.procurement.notification;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.notification.MailOutbox.Mail;
import org.publicservice.procurement.notification.MailTemplates.RenderedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The send step of {@code MailDelivery}: renders one outbox mail and hands it to the SMTP server. It runs as a
 * job after the causing step committed; when the server cannot be reached it throws, so the job retries on the
 * model's back-off list and ends as a Cockpit incident.
 */
@Component
public class SendMailDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendMailDelegate.class);

  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final MailProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;

  public SendMailDelegate(MailOutbox outbox, MailTemplates templates, MailProperties properties,
      ObjectProvider<JavaMailSender> mailSender) {
    this.outbox = outbox;
    this.templates = templates;
    this.properties = properties;
    this.mailSender = mailSender;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String mailId = (String) execution.getVariable(MailVariables.MAIL_ID);
    Mail mail = outbox.find(mailId)
        .orElseThrow(() -> new IllegalStateException("Mail " + mailId + " is not in the outbox"));
    if (mail.sentAt() != null) {
      LOG.info("Mail {} to {} was sent at {} already", mailId, mail.recipientAddress(), mail.sentAt());
      return;
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("No mail server is configured (spring.mail.host); mail " + mailId
          + " waits until one is and the incident is retried");
    }
    RenderedMail rendered = templates.render(mail.template(), mail.model());
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from(), properties.fromName());
    helper.setTo(mail.recipientAddress());
    helper.setSubject(rendered.subject());
    helper.setText(rendered.body(), false);
    message.setHeader("X-Procurement-Mail-Id", mailId);
    sender.send(message);
    outbox.markSent(mailId, rendered.subject(), ClockUtil.getCurrentTime().toInstant());
    LOG.info("Mail {} '{}' sent to {}", mailId, rendered.subject(), mail.recipientAddress());
  }
}
