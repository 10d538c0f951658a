package org.publicservice.procurement.tasklist;

import java.sql.Connection;
import java.util.Optional;
import java.util.Set;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the database hash the authorization check of the engine's task queries (Tasklist's lists and their counts,
 * the REST task list), see {@link TaskAuthorizationSql}: Tasklist's group list then costs a hash of the user's grants
 * and one lookup per candidate task instead of a comparison of every task with every grant. Which tasks a user sees
 * does not change ({@code TaskAuthorizationSqlTest} compares both forms for every user and filter).
 *
 * <p>Only on H2 and PostgreSQL, the two databases the application runs on and is tested with.
 */
@Component
public class TaskQueryAuthorizationPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorizationPlugin.class);

  private static final Set<String> DATABASES = Set.of("h2", "postgres");

  /** The engine's task list and task count (TaskQuery, filters of tasks). */
  private static final Set<String> STATEMENTS = Set.of(
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");

  private final HashedCheck interceptor = new HashedCheck();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DATABASES.contains(configuration.getDatabaseType())) {
      LOG.info("Task queries keep the engine's authorization join on {}", configuration.getDatabaseType());
      return;
    }
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(interceptor);
  }

  /** How many task queries were sent in the hashed form since start-up. */
  public long rewritten() {
    return interceptor.rewritten.get();
  }

  /** Turns the rewriting off and on again: for the test that compares both forms. */
  void enabled(boolean enabled) {
    interceptor.enabled = enabled;
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class HashedCheck implements Interceptor {

    private final AtomicLong rewritten = new AtomicLong();
    private volatile boolean enabled = true;

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (enabled) {
        StatementHandler handler = (StatementHandler) invocation.getTarget();
        MetaObject meta = SystemMetaObject.forObject(handler);
        if (meta.hasGetter("delegate.mappedStatement")
            && STATEMENTS.contains(((MappedStatement) meta.getValue("delegate.mappedStatement")).getId())) {
          BoundSql bound = handler.getBoundSql();
          Optional<TaskAuthorizationSql.Rewritten> hashed = TaskAuthorizationSql.rewrite(bound.getSql());
          if (hashed.isPresent() && bound.getParameterMappings().size()
              >= hashed.get().grantParameters() + hashed.get().parametersBeforeTest()) {
            MetaObject statement = SystemMetaObject.forObject(bound);
            statement.setValue("sql", hashed.get().sql());
            statement.setValue("parameterMappings", hashed.get().parameters(bound.getParameterMappings()));
            rewritten.incrementAndGet();
          }
        }
      }
      return invocation.proceed();
    }
  }
}
