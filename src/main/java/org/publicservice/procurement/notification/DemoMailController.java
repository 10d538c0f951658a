package org.publicservice.procurement.notification;

import static org.publicservice.procurement.purchase.ProcurementTime.SECOND;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Demo only: lists the mails the embedded demo mail server received, newest first. */
@Controller
@Profile("demo")
public class DemoMailController {


  private final GreenMail demoMailServer;

  public DemoMailController(GreenMail demoMailServer) {
    this.demoMailServer = demoMailServer;
  }

  /** One received mail as the page shows it. */
  public record ReceivedMail(String to, String subject, String time, String body) {
  }

  @GetMapping("/dev/mail")
  public String list(Model model) throws MessagingException, IOException {
    List<ReceivedMail> mails = new ArrayList<>();
    for (MimeMessage message : demoMailServer.getReceivedMessages()) {
      mails.add(new ReceivedMail(addresses(message.getAllRecipients()), message.getSubject(),
          time(message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate()),
          body(message.getContent())));
    }
    java.util.Collections.reverse(mails);
    model.addAttribute("mails", mails);
    return "dev/mail";
  }

  private static String addresses(Address[] addresses) {
    return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static String time(Date date) {
    return date == null ? "" : SECOND.format(date.toInstant());
  }

  private static String body(Object content) throws MessagingException, IOException {
    if (content instanceof Multipart multipart && multipart.getCount() > 0) {
      return body(multipart.getBodyPart(0).getContent());
    }
    return content == null ? "" : content.toString();
  }
}
