package org.publicservice.procurement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hashed form of the task queries' authorization check lists for every user of the (shared, H2) test database
 * exactly the tasks the engine's own join lists (PostgresTest does the same on PostgreSQL).
 */
@ProcurementSpringTest
class TaskAuthorizationSqlTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TaskQueryAuthorizationPlugin plugin;

  @Test
  void everyUserSeesTheSameTasksWithTheHashedCheck() {
    TestIdentities officials = new TestIdentities(identityService).ensureOfficials();
    // open review tasks of finance; the department's, supervisors' and administrators' views of them
    for (String purchaser : List.of(TestIdentities.PURCHASER, TestIdentities.HEALTH_PURCHASER)) {
      officials.actAs(purchaser);
      engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE).latestVersion().singleResult().getId(),
          PurchaseRequests.elderlyCare(500_000));
    }
    officials.actAsNobody();

    int compared = new HashedCheckComparison(engine, plugin).compareForEveryUser();

    assertThat(compared).isGreaterThan((int) identityService.createUserQuery().count());
  }

  @Test
  void theApplicationGrantsOnlyAndAnAdministratorsRevokeStillHolds() {
    // with no REVOKE the engine writes the join that the hashed check rewrites; one entered in Admin is still checked
    assertThat(authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes()).isEqualTo("auto");
  }
}
