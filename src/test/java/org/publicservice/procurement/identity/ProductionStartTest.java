package org.publicservice.procurement.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(ProductionAdministrator.MISSING_PASSWORD)
        .hasMessageContaining("PROCUREMENT_ADMIN_PASSWORD");
  }

  @Test
  void startUpFailsWithoutTheBidSealingKey() {
    assertThatThrownBy(() -> start("--procurement.admin.password=Xk9-long-secret",
        "--procurement.bids.sealing-key=").close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PROCUREMENT_BID_SEALING_KEY");
  }

  @Test
  void productionStartsWithTheAdministratorRolesAndFiltersButNoDemoUsers() {
    String[] environment = {"--procurement.admin.id=nt-admin", "--procurement.admin.password=Xk9-long-secret"};
    try (ConfigurableApplicationContext context = start(environment)) {
      check(context.getBean(ProcessEngine.class));
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
    assertThat(engine.getFilterService().createTaskFilterQuery().list()).hasSize(TasklistFilters.FILTERS.size());
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(Groups.PURCHASER).list())
        .extracting(a -> a.getResourceType() + "/" + a.getResourceId())
        .doesNotHaveDuplicates()
        .contains("0/tasklist", "6/" + ProcessKeys.PUBLIC_SERVICE_PURCHASE);
  }

  private ConfigurableApplicationContext start(String... environment) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=prod",
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--spring.mail.host=localhost",
        "--procurement.public-url=http://localhost",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false"));
    if (java.util.Arrays.stream(environment).noneMatch(arg -> arg.startsWith("--procurement.bids.sealing-key="))) {
      args.add("--procurement.bids.sealing-key=" + SEALING_KEY);
    }
    args.addAll(List.of(environment));
    return new SpringApplicationBuilder(ProcurementApplication.class).run(args.toArray(String[]::new));
  }
}
