package org.publicservice.procurement.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.ui.ExtendedModelMap;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The demo's mailbox page shows what the embedded mail server received, in Chinese, newest first. */
class DemoMailPageTest {

  private GreenMail greenMail;

  @BeforeEach
  void startTheDemoMailServer() {
    // as the demo profile builds it, on the tests' port
    greenMail = new DemoMailConfiguration().demoMailServer("127.0.0.1", TestSmtp.SETUP.getPort());
    greenMail.start();
  }

  @AfterEach
  void stopTheDemoMailServer() {
    greenMail.stop();
  }

  @Test
  void receivedMailsAreListedWithRecipientSubjectTimeAndBody() throws Exception {
    send("wangli@demo.example", "【新待办】NT-2026-0001 社区居家养老服务：审核采购需求", "王丽，您好：\n请办理。\n");
    send("liqiang@demo.example", "【已超期】NT-2026-0002 助残服务：签订合同", "李强，您好：\n已超期。\n");

    var model = new ExtendedModelMap();
    String view = new DemoMailController(greenMail).list(model);

    @SuppressWarnings("unchecked")
    var mails = (List<DemoMailController.ReceivedMail>) model.get("mails");
    assertThat(mails).extracting(DemoMailController.ReceivedMail::to)
        .containsExactly("liqiang@demo.example", "wangli@demo.example");
    assertThat(mails.get(1).subject()).isEqualTo("【新待办】NT-2026-0001 社区居家养老服务：审核采购需求");
    assertThat(mails.get(1).body()).isEqualTo("王丽，您好：\n请办理。\n");
    assertThat(mails.get(1).time()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    String page = render(view, model);
    assertThat(page).contains("演示邮箱", "wangli@demo.example", "【已超期】NT-2026-0002 助残服务：签订合同",
        "王丽，您好：");
  }

  @Test
  void anEmptyMailboxSaysSo() throws Exception {
    var model = new ExtendedModelMap();
    String page = render(new DemoMailController(greenMail).list(model), model);
    assertThat(page).contains("还没有收到邮件").doesNotContain("<table");
  }

  private static void send(String to, String subject, String body) throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(TestSmtp.SETUP.getPort());
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom("noreply@demo.example");
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(body);
    sender.send(message);
  }

  private static String render(String view, ExtendedModelMap model) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine.process(view, new Context(Locale.SIMPLIFIED_CHINESE, model));
  }
}
