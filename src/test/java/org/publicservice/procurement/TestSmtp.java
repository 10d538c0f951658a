package org.publicservice.procurement;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The tests' mail server: GreenMail on the port the application mails to, 3025 as application-test.yaml says,
 * unless a run on a shared machine moves both with {@code -Dspring.mail.port=...} (surefire hands Maven's user
 * properties to the test JVMs, where Spring reads them too), so that several builds can run side by side.
 */
public final class TestSmtp {

  public static final ServerSetup SETUP = new ServerSetup(
      Integer.getInteger("spring.mail.port", ServerSetupTest.SMTP.getPort()), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  private TestSmtp() {
  }
}
