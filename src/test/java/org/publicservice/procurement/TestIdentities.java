package org.publicservice.procurement;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.publicservice.procurement.identity.Groups;

/**
 * Officials for tests: users in the real role and department groups, created once per test database.
 * Tests act as these users ({@link #actAs}) so that the engine checks their authorizations as it does in Tasklist.
 */
public final class TestIdentities {

  public static final String PURCHASER = "t-minzheng";
  public static final String HEALTH_PURCHASER = "t-weijian";
  public static final String FINANCE_OFFICIAL = "t-caizheng";

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public TestIdentities(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  public TestIdentities ensureOfficials() {
    group(Groups.PURCHASER, "采购人", Groups.TYPE_ROLE);
    group(Groups.FINANCE, "财政局", Groups.TYPE_ROLE);
    group(Groups.DEPT_CIVIL_AFFAIRS, "南通市民政局", Groups.TYPE_DEPARTMENT);
    group(Groups.DEPT_HEALTH, "南通市卫生健康委员会", Groups.TYPE_DEPARTMENT);
    user(PURCHASER, "张", "敏", Groups.PURCHASER, Groups.DEPT_CIVIL_AFFAIRS);
    user(HEALTH_PURCHASER, "李", "卫", Groups.PURCHASER, Groups.DEPT_HEALTH);
    user(FINANCE_OFFICIAL, "王", "财", Groups.FINANCE);
    return this;
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

  /** A grant the application's identity setup gives in production; added here only where it is missing. */
  public void ensureGrant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
    if (!exists) {
      var grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
      for (Permission permission : permissions) {
        grant.addPermission(permission);
      }
      authorizations.saveAuthorization(grant);
    }
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      var group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
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
