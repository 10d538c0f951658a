package org.publicservice.procurement.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives {@code procurement.node-name} the host name when nobody set it (PROCUREMENT_NODE_NAME or the property),
 * before logging starts, so that every log line, the engine's job log and the mail leases name the node.
 */
public class NodeName implements EnvironmentPostProcessor {

  static final String PROPERTY = "procurement.node-name";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      environment.getPropertySources().addFirst(new MapPropertySource("procurement-node-name",
          Map.of(PROPERTY, hostName())));
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment == null || fromEnvironment.isBlank() ? "node" : fromEnvironment;
    }
  }
}
