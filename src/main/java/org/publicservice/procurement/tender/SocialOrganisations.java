package org.publicservice.procurement.tender;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.identity.SystemAccess;

/** The registered social organisations (group {@code social-org}) as a select offers them. */
final class SocialOrganisations {

  private SocialOrganisations() {
  }

  /** Select options {@code {label, value}}: the organisation's name and its user id. Call inside a command. */
  static List<Map<String, String>> options(IdentityService identity) {
    return SystemAccess.run(() -> identity.createUserQuery().memberOfGroup(Groups.SOCIAL_ORGANISATION)
        .orderByUserId().asc().list().stream()
        .map(user -> Map.of("label", OrganisationNames.displayName(user), "value", user.getId())).toList());
  }
}
