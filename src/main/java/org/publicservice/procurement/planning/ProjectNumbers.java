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
 * The counter row is incremented in the caller's transaction, so two nodes on one database wait for each other
 * instead of sharing a number, and a rolled-back request gives its number back.
 */
@Service
public class ProjectNumbers {

  private final JdbcClient jdbc;
  private final TransactionTemplate separateTransaction;
  private final String cityCode;

  public ProjectNumbers(JdbcClient jdbc, PlatformTransactionManager transactions,
      @Value("${procurement.city.code}") String cityCode) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.cityCode = cityCode;
  }

  public String next(int year) {
    ensureCounter(year);
    jdbc.sql("UPDATE project_number_counter SET last_number = last_number + 1 WHERE city_code = :city AND counter_year = :year")
        .param("city", cityCode).param("year", year).update();
    int number = jdbc.sql("SELECT last_number FROM project_number_counter WHERE city_code = :city AND counter_year = :year")
        .param("city", cityCode).param("year", year).query(Integer.class).single();
    return String.format("%s-%d-%04d", cityCode, year, number);
  }

  /**
   * The year's counter is created in a transaction of its own: on PostgreSQL a failed insert would abort the
   * caller's transaction, and another node may create the same row at the same moment.
   */
  private void ensureCounter(int year) {
    separateTransaction.executeWithoutResult(status -> {
      boolean exists = jdbc.sql("SELECT COUNT(*) FROM project_number_counter WHERE city_code = :city AND counter_year = :year")
          .param("city", cityCode).param("year", year).query(Integer.class).single() > 0;
      if (!exists) {
        try {
          jdbc.sql("INSERT INTO project_number_counter (city_code, counter_year, last_number) VALUES (:city, :year, 0)")
              .param("city", cityCode).param("year", year).update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
          status.setRollbackOnly();
        }
      }
    });
  }
}
