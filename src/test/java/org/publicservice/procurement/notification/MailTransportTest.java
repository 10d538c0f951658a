package org.publicservice.procurement.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The mail transport names Jakarta Mail's stream provider (see its static block): the name must be the provider the
 * class path really has, or every mail would fail to encode once the ServiceLoader is no longer asked.
 */
class MailTransportTest {

  @Test
  void theNamedStreamProviderIsTheOneOnTheClassPathAndEncodesAChineseMail() throws Exception {
    // a call loads the class, whose static block names the provider
    assertThat(MailTransport.messageId("m-1", "noreply@procurement.example")).isEqualTo("<m-1@procurement.example>");
    assertThat(System.getProperty(MailTransport.STREAM_PROVIDER)).isEqualTo(MailTransport.ANGUS_STREAM_PROVIDER);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailTransport.ANGUS_STREAM_PROVIDER);

    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setSubject("【政府购买服务】待办：审核采购申请", "UTF-8");
    message.setText("请于2027-01-08 17:00前完成。", "UTF-8");
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    assertThat(MimeUtility.decodeText(message.getHeader("Subject")[0])).isEqualTo("【政府购买服务】待办：审核采购申请");
    assertThat(raw.toString()).contains("Content-Transfer-Encoding: base64");
  }
}
