package org.publicservice.procurement.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Names of registered social organisations (users of group social-org) and of other users, looked up inside a
 * command without the acting user's authorization checks: a step may name users its user cannot list.
 */
public final class OrganisationNames {

  private OrganisationNames() {
  }

  /** The organisation's name, or {@code null} when the user is no registered social organisation. */
  public static String nameOf(IdentityService identity, String userId) {
    return SystemAccess.run(() -> {
      User user = identity.createUserQuery().userId(userId).memberOfGroup(Groups.SOCIAL_ORGANISATION).singleResult();
      return user == null ? null : displayName(user);
    });
  }

  /** "名姓" as the identity stores it, or the user id when the user has no name. */
  public static String displayName(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    String last = user.getLastName() == null ? "" : user.getLastName().trim();
    String name = first + last;
    return name.isEmpty() ? user.getId() : name;
  }
}
