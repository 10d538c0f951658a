package org.publicservice.procurement.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
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
    OffsetDateTime now = ProcurementTime.now();
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

  public Optional<DisclosureNotice> find(long id) {
    return jdbc.sql("SELECT * FROM disclosure_notice WHERE id = :id").param("id", id)
        .query(DisclosureRegister::map).optional();
  }

  /** One page of the notices that match, newest first; the database filters, sorts and pages. */
  public List<DisclosureNotice> search(NoticeQuery query, int offset, int limit) {
    Where where = where(query);
    var statement = jdbc.sql("SELECT n.* FROM disclosure_notice n" + where.sql
        + " ORDER BY n.published_at DESC, n.id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY");
    where.params.forEach(statement::param);
    return statement.param("offset", offset).param("limit", limit).query(DisclosureRegister::map).list();
  }

  public long count(NoticeQuery query) {
    Where where = where(query);
    var statement = jdbc.sql("SELECT COUNT(*) FROM disclosure_notice n" + where.sql);
    where.params.forEach(statement::param);
    return statement.query(Long.class).single();
  }

  /**
   * Procurement intentions of projects that have published nothing since: the purchases social organisations can
   * still prepare for. Later stages end this by publishing their notices.
   */
  public List<DisclosureNotice> openIntentions(int limit) {
    return jdbc.sql("""
            SELECT n.* FROM disclosure_notice n
            WHERE n.notice_type = :intention
              AND NOT EXISTS (SELECT 1 FROM disclosure_notice later
                              WHERE later.project_number = n.project_number AND later.notice_type <> :intention)
            ORDER BY n.published_at DESC, n.id DESC FETCH FIRST :limit ROWS ONLY""")
        .param("intention", NoticeType.PROCUREMENT_INTENTION.name())
        .param("limit", limit)
        .query(DisclosureRegister::map)
        .list();
  }

  /** Everyone who has published a notice, for the portal's filter. */
  public List<String> publishers() {
    return jdbc.sql("SELECT DISTINCT publisher FROM disclosure_notice ORDER BY publisher").query(String.class).list();
  }

  /** The first and the last publication time, if anything was published. */
  public Optional<OffsetDateTime[]> publicationRange() {
    return jdbc.sql("SELECT MIN(published_at) AS first_at, MAX(published_at) AS last_at FROM disclosure_notice")
        .query((rs, row) -> new OffsetDateTime[] {
            rs.getObject("first_at", OffsetDateTime.class), rs.getObject("last_at", OffsetDateTime.class)})
        .optional()
        .filter(range -> range[0] != null);
  }

  /** Every notice in publication order (by id: ids only grow), for the open-data feed. */
  public List<DisclosureNotice> inOrderOfPublication(int offset, int limit) {
    return jdbc.sql("SELECT * FROM disclosure_notice ORDER BY id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
        .param("offset", offset).param("limit", limit).query(DisclosureRegister::map).list();
  }

  public long countAll() {
    return jdbc.sql("SELECT COUNT(*) FROM disclosure_notice").query(Long.class).single();
  }

  private record Where(String sql, java.util.Map<String, Object> params) {
  }

  private static Where where(NoticeQuery query) {
    List<String> conditions = new ArrayList<>();
    var params = new java.util.LinkedHashMap<String, Object>();
    if (query.keyword() != null) {
      conditions.add("(LOWER(n.title) LIKE :keyword ESCAPE '\\' OR LOWER(n.content) LIKE :keyword ESCAPE '\\')");
      params.put("keyword", "%" + likeLiteral(query.keyword().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    if (query.type() != null) {
      conditions.add("n.notice_type = :type");
      params.put("type", query.type().name());
    }
    if (query.from() != null) {
      conditions.add("n.published_at >= :from");
      params.put("from", query.from());
    }
    if (query.until() != null) {
      conditions.add("n.published_at < :until");
      params.put("until", query.until());
    }
    if (query.publisher() != null) {
      conditions.add("n.publisher = :publisher");
      params.put("publisher", query.publisher());
    }
    if (query.serviceCategory() != null) {
      conditions.add("""
          EXISTS (SELECT 1 FROM purchase_plan p
                  WHERE p.project_number = n.project_number AND p.service_category = :category)""");
      params.put("category", query.serviceCategory());
    }
    return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
  }

  /** The public's text as a literal inside LIKE: %, _ and the escape character lose their meaning. */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
