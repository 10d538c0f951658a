package org.publicservice.procurement.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo profile's own mail server: GreenMail receives every mail on 127.0.0.1 (spring.mail points at it in
 * application-demo.yaml) and the page /dev/mail shows what arrived, so that whoever tries the product sees the
 * mails without an SMTP server. Mails live in memory until the application stops.
 */
@Configuration
@Profile("demo")
public class DemoMailConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail demoMailServer(@Value("${procurement.mail.demo-server.host:127.0.0.1}") String host,
      @Value("${procurement.mail.demo-server.port:2525}") int port) {
    ServerSetup setup = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
    // port 0: any free port, for the tests, which run with the demo profile next to a running demo
    return new GreenMail(port == 0 ? setup.dynamicPort() : setup);
  }
}
