package org.publicservice.procurement.officials;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.publicservice.procurement.identity.ProcessKeys;

/** Files a purchase request through the start form as a department official does, logged in with her groups. */
final class PurchaseFiling {

  private PurchaseFiling() {
  }

  static ProcessInstance fileAs(ProcessEngine engine, String userId, VariableMap request) {
    var identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE).latestVersion().singleResult().getId();
      return engine.getFormService().submitStartForm(definitionId, request);
    } finally {
      identity.clearAuthentication();
    }
  }
}
