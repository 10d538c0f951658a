package org.publicservice.procurement.tasklist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's task and variable queries, with their authorization check written so that the database can hash it
 * or look it up per row, and the task queries' candidate check as a semi-join.
 *
 * <p>With authorization on, the engine (7.24, {@code Task.xml}, {@code VariableInstance.xml}) joins a user's grants
 * to every row:
 * <pre>
 *   left join (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE &lt;the user's and groups' grants&gt;) AUTH
 *     ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
 *   ... WHERE ... AUTH.RESOURCE_ID_ IS NOT NULL
 * </pre>
 * and lists or counts the distinct rows. Every open task has a grant row of its own (its candidate group's READ and
 * TASK_WORK), so the join pairs N rows with N grants under a condition of several alternatives, which no hash or
 * merge join can take: PostgreSQL compares every row with every grant (10,000 open tasks of finance: 100 million
 * pairs, 40 s per Tasklist list; the 45 card variables of a page of 15 tasks against 100,000 grants: 1 s), H2 looks
 * each row up once per alternative.
 *
 * <p>{@link #rewrite} states the same condition in one of two forms ({@link Check}): as membership tests on the
 * grants, which the database evaluates once each into a hash (for a count, which reads every candidate row anyway):
 * <pre>
 *   ... WHERE ... (RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE &lt;the same grants&gt;)
 *           OR D.KEY_ IN (SELECT ... &lt;the same grants&gt;) OR '*' IN (SELECT ... &lt;the same grants&gt;))
 * </pre>
 * or as a lookup of the row's own grants in the resource index (for a page that the database reads in its order and
 * stops after 15 rows, and for the variables of given scopes: its cost does not depend on how many grants exist):
 * <pre>
 *   ... WHERE ... EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE &lt;the same grants&gt;
 *                          AND A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
 * </pre>
 * A row is listed exactly when the join found a grant for it: one whose resource id is one of those the join names;
 * the rows are the same, in the order the query asks for (the query's DISTINCT removed the duplicates the join made).
 * The grants' condition is the engine's own, its parameters are bound again in their new place
 * ({@link Rewritten#parameters}). (A common table expression would bind them once, but H2 2.3 keeps the result of a
 * parameterised one between executions of the statement, for another user.)
 *
 * <p>A task query for candidate groups also left-joins the identity links and removes the duplicates with DISTINCT,
 * which makes the database find every candidate task before it can return the newest 15. {@link #candidatesExist}
 * writes that condition as {@code EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND ...)}
 * and, when no other join is left that could repeat a task, drops the DISTINCT: the database then walks the tasks
 * newest first (the engine's index on the create time) and stops after the page.
 *
 * <p>Any other shape of statement (a revoke check, a second composite check, parameters before the join, an or-query,
 * candidate conditions mixed with others, other joins) is left as the engine wrote it.
 */
final class TaskAuthorizationSql {

  /** How the grants are checked. */
  enum Check {
    /** Membership tests, one hash of the user's grants each: for counts. */
    HASHED,
    /** One lookup of the row's resource ids in the grants' resource index per row: for pages and given scopes. */
    PROBED
  }

  private static final String COLUMN = "[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*";

  private static final Pattern JOIN = Pattern.compile(
      "\\b(left|inner)\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+WHERE\\s+(.*?)\\)"
          + "\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(([^()]*)\\)\\s*\\)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Pattern RESOURCE = Pattern.compile("\\s*(" + COLUMN + "|'\\*')\\s*");

  private static final Pattern GRANTED = Pattern.compile("\\bAUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL\\b",
      Pattern.CASE_INSENSITIVE);

  /** The granted test as the second alternative of an or: with an inner join the first one would not count. */
  private static final Pattern ALTERNATIVE = Pattern.compile("\\bOR\\s*\\(\\s*$", Pattern.CASE_INSENSITIVE);

  /** Any other use of the join's alias (AUTH1 of a second check, AUTH.* columns) keeps the engine's statement. */
  private static final Pattern ALIAS = Pattern.compile("\\bAUTH\\d*\\.", Pattern.CASE_INSENSITIVE);

  /** A task query's tables: the tasks, their identity links, maybe their process definitions, nothing else. */
  private static final Pattern CANDIDATE_TABLES = Pattern.compile(
      "\\bfrom\\s+(\\S*ACT_RU_TASK)\\s+RES\\s+(left\\s+join\\s+(\\S*ACT_RU_IDENTITYLINK)\\s+I\\s+on\\s+I\\.TASK_ID_\\s*=\\s*RES\\.ID_)\\s+"
          + "((?:left|inner)\\s+join\\s+\\S*ACT_RE_PROCDEF\\s+D\\s+on\\s+RES\\.PROC_DEF_ID_\\s*=\\s*D\\.ID_\\s+)?WHERE\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern TASKS = Pattern.compile("(\\bfrom\\s+ACT_RU_TASK\\s+RES)\\s+", Pattern.CASE_INSENSITIVE);

  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w.])I\\.TYPE_\\s*=\\s*'candidate'",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern UNASSIGNED = Pattern.compile("\\s*(RES\\.ASSIGNEE_\\s+is\\s+null\\s+and\\s+)?",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern LINK = Pattern.compile("(?<![\\w.])I\\.", Pattern.CASE_INSENSITIVE);

  private static final Pattern QUALIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\.[A-Za-z_]");

  private static final Pattern QUERY = Pattern.compile("\\b1\\s*=\\s*1\\b");

  private static final Pattern SELECT_DISTINCT = Pattern.compile("\\bselect\\s+distinct\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern SUBQUERY = Pattern.compile("\\b(select|join|union|exists)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern OR = Pattern.compile("\\bor\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A page in the order of the tasks' create time, which the engine's index ACT_IDX_TASK_CREATE gives; a filter's own
   * order comes first and the order Tasklist asks for after it, so the same key may follow (and changes nothing).
   */
  private static final Pattern BY_CREATE_TIME = Pattern.compile(
      "\\border\\s+by\\s+(RES\\.CREATE_TIME_\\s+(?:asc|desc))((?:\\s*,\\s*RES\\.CREATE_TIME_\\s+(?:asc|desc))*)"
          + "\\s+LIMIT\\s+\\?\\s+OFFSET\\s+\\?\\s*$",
      Pattern.CASE_INSENSITIVE);

  private TaskAuthorizationSql() {
  }

  /** The new statement, and where each of its parameters comes from among the engine's. */
  record Rewritten(String sql, int grantParameters, int parametersBeforeTest, int copies) {

    /** The engine's parameters (mappings, values...) in the order of the new statement. */
    <T> List<T> parameters(List<T> engine) {
      List<T> grants = engine.subList(0, grantParameters);
      List<T> reordered = new ArrayList<>(engine.subList(grantParameters, grantParameters + parametersBeforeTest));
      for (int i = 0; i < copies; i++) {
        reordered.addAll(grants);
      }
      reordered.addAll(engine.subList(grantParameters + parametersBeforeTest, engine.size()));
      return reordered;
    }
  }

  /** The statement with its authorization check hashed: {@code rewrite(sql, Check.HASHED)}. */
  static Optional<Rewritten> rewrite(String sql) {
    return rewrite(sql, Check.HASHED);
  }

  /** The statement with its authorization check in the given form, or empty if it is not of the known shape. */
  static Optional<Rewritten> rewrite(String sql, Check check) {
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
    if (join.group(1).equalsIgnoreCase("inner") && ALTERNATIVE.matcher(whereBefore).find()) {
      return Optional.empty();
    }
    List<String> resources = new ArrayList<>();
    for (String resource : join.group(4).split(",", -1)) {
      Matcher item = RESOURCE.matcher(resource);
      if (!item.matches()) {
        return Optional.empty();
      }
      resources.add(item.group(1));
    }
    String conditions = join.group(3);
    String test;
    int copies;
    if (check == Check.PROBED) {
      test = "EXISTS (SELECT 1 FROM " + join.group(2) + " A WHERE (" + conditions + ") AND A.RESOURCE_ID_ IN ("
          + String.join(", ", resources) + "))";
      copies = 1;
    } else {
      String grants = "(SELECT A.RESOURCE_ID_ FROM " + join.group(2) + " A WHERE " + conditions + ")";
      test = "(" + String.join(" OR ", resources.stream().map(r -> r + " IN " + grants).toList()) + ")";
      copies = resources.size();
    }
    return Optional.of(new Rewritten(before + " " + whereBefore + test + whereAfter, count(conditions),
        count(whereBefore), copies));
  }

  /**
   * The task query's candidate condition as a semi-join on the identity links, without DISTINCT when nothing else
   * can repeat a task; empty if the statement is not of that shape. Parameters keep their order.
   */
  static Optional<String> candidatesExist(String sql) {
    Matcher tables = CANDIDATE_TABLES.matcher(sql);
    if (!tables.find() || CANDIDATE_TABLES.matcher(sql).region(tables.end(), sql.length()).find()) {
      return Optional.empty();
    }
    Matcher candidate = CANDIDATE.matcher(sql);
    if (!candidate.find() || candidate.start() < tables.end() || candidate.find()) {
      return Optional.empty();
    }
    int[] pairs = parentheses(sql);
    if (pairs == null) {
      return Optional.empty();
    }
    candidate.reset().find();
    int open = enclosing(pairs, candidate.start());
    if (open < 0) {
      return Optional.empty();
    }
    int close = pairs[open];
    Matcher unassigned = UNASSIGNED.matcher(sql).region(open + 1, candidate.start());
    String links = sql.substring(candidate.start(), close);
    if (!unassigned.matches() || !onlyLinkColumns(links) || SUBQUERY.matcher(links).find()) {
      return Optional.empty();
    }
    // every other use of the links' alias: only the join itself
    String outside = sql.substring(0, open) + sql.substring(close);
    Matcher linkUse = LINK.matcher(outside);
    int uses = 0;
    while (linkUse.find()) {
      uses++;
    }
    if (uses != 1) {
      return Optional.empty();
    }
    // one query (no or-queries), the candidate block one of its and-ed conditions, the query and-ed in the WHERE
    Matcher query = QUERY.matcher(sql);
    if (!query.find() || query.find()) {
      return Optional.empty();
    }
    query.reset().find();
    int group = enclosing(pairs, query.start());
    if (group < 0 || enclosing(pairs, open) != group
        || !sql.substring(group + 1, open).replaceAll("\\s+", " ").matches("(?i).*\\band $")
        || topLevelOr(sql, pairs, group + 1, pairs[group])) {
      return Optional.empty();
    }
    int where = tables.end() - "WHERE".length();
    int whereGroup = enclosing(pairs, where);
    int whereEnd = whereGroup < 0 ? sql.length() : pairs[whereGroup];
    if (enclosing(pairs, group) != whereGroup || topLevelOr(sql, pairs, where, whereEnd)) {
      return Optional.empty();
    }
    String semiJoin = "EXISTS (SELECT 1 FROM " + tables.group(3) + " I WHERE I.TASK_ID_ = RES.ID_ AND " + links + ")";
    String rewritten = sql.substring(0, tables.start(2)) + sql.substring(tables.end(2), candidate.start()) + semiJoin
        + sql.substring(close);
    // with the links gone, RES joins at most its process definition (by primary key): DISTINCT repeats nothing
    Matcher distinct = SELECT_DISTINCT.matcher(rewritten).region(0, tables.start());
    if (distinct.find() && !distinct.find()) {
      distinct.reset().region(0, tables.start()).find();
      rewritten = rewritten.substring(0, distinct.start()) + "select" + rewritten.substring(distinct.end());
    }
    return Optional.of(rewritten);
  }

  /**
   * The page ordered by the tasks' create time only, with the repetitions of that key removed (they order nothing
   * the first one leaves tied, and H2 uses the index only for an order of as many keys as it has columns), or empty.
   */
  static Optional<String> byCreateTime(String sql) {
    Matcher order = BY_CREATE_TIME.matcher(sql);
    if (!order.find()) {
      return Optional.empty();
    }
    return Optional.of(sql.substring(0, order.end(1)) + sql.substring(order.end(2)));
  }

  /**
   * The page told to read the tasks through the engine's create-time index (H2's {@code USE INDEX}): H2 otherwise
   * picks the assignee index for {@code ASSIGNEE_ IS NULL}, reads every unassigned task and sorts them, and it sorts
   * through an index only when the index is the one it reads.
   */
  static String throughCreateTimeIndex(String sql) {
    return TASKS.matcher(sql).replaceFirst("$1 USE INDEX (ACT_IDX_TASK_CREATE) ");
  }

  private static boolean onlyLinkColumns(String links) {
    return QUALIFIER.matcher(links).results().allMatch(q -> q.group(1).equalsIgnoreCase("I"));
  }

  /** Whether an OR stands directly in [from, to), outside any parenthesis opened there. */
  private static boolean topLevelOr(String sql, int[] pairs, int from, int to) {
    int i = from;
    StringBuilder top = new StringBuilder();
    while (i < to) {
      char c = sql.charAt(i);
      if (c == '(') {
        i = pairs[i] + 1;
        top.append(' ');
      } else if (c == '\'') {
        int end = sql.indexOf('\'', i + 1);
        i = end + 1;
        top.append(' ');
      } else {
        top.append(c);
        i++;
      }
    }
    return OR.matcher(top).find();
  }

  /** The innermost parenthesis that contains the position, or -1. */
  private static int enclosing(int[] pairs, int position) {
    int best = -1;
    for (int i = 0; i < position; i++) {
      if (pairs[i] > position && (best < 0 || i > best)) {
        best = i;
      }
    }
    return best;
  }

  /** For each opening parenthesis its closing one (others -1), outside string literals; null if unbalanced. */
  private static int[] parentheses(String sql) {
    int[] pairs = new int[sql.length()];
    Arrays.fill(pairs, -1);
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = sql.indexOf('\'', i + 1);
        if (end < 0) {
          return null;
        }
        i = end;
      } else if (c == '(') {
        open.push(i);
      } else if (c == ')') {
        if (open.isEmpty()) {
          return null;
        }
        pairs[open.pop()] = i;
      }
    }
    return open.isEmpty() ? pairs : null;
  }

  private static int count(String sql) {
    return (int) sql.chars().filter(c -> c == '?').count();
  }
}
