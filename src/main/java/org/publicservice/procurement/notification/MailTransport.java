package org.publicservice.procurement.notification;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.publicservice.procurement.notification.MailOutbox.Mail;
import org.publicservice.procurement.notification.MailTemplates.RenderedMail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Renders one outbox mail and hands it to the SMTP server. Every mail carries a Message-ID made from its outbox
 * row, so a mail sent a second time (the node died between the server's acceptance and the sent-mark) is the same
 * message to the recipient's mail system, which shows it once.
 */
@Component
public class MailTransport {

  /** The system property by which Jakarta Mail finds its stream provider before it asks the ServiceLoader. */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  /** Angus Mail's provider, the implementation on the class path (Spring Boot's mail starter brings it). */
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    // Jakarta Mail 2.1 looks its stream provider up anew each time it encodes or parses a mail part, through a
    // ServiceLoader scan of the whole class path (jakartaee/mail-api#861): in a profile of the packaged jar, about a
    // third of the time spent sending a mail. Named here, the lookup is a class the loader already holds. A value
    // set on the command line is kept.
    if (System.getProperty(STREAM_PROVIDER) == null && present(ANGUS_STREAM_PROVIDER)) {
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }
  }

  private final MailTemplates templates;
  private final MailProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;

  public MailTransport(MailTemplates templates, MailProperties properties, ObjectProvider<JavaMailSender> mailSender) {
    this.templates = templates;
    this.properties = properties;
    this.mailSender = mailSender;
  }

  /** Sends the mail and returns its subject; throws when the server cannot be reached or refuses it. */
  String send(Mail mail) throws Exception {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("No mail server is configured (spring.mail.host); mail " + mail.id()
          + " waits until one is and its incident is retried");
    }
    RenderedMail rendered = templates.render(mail.template(), mail.model());
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from(), properties.fromName());
    helper.setTo(mail.recipientAddress());
    helper.setSubject(rendered.subject());
    helper.setText(rendered.body(), false);
    // JavaMailSenderImpl keeps a Message-ID set before sending (it would otherwise make a new one per attempt)
    message.setHeader("Message-ID", messageId(mail.id(), properties.from()));
    message.setHeader("X-Procurement-Mail-Id", mail.id());
    sender.send(message);
    return rendered.subject();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, MailTransport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The Message-ID of an outbox row: the same for every attempt, unique to the row (RFC 5322 section 3.6.4). */
  static String messageId(String mailId, String from) {
    int at = from.lastIndexOf('@');
    String domain = at < 0 || at == from.length() - 1 ? "localhost" : from.substring(at + 1);
    return "<" + mailId + "@" + domain.toLowerCase(Locale.ROOT) + ">";
  }
}
