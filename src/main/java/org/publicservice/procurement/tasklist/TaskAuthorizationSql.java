package org.publicservice.procurement.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's task query, with its authorization check written so that the database can hash it.
 *
 * <p>With authorization on, the engine (7.24, {@code Task.xml}) joins a user's grants to every candidate task:
 * <pre>
 *   join (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE &lt;the user's and groups' grants&gt;) AUTH
 *     ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
 *   ... WHERE ... AUTH.RESOURCE_ID_ IS NOT NULL
 * </pre>
 * and counts or pages the distinct tasks. Every open task has a grant row of its own (its candidate group's READ and
 * TASK_WORK), so the join pairs N tasks with N grants under a condition of three alternatives, which no hash or merge
 * join can take: PostgreSQL compares every task with every grant (10,000 open tasks of finance: 100 million pairs,
 * 40 s per Tasklist list), H2 looks each task up three times.
 *
 * <p>{@link #rewrite} states the same condition as three membership tests on the grants, which the database
 * evaluates once each into a hash:
 * <pre>
 *   ... WHERE ... (RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE &lt;the same grants&gt;)
 *           OR D.KEY_ IN (SELECT ... &lt;the same grants&gt;) OR '*' IN (SELECT ... &lt;the same grants&gt;))
 * </pre>
 * A task is listed exactly when the join found a grant for it: one whose resource id is the task's id, its process
 * definition's key or {@code *}; the rows are the same, in the order the query asks for (the query's DISTINCT
 * removed the duplicates the join made). The grants' condition is the engine's own, its parameters are bound three
 * times in their new place ({@link Rewritten#parameters}). (A common table expression would bind them once, but
 * H2 2.3 keeps the result of a parameterised one between executions of the statement, for another user.) Any other
 * shape of statement (a revoke check, a second composite check, parameters before the join) is left as the engine
 * wrote it.
 */
final class TaskAuthorizationSql {

  private static final Pattern JOIN = Pattern.compile(
      "\\b(?:left|inner)\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+WHERE\\s+(.*?)\\)"
          + "\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Pattern GRANTED = Pattern.compile("\\bAUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL\\b",
      Pattern.CASE_INSENSITIVE);

  /** Any other use of the join's alias (AUTH1 of a second check, AUTH.* columns) keeps the engine's statement. */
  private static final Pattern ALIAS = Pattern.compile("\\bAUTH\\d*\\.", Pattern.CASE_INSENSITIVE);

  private TaskAuthorizationSql() {
  }

  /** The new statement, and where each of its parameters comes from among the engine's. */
  record Rewritten(String sql, int grantParameters, int parametersBeforeTest) {

    /** The engine's parameters (mappings, values...) in the order of the new statement. */
    <T> List<T> parameters(List<T> engine) {
      List<T> grants = engine.subList(0, grantParameters);
      List<T> reordered = new ArrayList<>(engine.subList(grantParameters, grantParameters + parametersBeforeTest));
      for (int i = 0; i < 3; i++) {
        reordered.addAll(grants);
      }
      reordered.addAll(engine.subList(grantParameters + parametersBeforeTest, engine.size()));
      return reordered;
    }
  }

  /** The statement with its authorization check as membership tests, or empty if it is not of the known shape. */
  static Optional<Rewritten> rewrite(String sql) {
    Matcher join = JOIN.matcher(sql);
    if (!join.find()) {
      return Optional.empty();
    }
    String before = sql.substring(0, join.start());
    String after = sql.substring(join.end());
    if (before.indexOf('?') >= 0 || JOIN.matcher(after).find() || ALIAS.matcher(before).find()) {
      return Optional.empty();
    }
    Matcher granted = GRANTED.matcher(after);
    if (!granted.find()) {
      return Optional.empty();
    }
    String whereBefore = after.substring(0, granted.start());
    String whereAfter = after.substring(granted.end());
    if (GRANTED.matcher(whereAfter).find() || ALIAS.matcher(whereBefore).find() || ALIAS.matcher(whereAfter).find()) {
      return Optional.empty();
    }
    String grants = "(SELECT A.RESOURCE_ID_ FROM " + join.group(1) + " A WHERE " + join.group(2) + ")";
    String test = "(RES.ID_ IN " + grants + " OR D.KEY_ IN " + grants + " OR '*' IN " + grants + ")";
    return Optional.of(new Rewritten(before + " " + whereBefore + test + whereAfter, count(join.group(2)),
        count(whereBefore)));
  }

  private static int count(String sql) {
    return (int) sql.chars().filter(c -> c == '?').count();
  }
}
