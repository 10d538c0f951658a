package org.publicservice.procurement.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets one node at a time do a start-up step that writes shared rows (the engine's schema, groups, grants, filters,
 * the administrator): several nodes may start at the same moment on an empty database, and two creating the same
 * row would make one of them fail to start. On PostgreSQL the step runs in one transaction that first takes a
 * transaction-scoped advisory lock; the next node waits, then finds the rows and leaves them. H2 serves one node
 * only (its file is opened by one process), so there the step simply runs in a transaction.
 */
@Component
public class StartupLock {

  /** Advisory lock keys: arbitrary numbers, fixed for the application ("PSP" and a step number). */
  public static final long ENGINE_SCHEMA = 0x505350_0001L;
  public static final long IDENTITY = 0x505350_0002L;

  private final TransactionTemplate transaction;
  private final JdbcTemplate jdbc;

  public StartupLock(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
    this.transaction = new TransactionTemplate(transactions);
    this.jdbc = jdbc;
  }

  /** Runs the work in one transaction, alone among the nodes on PostgreSQL. */
  public <T> T exclusively(long key, Supplier<T> work) {
    return transaction.execute(status -> {
      jdbc.execute((Connection connection) -> {
        lock(connection, key);
        return null;
      });
      return work.get();
    });
  }

  /** Takes the lock on the connection of the running transaction; it is released when that transaction ends. */
  static void lock(Connection connection, long key) throws SQLException {
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + key + ")");
    }
  }
}
