package org.publicservice.procurement.identity;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.publicservice.procurement.cluster.StartupLock;
import org.publicservice.procurement.identity.AccessRules.Grant;
import org.publicservice.procurement.identity.AccessRules.GroupRule;
import org.publicservice.procurement.identity.TasklistFilters.FilterRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings groups, authorizations and Tasklist filters to the state of {@link AccessRules} and
 * {@link TasklistFilters} at every start-up, in every profile, then lets the profile's {@link Accounts} create
 * users. Idempotent: existing grants are only extended, so rights an administrator added in Admin stay.
 * Runs first among the listeners of the deployment so that later start-up steps find the users.
 */
@Component
public class IdentitySetup {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final ObjectProvider<Accounts> accounts;
  private final StartupLock startupLock;

  public IdentitySetup(ObjectProvider<Accounts> accounts, StartupLock startupLock) {
    this.accounts = accounts;
    this.startupLock = startupLock;
  }

  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void onDeployed(PostDeployEvent event) {
    // nodes starting at the same moment would otherwise both create the same groups, grants and users
    startupLock.exclusively(StartupLock.IDENTITY, () -> {
      setUp(event.getProcessEngine());
      return null;
    });
  }

  private void setUp(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    // start-up works as the system, not as whoever happened to be authenticated on this thread
    identity.clearAuthentication();
    for (GroupRule rule : AccessRules.GROUPS) {
      ensureGroup(identity, rule);
      for (Grant grant : rule.grants()) {
        grant(engine.getAuthorizationService(), rule.groupId(), grant);
      }
    }
    for (FilterRule rule : TasklistFilters.FILTERS) {
      ensureFilter(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService(), rule);
    }
    accounts.orderedStream().forEach(a -> a.create(identity));
    LOG.info("Identity: {} groups and {} Tasklist filters in place", AccessRules.GROUPS.size(),
        TasklistFilters.FILTERS.size());
  }

  private static void ensureGroup(IdentityService identity, GroupRule rule) {
    Group group = identity.createGroupQuery().groupId(rule.groupId()).singleResult();
    if (group == null) {
      group = identity.newGroup(rule.groupId());
    } else if (rule.name().equals(group.getName()) && rule.type().equals(group.getType())) {
      return;
    }
    group.setName(rule.name());
    group.setType(rule.type());
    identity.saveGroup(group);
  }

  private static void grant(AuthorizationService authorizations, String groupId, Grant grant) {
    grant(authorizations, groupId, grant.resource(), grant.resourceId(), grant.permissions().toArray(Permission[]::new));
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (grantsAll(authorization, permissions)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private static boolean grantsAll(Authorization authorization, Permission[] permissions) {
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }

  private static void ensureFilter(FilterService filters, TaskService tasks, AuthorizationService authorizations,
      FilterRule rule) {
    Filter filter = filters.createFilterQuery().filterResourceType(EntityTypes.TASK)
        .filterName(rule.name()).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(rule.name());
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("description", rule.description());
    properties.put("priority", rule.priority());
    properties.put("refresh", true);
    properties.put("variables", TasklistFilters.CARD_VARIABLES);
    filter.setProperties(properties);
    filter.setQuery(rule.query().apply(tasks.createTaskQuery()));
    filters.saveFilter(filter);
    for (String groupId : rule.groups()) {
      grant(authorizations, groupId, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
