package org.publicservice.procurement.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
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

/**
 * Who exists after start-up: under {@code prod} the administrator from the environment and nobody else, under
 * {@code demo} the demo users. Both get the same groups, grants and filters.
 */
class ProfilesTest {

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
    startUp(engine -> {
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
    }, "spring.profiles.active=prod", "procurement.admin.id=nt-admin", "procurement.admin.password=Xk9-long-secret");
  }

  @Test
  void demoCreatesTheDemoUsersInTheirGroups() {
    startUp(engine -> {
      var identity = engine.getIdentityService();
      assertThat(identity.createUserQuery().list()).hasSize(DemoAccounts.USERS.size())
          .allSatisfy(u -> assertThat(u.getEmail()).isEqualTo(u.getId() + "@demo.local"));
      assertThat(identity.createUserQuery().memberOfGroup(Groups.EXPERT).count()).isEqualTo(11);
      assertThat(identity.createUserQuery().memberOfGroup(Groups.SOCIAL_ORGANISATION).list()).hasSize(5)
          .extracting(User::getFirstName).contains("南通阳光养老服务中心");
      assertThat(identity.createUserQuery().memberOfGroup(Groups.PURCHASER).list()).extracting(User::getId)
          .containsExactlyInAnyOrder("minzheng", "minzheng2", "weijian");
      assertThat(identity.createUserQuery().memberOfGroup(Groups.DEPT_CIVIL_AFFAIRS).list()).extracting(User::getId)
          .containsExactlyInAnyOrder("minzheng", "minzheng2");
      assertThat(identity.createUserQuery().memberOfGroup(Groups.DEPT_HEALTH).list()).extracting(User::getId)
          .containsExactly("weijian");
      assertThat(identity.createGroupQuery().groupId(Groups.DEPT_HEALTH).singleResult().getType())
          .isEqualTo(Groups.TYPE_DEPARTMENT);
      for (String role : Groups.ROLES) {
        assertThat(identity.createUserQuery().memberOfGroup(role).count()).as(role).isPositive();
      }
      assertThat(identity.checkPassword("caizheng", "demo")).isTrue();
      assertThat(identity.checkPassword("admin", "demo")).isTrue();
    }, "spring.profiles.active=demo", "procurement.demo.password=demo");
  }

  /**
   * Runs the start-up identity step of a profile (twice, as after a restart) on a fresh engine, using the beans
   * Spring creates for that profile.
   */
  private static void startUp(Consumer<ProcessEngine> check, String... properties) {
    new ApplicationContextRunner()
        .withPropertyValues(properties)
        .withUserConfiguration(IdentitySetup.class, DemoAccounts.class, ProductionAdministrator.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          ProcessEngine engine = engineLikeTheApplications();
          try {
            IdentitySetup setup = context.getBean(IdentitySetup.class);
            setup.onDeployed(new PostDeployEvent(engine));
            setup.onDeployed(new PostDeployEvent(engine));
            check.accept(engine);
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
