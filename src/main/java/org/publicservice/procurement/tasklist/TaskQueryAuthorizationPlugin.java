package org.publicservice.procurement.tasklist;

import java.sql.Connection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.publicservice.procurement.tasklist.TaskAuthorizationSql.Check;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the database answer the authorization check of the engine's task queries (Tasklist's lists and their counts,
 * the REST task list) and of the variables Tasklist shows on a page's cards without pairing every row with every
 * grant, see {@link TaskAuthorizationSql}: Tasklist's group list then reads its 15 newest candidate tasks and looks up
 * their grants and card variables, and its count hashes the user's grants once. Which tasks and variables a user
 * sees does not change ({@code TaskAuthorizationSqlTest} compares both forms for every user and filter).
 *
 * <p>Only on H2 and PostgreSQL, the two databases the application runs on and is tested with.
 */
@Component
public class TaskQueryAuthorizationPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorizationPlugin.class);

  private static final Set<String> DATABASES = Set.of("h2", "postgres");

  private static final String TASK_PAGE =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
  private static final String TASK_COUNT =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria";
  private static final String VARIABLES =
      "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.selectVariableInstanceByQueryCriteria";

  /** Variables of given scopes (the cards of a Tasklist page): few rows, each looked up in the grants. */
  private static final Pattern OF_SCOPES = Pattern.compile("\\bRES\\.VAR_SCOPE_\\s+in\\b", Pattern.CASE_INSENSITIVE);

  private final HashedCheck interceptor = new HashedCheck();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DATABASES.contains(configuration.getDatabaseType())) {
      LOG.info("Task queries keep the engine's authorization join on {}", configuration.getDatabaseType());
      return;
    }
    interceptor.h2 = "h2".equals(configuration.getDatabaseType());
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(interceptor);
  }

  /** How many task and variable queries were sent rewritten since start-up. */
  public long rewritten() {
    return interceptor.rewritten.get();
  }

  /** How many of them look up each row's grants (pages in create-time order, variables of given scopes). */
  public long probed() {
    return interceptor.probed.get();
  }

  /** Turns the rewriting off and on again: for the test that compares both forms. */
  void enabled(boolean enabled) {
    interceptor.enabled = enabled;
  }

  /**
   * The engine's statement in the form the database can answer without pairing rows with grants, or the engine's
   * own if it is not of a known shape. A page of candidate tasks in create-time order looks each task's grants up
   * (the database stops after the page); counts and other pages hash the user's grants once; the variables of given
   * scopes are looked up per row.
   */
  static Optional<Statement> rewrite(String statementId, String sql, boolean h2) {
    switch (statementId) {
      case TASK_PAGE -> {
        Optional<String> byCreateTime = TaskAuthorizationSql.byCreateTime(sql);
        if (byCreateTime.isPresent()) {
          Optional<Statement> probed = TaskAuthorizationSql.rewrite(byCreateTime.get(), Check.PROBED)
              .flatMap(r -> TaskAuthorizationSql.candidatesExist(r.sql())
                  .map(s -> new Statement(h2 ? TaskAuthorizationSql.throughCreateTimeIndex(s) : s, r, true)));
          if (probed.isPresent()) {
            return probed;
          }
        }
        return hashed(sql);
      }
      case TASK_COUNT -> {
        return hashed(sql);
      }
      case VARIABLES -> {
        return OF_SCOPES.matcher(sql).find()
            ? TaskAuthorizationSql.rewrite(sql, Check.PROBED).map(r -> new Statement(r.sql(), r, true))
            : Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Optional<Statement> hashed(String sql) {
    return TaskAuthorizationSql.rewrite(sql, Check.HASHED)
        .map(r -> new Statement(TaskAuthorizationSql.candidatesExist(r.sql()).orElse(r.sql()), r, false));
  }

  /** The statement to send, and how the engine's parameters are placed in it. */
  record Statement(String sql, TaskAuthorizationSql.Rewritten placement, boolean probed) {
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class HashedCheck implements Interceptor {

    private final AtomicLong rewritten = new AtomicLong();
    private final AtomicLong probed = new AtomicLong();
    private volatile boolean enabled = true;
    private volatile boolean h2;

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (enabled) {
        StatementHandler handler = (StatementHandler) invocation.getTarget();
        MetaObject meta = SystemMetaObject.forObject(handler);
        if (meta.hasGetter("delegate.mappedStatement")) {
          BoundSql bound = handler.getBoundSql();
          Optional<Statement> statement = rewrite(
              ((MappedStatement) meta.getValue("delegate.mappedStatement")).getId(), bound.getSql(), h2);
          if (statement.isPresent() && bound.getParameterMappings().size()
              >= statement.get().placement().grantParameters() + statement.get().placement().parametersBeforeTest()) {
            MetaObject target = SystemMetaObject.forObject(bound);
            target.setValue("sql", statement.get().sql());
            target.setValue("parameterMappings", statement.get().placement().parameters(bound.getParameterMappings()));
            rewritten.incrementAndGet();
            if (statement.get().probed()) {
              probed.incrementAndGet();
            }
          }
        }
      }
      return invocation.proceed();
    }
  }
}
