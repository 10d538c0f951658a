package org.publicservice.procurement.calendar;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.publicservice.procurement.identity.Groups;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets the administrators' group start 维护节假日安排 and follow both calendar processes, and nothing more: the
 * warning tasks reach them as candidates. Granted at every start-up, only what is missing.
 */
@Component
public class HolidayScheduleAuthorizations {

  private final AuthorizationService authorizations;

  public HolidayScheduleAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  @Order(0)
  public void grant(PostDeployEvent event) {
    grant(Resources.PROCESS_DEFINITION, HolidayScheduleVariables.MAINTAIN_PROCESS, READ, CREATE_INSTANCE,
        READ_INSTANCE, READ_HISTORY);
    grant(Resources.PROCESS_DEFINITION, HolidayScheduleVariables.CHECK_PROCESS, READ, READ_INSTANCE, READ_HISTORY);
    grant(Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
  }

  private void grant(Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMIN)
        .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
        .list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(Groups.ADMIN);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
