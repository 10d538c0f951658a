package org.publicservice.procurement.tender;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.SystemAccess;

/** The registered social organisations: the users of group {@code social-org}, named as the identity stores them. */
final class SocialOrganisations {

  private SocialOrganisations() {
  }

  /** Select options {@code {label, value}}: the organisation's name and its user id. Call inside a command. */
  static List<Map<String, String>> options(IdentityService identity) {
    return SystemAccess.run(() -> identity.createUserQuery().memberOfGroup(Groups.SOCIAL_ORGANISATION)
        .orderByUserId().asc().list().stream()
        .map(user -> Map.of("label", name(user), "value", user.getId())).toList());
  }

  /** The organisation's name, or {@code null} when the user is no registered social organisation. */
  static String nameOf(IdentityService identity, String userId) {
    return SystemAccess.run(() -> {
      User user = identity.createUserQuery().userId(userId).memberOfGroup(Groups.SOCIAL_ORGANISATION).singleResult();
      return user == null ? null : name(user);
    });
  }

  private static String name(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    String last = user.getLastName() == null ? "" : user.getLastName().trim();
    String name = first + last;
    return name.isEmpty() ? user.getId() : name;
  }
}
