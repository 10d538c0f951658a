package org.publicservice.procurement.planning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out project numbers such as {@code NT-2026-0001}: the city's code, the year, a running number per year.
 *
 * <p>Everything happens in the caller's transaction and on its connection (inside the engine: the step that files
 * the request), so a number is given exactly when the request is committed: a rolled-back request gives its number
 * back, a committed one keeps it across any crash (the database's commit is durable, see docs/operations.md), and a
 * step never waits for a second pooled connection. Two nodes on one database serialise on the counter row's lock.
 */
@Service
public class ProjectNumbers {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  private final String cityCode;

  public ProjectNumbers(JdbcClient jdbc, PlatformTransactionManager transactions,
      @Value("${procurement.city.code}") String cityCode) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.cityCode = cityCode;
  }

  public String next(int year) {
    if (increment(year) == 0) {
      createCounter(year);
      if (increment(year) != 1) {
        throw new IllegalStateException("Project number counter of " + cityCode + " " + year + " is missing");
      }
    }
    int number = jdbc.sql("SELECT last_number FROM project_number_counter WHERE city_code = :city AND counter_year = :year")
        .param("city", cityCode).param("year", year).query(Integer.class).single();
    return String.format("%s-%d-%04d", cityCode, year, number);
  }

  private int increment(int year) {
    return jdbc.sql("UPDATE project_number_counter SET last_number = last_number + 1 WHERE city_code = :city AND counter_year = :year")
        .param("city", cityCode).param("year", year).update();
  }

  /**
   * The year's first request creates its counter. Another node may create the same row at the same moment; its
   * insert then fails here on the unique key, inside a savepoint of the caller's transaction (on PostgreSQL a failed
   * statement would otherwise abort the whole transaction), and the caller goes on with the other node's row.
   */
  private void createCounter(int year) {
    try {
      savepoint.executeWithoutResult(status ->
          jdbc.sql("INSERT INTO project_number_counter (city_code, counter_year, last_number) VALUES (:city, :year, 0)")
              .param("city", cityCode).param("year", year).update());
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // rolled back to the savepoint; the row exists now
    }
  }
}
