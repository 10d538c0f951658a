package org.publicservice.procurement.calendar;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The schedules kept in tables working_day_year and working_day_special (Flyway V4). */
@Repository
public class HolidayScheduleRepository {

  private final JdbcTemplate jdbc;

  public HolidayScheduleRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Changes whenever any schedule is stored: cheap to read before trusting a cached copy. Every write takes a
   * revision above all others, so the stamp never returns to an earlier value while rows are only added or updated.
   */
  public String stamp() {
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(revision), 0), COALESCE(SUM(revision), 0) "
        + "FROM working_day_year", (rs, i) -> rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3));
  }

  public Map<Integer, YearSchedule> findAll() {
    Map<Integer, List<SpecialDay>> days = new LinkedHashMap<>();
    jdbc.query("SELECT schedule_year, special_date, kind, name FROM working_day_special ORDER BY special_date",
        rs -> {
          days.computeIfAbsent(rs.getInt("schedule_year"), y -> new ArrayList<>()).add(new SpecialDay(
              rs.getObject("special_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
              rs.getString("name")));
        });
    Map<Integer, YearSchedule> years = new LinkedHashMap<>();
    jdbc.query("SELECT schedule_year, status, notice, updated_by, updated_at FROM working_day_year "
        + "ORDER BY schedule_year", rs -> {
          int year = rs.getInt("schedule_year");
          years.put(year, new YearSchedule(year, ScheduleStatus.valueOf(rs.getString("status")),
              rs.getString("notice"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(),
              days.getOrDefault(year, List.of())));
        });
    return years;
  }

  /** Stores a year's schedule, replacing whatever was kept for that year (provisional or official). */
  public void save(YearSchedule schedule) {
    Timestamp updatedAt = Timestamp.from(schedule.updatedAt());
    Integer revision = jdbc.queryForObject("SELECT COALESCE(MAX(revision), 0) + 1 FROM working_day_year",
        Integer.class);
    int updated = jdbc.update("UPDATE working_day_year SET status = ?, notice = ?, updated_by = ?, updated_at = ?, "
        + "revision = ? WHERE schedule_year = ?", schedule.status().name(), schedule.notice(),
        schedule.updatedBy(), updatedAt, revision, schedule.year());
    if (updated == 0) {
      jdbc.update("INSERT INTO working_day_year (schedule_year, status, notice, updated_by, updated_at, revision) "
          + "VALUES (?, ?, ?, ?, ?, ?)", schedule.year(), schedule.status().name(), schedule.notice(),
          schedule.updatedBy(), updatedAt, revision);
    }
    jdbc.update("DELETE FROM working_day_special WHERE schedule_year = ?", schedule.year());
    jdbc.batchUpdate("INSERT INTO working_day_special (schedule_year, special_date, kind, name) VALUES (?, ?, ?, ?)",
        schedule.days(), 100, (ps, day) -> {
          ps.setInt(1, schedule.year());
          ps.setObject(2, day.date());
          ps.setString(3, day.kind().name());
          ps.setString(4, day.name());
        });
  }

  public boolean exists(int year) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM working_day_year WHERE schedule_year = ?",
        Integer.class, year);
    return count != null && count > 0;
  }
}
