package org.publicservice.procurement.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The application on PostgreSQL, the production database: schema creation, migrations and the engine. */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class PostgresTest {

  @Autowired ProcessEngine processEngine;
  @Autowired Flyway flyway;
  @Autowired JdbcTemplate jdbcTemplate;

  @Test
  void engineAndMigrationsRunOnPostgres() {
    assertThat(jdbcTemplate.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    assertThat(jdbcTemplate.queryForObject(
        "select count(*) from information_schema.tables where table_name = 'act_ru_execution'", Integer.class))
        .isEqualTo(1);

    var info = flyway.info();
    assertThat(info.pending()).as("pending migrations").isEmpty();
    assertThat(info.applied()).as("app_schema_history").isNotEmpty()
        .allSatisfy(migration -> assertThat(migration.getState().isFailed()).as(describe(migration)).isFalse());
    assertThat(jdbcTemplate.queryForObject("select count(*) from app_schema_history where not success",
        Integer.class)).isZero();
  }

  private static String describe(MigrationInfo migration) {
    return migration.getVersion() + " " + migration.getDescription() + " " + migration.getState();
  }
}
