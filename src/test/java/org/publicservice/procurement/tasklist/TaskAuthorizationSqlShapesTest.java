package org.publicservice.procurement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which statements the rewrite takes and which it leaves as the engine wrote them (the comparison of what every user
 * sees is TaskAuthorizationSqlTest and PostgresTest); the statements are the engine's 7.24 task page as MyBatis
 * prints it, with whitespace shortened.
 */
class TaskAuthorizationSqlShapesTest {

  private static final String GRANTS = "left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 "
      + "AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? "
      + "OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*'))";

  private static String page(String joins, String conditions) {
    return "select distinct RES.REV_, RES.ID_, RES.CREATE_TIME_ from ACT_RU_TASK RES "
        + "left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ "
        + joins + GRANTS + " WHERE ( 1 = 1 and " + conditions + " ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR "
        + "(AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null ) "
        + "order by RES.CREATE_TIME_ asc, RES.CREATE_TIME_ desc LIMIT ? OFFSET ?";
  }

  private static final String CANDIDATES =
      "( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) )";

  private static final String PAGE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";

  @Test
  void theGroupListReadsItsPageNewestFirstAndLooksUpEachTasksGrants() {
    TaskQueryAuthorizationPlugin.Statement statement =
        TaskQueryAuthorizationPlugin.rewrite(PAGE, page("", CANDIDATES), false).orElseThrow();

    assertThat(statement.probed()).isTrue();
    assertThat(statement.sql()).doesNotContainIgnoringCase("distinct").doesNotContain("ACT_RU_IDENTITYLINK I on")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate'")
        .contains("A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))")
        .endsWith("order by RES.CREATE_TIME_ asc LIMIT ? OFFSET ?");
    assertThat(TaskQueryAuthorizationPlugin.rewrite(PAGE, page("", CANDIDATES), true).orElseThrow().sql())
        .contains("from ACT_RU_TASK RES USE INDEX (ACT_IDX_TASK_CREATE) ");
  }

  @Test
  void theGrantsComeAfterTheConditionsBeforeThem() {
    TaskAuthorizationSql.Rewritten probed =
        TaskAuthorizationSql.rewrite(page("", CANDIDATES), TaskAuthorizationSql.Check.PROBED).orElseThrow();

    // the engine binds the grants' 8 parameters first (in the join), then the 2 groups, then limit and offset
    assertThat(probed.parameters(List.of("u", "g", "7", "2", "2", "6", "64", "64", "g1", "g2", "15", "0")))
        .containsExactly("g1", "g2", "u", "g", "7", "2", "2", "6", "64", "64", "15", "0");
  }

  @Test
  void otherShapesKeepTheirJoinOrTheirDistinct() {
    // an or-query: the candidate condition is one alternative among others
    String orQuery = page("", CANDIDATES + " ) and ( 1 = 1 or RES.NAME_ = ? ");
    assertThat(TaskQueryAuthorizationPlugin.rewrite(PAGE, orQuery, false).orElseThrow().sql())
        .contains("left join ACT_RU_IDENTITYLINK I on").containsIgnoringCase("select distinct").doesNotContain("USE INDEX");

    // another join that can repeat a task (the process instance's executions)
    String executions = page("left join ACT_RU_EXECUTION E1 on RES.EXECUTION_ID_ = E1.ID_ ", CANDIDATES);
    assertThat(TaskQueryAuthorizationPlugin.rewrite(PAGE, executions, false).orElseThrow().sql())
        .contains("left join ACT_RU_IDENTITYLINK I on").containsIgnoringCase("select distinct");

    // the links used outside the candidate condition (involved user)
    String involved = page("", CANDIDATES + " and (I.USER_ID_ = ? or RES.ASSIGNEE_ = ?)");
    assertThat(TaskAuthorizationSql.candidatesExist(involved)).isEmpty();

    // another order than the create time: the grants are hashed, not looked up per task
    String byDueDate = page("", CANDIDATES).replace("order by RES.CREATE_TIME_ asc, RES.CREATE_TIME_ desc",
        "order by RES.DUE_DATE_ asc");
    TaskQueryAuthorizationPlugin.Statement hashed = TaskQueryAuthorizationPlugin.rewrite(PAGE, byDueDate, true)
        .orElseThrow();
    assertThat(hashed.probed()).isFalse();
    assertThat(hashed.sql()).contains("RES.ID_ IN (SELECT A.RESOURCE_ID_").doesNotContain("USE INDEX");
  }
}
