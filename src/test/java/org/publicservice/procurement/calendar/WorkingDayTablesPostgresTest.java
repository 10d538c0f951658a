package org.publicservice.procurement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The V4 migration and the repository on PostgreSQL, the production database (the other tests use H2). */
@Tag("isolated")
class WorkingDayTablesPostgresTest {

  private static EmbeddedPostgres postgres;
  private static HolidayScheduleRepository repository;

  @BeforeAll
  static void migrate() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("app_schema_history")
        .load().migrate();
    repository = new HolidayScheduleRepository(new JdbcTemplate(dataSource));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void seeds2026AndReplacesAProvisionalYearByTheOfficialOne() {
    YearSchedule seeded = repository.findAll().get(2026);
    assertThat(seeded.isOfficial()).isTrue();
    assertThat(seeded.days()).hasSize(39);
    assertThat(seeded.makeupWorkdays()).hasSize(6);

    String before = repository.stamp();
    repository.save(new WorkingDayCalendar(repository).provisional(2027));
    String provisional = repository.stamp();
    assertThat(provisional).isNotEqualTo(before);
    assertThat(repository.findAll().get(2027).status()).isEqualTo(ScheduleStatus.PROVISIONAL);

    repository.save(new YearSchedule(2027, ScheduleStatus.OFFICIAL, "国办发明电〔2026〕9号", "admin",
        Instant.parse("2026-11-30T02:00:00Z"), List.of(
            new SpecialDay(LocalDate.of(2027, 2, 5), DayKind.HOLIDAY, "春节"),
            new SpecialDay(LocalDate.of(2027, 2, 20), DayKind.MAKEUP_WORKDAY, "春节"))));
    assertThat(repository.stamp()).isNotEqualTo(provisional);
    YearSchedule official = repository.findAll().get(2027);
    assertThat(official.isOfficial()).isTrue();
    assertThat(official.updatedBy()).isEqualTo("admin");
    assertThat(official.days()).extracting(SpecialDay::date).containsExactly(LocalDate.of(2027, 2, 5),
        LocalDate.of(2027, 2, 20));
    assertThat(new WorkingDayCalendar(repository).addWorkingDays(LocalDate.of(2027, 2, 19), 1))
        .isEqualTo("2027-02-20");
  }
}
