package org.publicservice.procurement.disclosure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.publicservice.procurement.disclosure.PublicPlans.PublicPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approved plans as a list of projects, each with the status its latest notice gives it. Like
 * {@link PublicPlans} it reads only the public columns of {@code purchase_plan}; the database filters, sorts and
 * pages, so the list stays fast with thousands of projects.
 */
@Repository
public class PublicProjects {

  /**
   * Each plan's public columns and the type of its latest notice (by publication time, then id). A scalar subquery
   * with FETCH FIRST runs alike on H2 and PostgreSQL; wrapped as a derived table, its result can be filtered.
   */
  private static final String PROJECTS = "(SELECT " + PublicPlans.PUBLIC_COLUMNS + """
      ,
        (SELECT n.notice_type FROM disclosure_notice n WHERE n.project_number = p.project_number
         ORDER BY n.published_at DESC, n.id DESC FETCH FIRST 1 ROW ONLY) AS latest_notice_type
      FROM purchase_plan p) projects""";

  public record PublicProject(PublicPlan plan, NoticeType latestNoticeType) {

    public Optional<ProjectStatus> status() {
      return ProjectStatus.after(latestNoticeType);
    }
  }

  private final JdbcClient jdbc;

  public PublicProjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One page of the projects that match, the latest approved first. */
  public List<PublicProject> search(ProjectQuery query, int offset, int limit) {
    Where where = where(query);
    var statement = jdbc.sql("SELECT * FROM " + PROJECTS + where.sql
        + " ORDER BY approved_at DESC, project_number DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY");
    where.params.forEach(statement::param);
    return statement.param("offset", offset).param("limit", limit).query(PublicProjects::map).list();
  }

  public long count(ProjectQuery query) {
    Where where = where(query);
    var statement = jdbc.sql("SELECT COUNT(*) FROM " + PROJECTS + where.sql);
    where.params.forEach(statement::param);
    return statement.query(Long.class).single();
  }

  /** The latest notice's type of one project, for its page. */
  public Optional<ProjectStatus> status(String projectNumber) {
    return jdbc.sql("""
            SELECT notice_type FROM disclosure_notice WHERE project_number = :project
            ORDER BY published_at DESC, id DESC FETCH FIRST 1 ROW ONLY""")
        .param("project", projectNumber)
        .query(String.class)
        .optional()
        .flatMap(type -> ProjectStatus.after(NoticeType.valueOf(type)));
  }

  /** Every department with an approved plan, for the portal's filter. */
  public List<String> departments() {
    return jdbc.sql("SELECT DISTINCT department_name FROM purchase_plan ORDER BY department_name")
        .query(String.class).list();
  }

  /** The first approval time, if any plan was approved. */
  public Optional<OffsetDateTime> firstApproval() {
    return jdbc.sql("SELECT MIN(approved_at) FROM purchase_plan").query(OffsetDateTime.class).optional();
  }

  private record Where(String sql, Map<String, Object> params) {
  }

  private static Where where(ProjectQuery query) {
    List<String> conditions = new ArrayList<>();
    var params = new LinkedHashMap<String, Object>();
    if (query.keyword() != null) {
      conditions.add("(LOWER(service_name) LIKE :keyword ESCAPE '\\' OR LOWER(project_number) LIKE :keyword ESCAPE '\\')");
      params.put("keyword", "%" + DisclosureRegister.likeLiteral(query.keyword().toLowerCase(Locale.ROOT)) + "%");
    }
    if (query.serviceCategory() != null) {
      conditions.add("service_category = :category");
      params.put("category", query.serviceCategory());
    }
    if (query.departmentName() != null) {
      conditions.add("department_name = :department");
      params.put("department", query.departmentName());
    }
    if (query.approvedFrom() != null) {
      conditions.add("approved_at >= :from");
      params.put("from", query.approvedFrom());
    }
    if (query.approvedUntil() != null) {
      conditions.add("approved_at < :until");
      params.put("until", query.approvedUntil());
    }
    if (query.procurementMethod() != null) {
      conditions.add("procurement_method = :method");
      params.put("method", query.procurementMethod());
    }
    if (query.status() != null) {
      conditions.add("latest_notice_type IN (:statusTypes)");
      params.put("statusTypes", query.status().noticeTypes().stream().map(Enum::name).toList());
    }
    return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
  }

  private static PublicProject map(ResultSet rs, int row) throws SQLException {
    String latest = rs.getString("latest_notice_type");
    return new PublicProject(new PublicPlan(
        rs.getString("project_number"),
        rs.getString("service_name"),
        rs.getString("service_category"),
        rs.getString("department_name"),
        rs.getObject("budget", BigDecimal.class),
        rs.getString("procurement_method"),
        rs.getObject("service_period_start", LocalDate.class),
        rs.getObject("service_period_end", LocalDate.class),
        rs.getString("region"),
        rs.getObject("approved_at", OffsetDateTime.class)),
        latest == null ? null : NoticeType.valueOf(latest));
  }
}
