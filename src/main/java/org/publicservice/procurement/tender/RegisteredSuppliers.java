package org.publicservice.procurement.tender;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.identity.SystemAccess;

/**
 * The registered suppliers of any type (group {@code social-org}: enterprises, institutions, social organisations,
 * other organisations and natural persons alike, 实施条例第二十条) as a select offers them.
 */
final class RegisteredSuppliers {

  private RegisteredSuppliers() {
  }

  /** Select options {@code {label, value}}: the supplier's name and its user id. Call inside a command. */
  static List<Map<String, String>> options(IdentityService identity) {
    return SystemAccess.run(() -> identity.createUserQuery().memberOfGroup(Groups.SOCIAL_ORGANISATION)
        .orderByUserId().asc().list().stream()
        .map(user -> Map.of("label", OrganisationNames.displayName(user), "value", user.getId())).toList());
  }
}
