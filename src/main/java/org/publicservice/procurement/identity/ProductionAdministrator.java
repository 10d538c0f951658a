package org.publicservice.procurement.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The only user production starts with: the administrator named by the environment. There is no default
 * password, so a missing {@code PROCUREMENT_ADMIN_PASSWORD} stops the start-up instead of opening Admin to anyone
 * who knows the default. The password is set when the user is created; later changes made in Admin are kept.
 */
@Component
@Profile("prod")
public class ProductionAdministrator implements Accounts {

  static final String MISSING_PASSWORD = "The prod profile needs the administrator's password: set the environment "
      + "variable PROCUREMENT_ADMIN_PASSWORD (and PROCUREMENT_ADMIN_ID, default 'admin'). No default password is used.";

  private final String id;
  private final String password;
  private final String email;

  public ProductionAdministrator(@Value("${procurement.admin.id:admin}") String id,
      @Value("${procurement.admin.password:}") String password,
      @Value("${procurement.admin.email:}") String email) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(MISSING_PASSWORD);
    }
    if (id == null || id.isBlank()) {
      throw new IllegalStateException("PROCUREMENT_ADMIN_ID is empty: the administrator needs a user id.");
    }
    this.id = id;
    this.password = password;
    this.email = email;
  }

  @Override
  public void create(IdentityService identity) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("系统");
      user.setLastName("管理员");
      user.setEmail(email == null || email.isBlank() ? null : email);
      user.setPassword(password);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(Groups.ADMIN).count() == 0) {
      identity.createMembership(id, Groups.ADMIN);
    }
  }
}
