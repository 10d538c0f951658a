package org.publicservice.procurement;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.publicservice.procurement.identity.Groups;

/**
 * Officials for tests: users in the real role and department groups, created once per test database. The groups
 * and their rights come from the application's own identity setup (identity/AccessRules), which runs in every
 * profile; tests act as these users ({@link #actAs}) so that the engine checks those rights as it does in Tasklist.
 */
public final class TestIdentities {

  public static final String PURCHASER = "t-minzheng";
  public static final String HEALTH_PURCHASER = "t-weijian";
  public static final String FINANCE_OFFICIAL = "t-caizheng";

  private final IdentityService identity;

  public TestIdentities(IdentityService identity) {
    this.identity = identity;
  }

  public TestIdentities ensureOfficials() {
    user(PURCHASER, "张", "敏", Groups.PURCHASER, Groups.DEPT_CIVIL_AFFAIRS);
    user(HEALTH_PURCHASER, "李", "卫", Groups.PURCHASER, Groups.DEPT_HEALTH);
    user(FINANCE_OFFICIAL, "王", "财", Groups.FINANCE);
    return this;
  }

  /**
   * Two more registered social organisations, for an invited tender (87号令第十四条: a list at least twice as long as the
   * 3 suppliers drawn) with the demo's five. Remove them with {@link #removeExtraOrganisations} after the test.
   */
  public static final List<String> EXTRA_ORGANISATIONS = List.of("t-org-kangning", "t-org-heyue");

  public TestIdentities ensureExtraOrganisations() {
    user(EXTRA_ORGANISATIONS.get(0), "南通康宁社工服务中心", "", Groups.SOCIAL_ORGANISATION);
    user(EXTRA_ORGANISATIONS.get(1), "南通和悦养老服务社", "", Groups.SOCIAL_ORGANISATION);
    return this;
  }

  public void removeExtraOrganisations() {
    EXTRA_ORGANISATIONS.forEach(identity::deleteUser);
  }

  public static String password(String userId) {
    return "test-" + userId;
  }

  /** The Authorization header of an HTTP basic login as this user. */
  public static String basicAuth(String userId) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((userId + ":" + password(userId)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Makes the engine treat the following calls as this user's, with the user's groups. */
  public void actAs(String userId) {
    identity.clearAuthentication();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(userId, groups);
  }

  public void actAsNobody() {
    identity.clearAuthentication();
  }

  /** Like the demo accounts: the family name first, as Chinese names are written and greeted. */
  private void user(String id, String firstName, String lastName, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@test.local");
      user.setPassword(password(id));
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
  }
}
