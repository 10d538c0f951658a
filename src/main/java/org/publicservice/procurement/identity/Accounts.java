package org.publicservice.procurement.identity;

import org.camunda.bpm.engine.IdentityService;

/**
 * Users of a profile: demo users under {@code demo}, the administrator from the environment under {@code prod}.
 * Called at every start-up after the groups exist, so it must skip what is already there.
 */
public interface Accounts {

  void create(IdentityService identity);
}
