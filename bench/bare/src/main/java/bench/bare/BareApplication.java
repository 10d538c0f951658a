package bench.bare;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The bare reference: the starter with HTTP basic authentication on its REST API (as the application has), a
 * purchaser who may start the one process and a finance group that is its task's candidate group. The identity
 * is created once, on the first start.
 */
@SpringBootApplication
public class BareApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restBasicAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** Created as the starter creates its administrator: once the engine is built, before the server answers. */
  @Bean
  ProcessEnginePlugin benchIdentity() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        identity(engine);
      }
    };
  }

  static void identity(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("minzheng").count() > 0) {
      return;
    }
    identity.saveGroup(identity.newGroup("purchaser"));
    identity.saveGroup(identity.newGroup("finance"));
    for (String[] member : new String[][] {{"minzheng", "purchaser"}, {"caizheng", "finance"}}) {
      var user = identity.newUser(member[0]);
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(member[0], member[1]);
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    grant(authorizations, "purchaser", Resources.PROCESS_DEFINITION, "BarePurchase",
        Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(authorizations, "purchaser", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    grant(authorizations, "finance", Resources.PROCESS_DEFINITION, "BarePurchase", Permissions.READ);
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource, String id,
      Permissions... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(id);
    for (Permissions permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
