package org.publicservice.procurement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

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
    long probedBefore = plugin.probed();
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
      if (entry.getValue() instanceof List<?> times && !times.isEmpty() && times.get(0) instanceof Long) {
        assertThat(times).as(entry.getKey()).isEqualTo(theirs);
      } else if (entry.getValue() instanceof List<?> tasks) {
        assertThat(tasks.stream().map(String.class::cast).toList()).as(entry.getKey())
            .containsExactlyInAnyOrderElementsOf(((List<?>) theirs).stream().map(String.class::cast).toList());
        usersWithTasks += entry.getKey().endsWith(": all tasks") && !tasks.isEmpty() ? 1 : 0;
      } else {
        assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(theirs);
      }
    }
    int compared = (int) hashed.keySet().stream().filter(k -> k.endsWith(", count")).count();
    assertThat(usersWithTasks).as("users who see tasks").isPositive();
    assertThat(hashed.entrySet().stream().filter(e -> e.getKey().endsWith(": variables of every scope"))
        .filter(e -> !((List<?>) e.getValue()).isEmpty()).count()).as("users who see variables").isPositive();
    assertThat(plugin.probed()).as("pages and variables sent with a lookup of each row's grants")
        .isGreaterThan(probedBefore + compared);
    assertThat(plugin.rewritten()).as("task queries sent in the hashed form").isGreaterThan(before + compared);
    return compared;
  }

  /**
   * What every user sees: all tasks; each readable filter's tasks, page 2 (its size) and count; its first page as
   * Tasklist asks for it (sorted by create time, newest first, after the filter's own order: the same create times
   * in the same order, ties in any order) and all its tasks in that order; the variables of every process instance,
   * execution and task (Tasklist's cards).
   */
  private Map<String, Object> listAll() {
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    List<String> scopes = new ArrayList<>();
    engine.getRuntimeService().createExecutionQuery().list().forEach(e -> scopes.add(e.getId()));
    engine.getTaskService().createTaskQuery().list().forEach(t -> scopes.add(t.getId()));
    Map<String, Object> seen = new LinkedHashMap<>();
    for (User user : identity.createUserQuery().orderByUserId().asc().list()) {
      identity.setAuthentication(user.getId(),
          identity.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId).toList());
      seen.put(user.getId() + ": all tasks", ids(engine.getTaskService().createTaskQuery().list()));
      seen.put(user.getId() + ": variables of every scope", engine.getRuntimeService().createVariableInstanceQuery()
          .variableScopeIdIn(scopes.toArray(String[]::new)).list().stream().map(VariableInstance::getId).toList());
      for (Filter filter : filters.createTaskFilterQuery().list()) {
        String what = user.getId() + ": " + filter.getName();
        try {
          seen.put(what, ids(filters.list(filter.getId())));
          seen.put(what + ", page 2", filters.listPage(filter.getId(), 1, 2).size());
          seen.put(what + ", count", filters.count(filter.getId()));
          List<Task> newest = filters.listPage(filter.getId(), newestFirst(), 0, 15);
          seen.put(what + ", newest first: create times of page 1", createTimes(newest));
          seen.put(what + ", newest first: create times of page 2", createTimes(
              filters.listPage(filter.getId(), newestFirst(), 2, 2)));
          List<Task> all = filters.list(filter.getId(), newestFirst());
          seen.put(what + ", newest first: create times", createTimes(all));
          seen.put(what + ", newest first", ids(all));
          seen.put(what + ", newest first: page 1 among them", ids(all).containsAll(ids(newest)));
        } catch (AuthorizationException notTheirs) {
          // a filter the user's groups may not read: Tasklist does not show it to them
          seen.put(what, "not readable");
        }
      }
    }
    identity.clearAuthentication();
    return seen;
  }

  private TaskQuery newestFirst() {
    return engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc();
  }

  private static List<Long> createTimes(List<Task> tasks) {
    return tasks.stream().map(t -> t.getCreateTime().getTime()).toList();
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
