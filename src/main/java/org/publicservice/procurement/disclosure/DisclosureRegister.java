package org.publicservice.procurement.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.form.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The register of every notice the procedure publishes. Stages publish from their delegates, inside the engine's
 * transaction, so a notice exists exactly when the step that published it has committed.
 */
@Repository
public class DisclosureRegister {

  private final JdbcClient jdbc;

  public DisclosureRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public DisclosureNotice publish(String projectNumber, NoticeType type, String title, String content,
      String publisher, String processInstanceId) {
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO disclosure_notice
              (project_number, notice_type, title, content, published_at, publisher, process_instance_id)
            VALUES (:project, :type, :title, :content, :published, :publisher, :instance)""")
        .param("project", projectNumber)
        .param("type", type.name())
        .param("title", title)
        .param("content", content)
        .param("published", now)
        .param("publisher", publisher)
        .param("instance", processInstanceId)
        .update(keys, "id");
    return new DisclosureNotice(keys.getKey().longValue(), projectNumber, type, title, content, now, publisher,
        processInstanceId);
  }

  public List<DisclosureNotice> findByProject(String projectNumber) {
    return jdbc.sql("SELECT * FROM disclosure_notice WHERE project_number = :project ORDER BY published_at, id")
        .param("project", projectNumber)
        .query(DisclosureRegister::map)
        .list();
  }

  public List<DisclosureNotice> latest(int limit) {
    return jdbc.sql("SELECT * FROM disclosure_notice ORDER BY published_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
        .param("limit", limit)
        .query(DisclosureRegister::map)
        .list();
  }

  private static DisclosureNotice map(ResultSet rs, int row) throws SQLException {
    return new DisclosureNotice(
        rs.getLong("id"),
        rs.getString("project_number"),
        NoticeType.valueOf(rs.getString("notice_type")),
        rs.getString("title"),
        rs.getString("content"),
        rs.getObject("published_at", OffsetDateTime.class),
        rs.getString("publisher"),
        rs.getString("process_instance_id"));
  }
}
