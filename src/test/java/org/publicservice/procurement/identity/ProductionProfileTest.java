package org.publicservice.procurement.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementApplication;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** Production (profile {@code prod}) starts with the administrator from the environment and nobody else. */
class ProductionProfileTest {

  @Test
  void startUpFailsWithoutTheAdministratorPassword() {
    // a real start as an operator would do it, with database and mail server given but the password forgotten
    assertThatThrownBy(() -> new SpringApplicationBuilder(ProcurementApplication.class).run(
        "--spring.profiles.active=prod",
        "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--spring.mail.host=localhost",
        "--procurement.public-url=http://localhost",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--procurement.admin.password=").close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(ProductionAdministrator.MISSING_PASSWORD)
        .hasMessageContaining("PROCUREMENT_ADMIN_PASSWORD");
  }

  @Test
  void productionCreatesTheAdministratorRolesAndFiltersButNoDemoUsers() {
    new ApplicationContextRunner()
        .withPropertyValues("spring.profiles.active=prod", "procurement.admin.id=nt-admin",
            "procurement.admin.password=Xk9-long-secret", "procurement.demo.password=demo")
        .withUserConfiguration(IdentitySetup.class, DemoAccounts.class, ProductionAdministrator.class)
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(DemoAccounts.class);
          ProcessEngine engine = engineLikeTheApplications();
          try {
            IdentitySetup setup = context.getBean(IdentitySetup.class);
            setup.onDeployed(new PostDeployEvent(engine));
            // a restart must find everything in place and change nothing
            setup.onDeployed(new PostDeployEvent(engine));

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
          } finally {
            engine.close();
          }
        });
  }

  /** A real engine on its own in-memory database, configured as application.yaml configures the application's. */
  private static ProcessEngine engineLikeTheApplications() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties application = yaml.getObject();
    var configuration = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName("prod-identity-" + UUID.randomUUID())
        .setJdbcUrl("jdbc:h2:mem:prod-identity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setAuthorizationEnabled(true)
        .setJobExecutorActivate(false);
    configuration.setGeneralResourceWhitelistPattern(
        application.getProperty("camunda.bpm.generic-properties.properties.general-resource-whitelist-pattern"));
    return configuration.buildProcessEngine();
  }
}
