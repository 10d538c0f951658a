package org.publicservice.procurement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

/**
 * Lists the tasks of every Tasklist filter and the plain task query as every user of the database, once with the
 * hashed authorization check ({@link TaskAuthorizationSql}) and once with the engine's own join, and asserts both
 * give the same tasks, as many, and the same page size and count. Tasks that tie in a filter's order (e.g. without due date) come
 * in no defined order in either form, so lists are compared as sets. Used on H2 and on PostgreSQL.
 */
public final class HashedCheckComparison {

  private final ProcessEngine engine;
  private final TaskQueryAuthorizationPlugin plugin;

  public HashedCheckComparison(ProcessEngine engine, TaskQueryAuthorizationPlugin plugin) {
    this.engine = engine;
    this.plugin = plugin;
  }

  /**
   * Lists every filter a user may read, as every user, first all in the hashed form, then all with the engine's
   * join (so that hashed statements of different users follow each other, as they do in Tasklist), and compares;
   * returns how many (user, filter) pairs were compared.
   */
  public int compareForEveryUser() {
    long before = plugin.rewritten();
    Map<String, Object> hashed;
    Map<String, Object> joined;
    try {
      plugin.enabled(true);
      hashed = listAll();
      plugin.enabled(false);
      joined = listAll();
    } finally {
      plugin.enabled(true);
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(hashed.keySet()).isEqualTo(joined.keySet());
    int usersWithTasks = 0;
    for (Map.Entry<String, Object> entry : hashed.entrySet()) {
      Object theirs = joined.get(entry.getKey());
      if (entry.getValue() instanceof List<?> tasks) {
        assertThat(tasks.stream().map(String.class::cast).toList()).as(entry.getKey())
            .containsExactlyInAnyOrderElementsOf(((List<?>) theirs).stream().map(String.class::cast).toList());
        usersWithTasks += entry.getKey().endsWith(": all tasks") && !tasks.isEmpty() ? 1 : 0;
      } else {
        assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(theirs);
      }
    }
    int compared = (int) hashed.keySet().stream().filter(k -> k.endsWith(", count")).count();
    assertThat(usersWithTasks).as("users who see tasks").isPositive();
    assertThat(plugin.rewritten()).as("task queries sent in the hashed form").isGreaterThan(before + compared);
    return compared;
  }

  /** What every user sees: all tasks, and each readable filter's tasks, page 2 (its size) and count. */
  private Map<String, Object> listAll() {
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    Map<String, Object> seen = new LinkedHashMap<>();
    for (User user : identity.createUserQuery().orderByUserId().asc().list()) {
      identity.setAuthentication(user.getId(),
          identity.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId).toList());
      seen.put(user.getId() + ": all tasks", ids(engine.getTaskService().createTaskQuery().list()));
      for (Filter filter : filters.createTaskFilterQuery().list()) {
        String what = user.getId() + ": " + filter.getName();
        try {
          seen.put(what, ids(filters.list(filter.getId())));
          seen.put(what + ", page 2", filters.listPage(filter.getId(), 1, 2).size());
          seen.put(what + ", count", filters.count(filter.getId()));
        } catch (AuthorizationException notTheirs) {
          // a filter the user's groups may not read: Tasklist does not show it to them
          seen.put(what, "not readable");
        }
      }
    }
    identity.clearAuthentication();
    return seen;
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
