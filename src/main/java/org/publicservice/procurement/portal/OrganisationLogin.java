package org.publicservice.procurement.portal;

import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.publicservice.procurement.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Checks an organisation's portal login against the engine's users, the same accounts and passwords as in Tasklist:
 * only a member of group {@code social-org} may use the organisations' area; an official's correct password opens
 * nothing here.
 */
@Component
class OrganisationLogin {

  static final int MAX_USER_ID = 64;
  static final int MAX_PASSWORD = 128;
  /** The engine's whitelist of ids (application.yaml, general-resource-whitelist-pattern). */
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

  private final IdentityService identity;

  OrganisationLogin(IdentityService identity) {
    this.identity = identity;
  }

  /** The organisation when the password is right and the user is a social organisation; empty otherwise. */
  Optional<PortalAccount> authenticate(String userId, String password) {
    if (userId == null || password == null || userId.length() > MAX_USER_ID || password.length() > MAX_PASSWORD
        || !USER_ID.matcher(userId).matches() || password.isEmpty()) {
      return Optional.empty();
    }
    // the request thread carries no engine authentication, so these calls are not limited by authorizations
    if (!identity.checkPassword(userId, password)) {
      return Optional.empty();
    }
    User organisation = identity.createUserQuery().userId(userId).memberOfGroup(Groups.SOCIAL_ORGANISATION)
        .singleResult();
    return Optional.ofNullable(organisation).map(user -> new PortalAccount(user.getId(), nameOf(user)));
  }

  /**
   * Until when the engine refuses the account's logins after a wrong password (its delay per account, 3 s doubling
   * up to 60 s): during it even the right password fails, so the login page says when to try again. Organisations'
   * user ids are public (the portal's organisation pages), so this tells nobody which accounts exist.
   */
  Optional<java.time.Instant> lockedUntil(String userId) {
    if (userId == null || userId.length() > MAX_USER_ID || !USER_ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user instanceof org.camunda.bpm.engine.impl.persistence.entity.UserEntity entity
        && entity.getLockExpirationTime() != null) {
      java.time.Instant until = entity.getLockExpirationTime().toInstant();
      return until.isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())
          ? Optional.of(until) : Optional.empty();
    }
    return Optional.empty();
  }

  /** As the tender stage names organisations: the whole name is kept in the first name. */
  private static String nameOf(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    String last = user.getLastName() == null ? "" : user.getLastName().trim();
    String name = first + last;
    return name.isEmpty() ? user.getId() : name;
  }
}
