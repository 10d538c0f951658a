package org.publicservice.procurement.browser;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * The demo accounts the browser tests log in with (password {@value #PASSWORD}), their access to Tasklist and a
 * group task list. Each piece is created only where the application's own demo data has not created it.
 */
@Component
public class DemoLogins {

  public static final String PASSWORD = "demo";
  public static final String ADMIN = "admin";
  public static final String PURCHASER = "minzheng";
  public static final String FINANCE_OFFICIAL = "caizheng";
  public static final String GROUP_TASKS_FILTER = "本组待办";
  static final String ADMIN_GROUP = "camunda-admin";
  static final String PURCHASE_PROCESS = "PublicServicePurchase";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  public DemoLogins(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  public void ensure() {
    var officials = new TestIdentities(identity, authorizations).ensureOfficials();
    group(ADMIN_GROUP, "系统管理员");
    user(ADMIN, "系统", "管理员", ADMIN_GROUP);
    user(PURCHASER, "王", "敏", Groups.PURCHASER, Groups.DEPT_CIVIL_AFFAIRS);
    user(FINANCE_OFFICIAL, "赵", "明", Groups.FINANCE);
    officials.ensureGrant(ADMIN_GROUP, Resources.APPLICATION, Authorization.ANY, Permissions.ALL);
    officials.ensureGrant(Groups.PURCHASER, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    officials.ensureGrant(Groups.FINANCE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    officials.ensureGrant(Groups.PURCHASER, Resources.PROCESS_DEFINITION, PURCHASE_PROCESS,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    officials.ensureGrant(Groups.PURCHASER, Resources.PROCESS_INSTANCE, Authorization.ANY,
        ProcessInstancePermissions.CREATE);
    officials.ensureGrant(Groups.FINANCE, Resources.PROCESS_DEFINITION, PURCHASE_PROCESS,
        ProcessDefinitionPermissions.READ);
    if (filters.createFilterQuery().filterName(GROUP_TASKS_FILTER).count() == 0) {
      var filter = filters.newTaskFilter(GROUP_TASKS_FILTER);
      filter.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
      filters.saveFilter(filter);
      var read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      var group = identity.newGroup(id);
      group.setName(name);
      group.setType("SYSTEM");
      identity.saveGroup(group);
    }
  }

  private void user(String id, String firstName, String lastName, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
  }
}
