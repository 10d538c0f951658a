package org.publicservice.procurement.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementApplication;
import org.publicservice.procurement.security.LoginThrottle;
import org.publicservice.procurement.training.TrainingMode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application as production does: profile {@code prod} alone, the database and mail server given as an
 * operator gives them. Its own JVM ({@code isolated}), because the shared test context holds the engine "default".
 */
@Tag("isolated")
class ProductionStartTest {

  private static final String SEALING_KEY = "cHJvZHVjdGlvbi1zdGFydC10ZXN0LWtleS0zMmJ5dGU=";

  private final String database = "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE";

  @Test
  void startUpFailsWithoutTheAdministratorPassword() {
    assertThatThrownBy(() -> start("--procurement.admin.password=").close())
        // refused before the context starts (security/ProductionSecrets), so the exception itself says it
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PROCUREMENT_ADMIN_PASSWORD is missing");
  }

  @Test
  void startUpFailsWithoutTheBidSealingKey() {
    assertThatThrownBy(() -> start("--procurement.admin.password=Xk9-long-secret",
        "--procurement.bids.sealing-key=").close())
        // refused before the context starts (security/ProductionSecrets), so the exception itself says it
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PROCUREMENT_BID_SEALING_KEY is missing");
  }

  /** Attack 7 of issue 12: the public demo key, the password "a", no database password; each named. */
  @Test
  void startUpFailsWithSecretsAnyoneCouldKnowAndSaysWhich() {
    assertThatThrownBy(() -> start("--procurement.admin.password=a",
        "--procurement.bids.sealing-key=ZGVtby1vbmx5LWJpZC1zZWFsaW5nLWtleS0zMi1ieXQ=",
        "--spring.datasource.password=").close())
        // refused before the context starts (security/ProductionSecrets), so the exception itself says it
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PROCUREMENT_BID_SEALING_KEY is the public demo key")
        .hasMessageContaining("PROCUREMENT_ADMIN_PASSWORD is too short")
        .hasMessageContaining("PROCUREMENT_DB_PASSWORD is missing");
    assertThatThrownBy(() -> start("--procurement.admin.password=Password1234").close())
        .hasMessageContaining("PROCUREMENT_ADMIN_PASSWORD is a common or guessable password");
  }

  /** Issue 15: an accelerated clock would open sealed bids and end statutory periods early. */
  @Test
  void startUpFailsInTrainingMode() {
    assertThatThrownBy(() -> start("--procurement.admin.password=Xk9-long-secret",
        "--procurement.training.enabled=true").close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(TrainingMode.REFUSED_IN_PRODUCTION);
  }

  @Test
  void productionStartsWithTheAdministratorRolesAndFiltersButNoDemoUsers() throws Exception {
    // the demo city's setting, even when set, seeds nothing outside the demo profile
    String[] environment = {"--procurement.admin.id=nt-admin", "--procurement.admin.password=Xk9-long-secret",
        "--procurement.demo.city=true"};
    try (ConfigurableApplicationContext context = start(environment)) {
      check(context.getBean(ProcessEngine.class));
      behindTheTrustedProxy(((WebServerApplicationContext) context).getWebServer().getPort());
    }
    // a restart on the same database finds everything in place and changes nothing
    try (ConfigurableApplicationContext context = start(environment)) {
      check(context.getBean(ProcessEngine.class));
    }
  }

  private static void check(ProcessEngine engine) {
    var identity = engine.getIdentityService();
    assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("nt-admin");
    assertThat(identity.createUserQuery().userId("nt-admin").memberOfGroup(Groups.ADMIN).count()).isOne();
    assertThat(identity.checkPassword("nt-admin", "Xk9-long-secret")).isTrue();
    assertThat(identity.createGroupQuery().list()).hasSize(AccessRules.GROUPS.size());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE).count()).isZero();
    assertThat(engine.getFilterService().createTaskFilterQuery().list()).hasSize(TasklistFilters.FILTERS.size());
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(Groups.PURCHASER).list())
        .extracting(a -> a.getResourceType() + "/" + a.getResourceId())
        .doesNotHaveDuplicates()
        .contains("0/tasklist", "6/" + ProcessKeys.PUBLIC_SERVICE_PURCHASE);
  }

  /**
   * Behind the reverse proxy on this machine (the default trusted proxy) each visitor's forwarded address counts on
   * its own, and the portal's session cookie is sent over HTTPS only.
   */
  private static void behindTheTrustedProxy(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int attempt = 0; attempt < LoginThrottle.MAX_FAILURES; attempt++) {
      assertThat(restLogin(client, port, "203.0.113.1").statusCode()).isEqualTo(401);
    }
    assertThat(restLogin(client, port, "203.0.113.1").statusCode()).isEqualTo(429);
    assertThat(restLogin(client, port, "203.0.113.2").statusCode()).isEqualTo(401);
    HttpResponse<String> portal = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/portal/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(portal.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "SameSite=Lax");
  }

  private static HttpResponse<String> restLogin(HttpClient client, int port, String visitor) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/task"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "nobody:guess".getBytes(StandardCharsets.UTF_8)))
        .header("X-Forwarded-For", visitor).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private ConfigurableApplicationContext start(String... environment) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=prod",
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=sa",
        "--spring.mail.host=localhost",
        "--procurement.public-url=http://localhost",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false"));
    if (java.util.Arrays.stream(environment).noneMatch(arg -> arg.startsWith("--spring.datasource.password="))) {
      args.add("--spring.datasource.password=prod-start-test-db-secret");
    }
    if (java.util.Arrays.stream(environment).noneMatch(arg -> arg.startsWith("--procurement.bids.sealing-key="))) {
      args.add("--procurement.bids.sealing-key=" + SEALING_KEY);
    }
    args.addAll(List.of(environment));
    return new SpringApplicationBuilder(ProcurementApplication.class).run(args.toArray(String[]::new));
  }
}
