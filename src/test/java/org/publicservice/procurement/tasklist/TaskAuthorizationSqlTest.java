package org.publicservice.procurement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hashed form of the task queries' authorization check ({@link TaskAuthorizationSql}) lists for every user
 * exactly the tasks, and as many, that the engine's own join lists: each Tasklist filter (list, page and count) and
 * the plain task query, as every user of the database. (Tasks that tie in a filter's order, e.g. without due date,
 * come in no defined order in either form, so the lists are compared as sets.)
 */
@ProcurementSpringTest
class TaskAuthorizationSqlTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired FormService formService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TaskQueryAuthorizationPlugin plugin;

  @AfterEach
  void restore() {
    plugin.enabled(true);
    identityService.clearAuthentication();
  }

  @Test
  void everyUserSeesTheSameTasksWithTheHashedCheck() {
    TestIdentities officials = new TestIdentities(identityService).ensureOfficials();
    // open tasks of finance, of a department (after a refusal) and none of the others
    for (String purchaser : List.of(TestIdentities.PURCHASER, TestIdentities.HEALTH_PURCHASER)) {
      officials.actAs(purchaser);
      formService.submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE).latestVersion().singleResult().getId(),
          PurchaseRequests.elderlyCare(500_000));
    }
    officials.actAsNobody();
    List<Filter> filters = filterService.createTaskFilterQuery().list();
    List<User> users = identityService.createUserQuery().list();
    long before = plugin.rewritten();
    int compared = 0;
    int nonEmpty = 0;

    for (User user : users) {
      officials.actAs(user.getId());
      List<String> all = same(user.getId() + ": all tasks",
          () -> engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().list());
      nonEmpty += all.isEmpty() ? 0 : 1;
      for (Filter filter : filters) {
        try {
          same(user.getId() + ": " + filter.getName(), () -> filterService.list(filter.getId()));
          assertThat(ids(filterService.listPage(filter.getId(), 1, 2)))
              .as(user.getId() + ": page 2 of " + filter.getName()).hasSize(pageSize(filter.getId()));
          plugin.enabled(true);
          long hashed = filterService.count(filter.getId());
          plugin.enabled(false);
          assertThat(filterService.count(filter.getId())).as(user.getId() + ": count of " + filter.getName())
              .isEqualTo(hashed);
          compared++;
        } catch (AuthorizationException notTheirs) {
          // a filter the user's groups may not read: Tasklist does not show it to them
        } finally {
          plugin.enabled(true);
        }
      }
    }

    assertThat(compared).isGreaterThan(users.size());
    assertThat(nonEmpty).as("users who see tasks").isGreaterThan(2);
    assertThat(plugin.rewritten()).as("task queries sent in the hashed form").isGreaterThan(before + compared);
  }

  @Test
  void theApplicationGrantsOnlySoRevokeChecksAreOff() {
    // camunda.bpm.authorization.authorization-check-revokes: never is right only while no REVOKE exists
    assertThat(authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes()).isEqualTo("never");
  }

  private List<String> same(String what, Supplier<List<Task>> query) {
    plugin.enabled(true);
    List<String> hashed = ids(query.get());
    plugin.enabled(false);
    List<String> joined = ids(query.get());
    plugin.enabled(true);
    assertThat(hashed).as(what).containsExactlyInAnyOrderElementsOf(joined);
    return hashed;
  }

  /** The size of page 2 (2 tasks from the second) by the engine's own join. */
  private int pageSize(String filterId) {
    plugin.enabled(false);
    try {
      return filterService.listPage(filterId, 1, 2).size();
    } finally {
      plugin.enabled(true);
    }
  }

  private static List<String> ids(List<Task> tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.getId()));
    return ids;
  }
}
