package org.publicservice.procurement.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The register of every notice the procedure publishes. Stages publish from their delegates, inside the engine's
 * transaction, so a notice exists exactly when the step that published it has committed. Every published notice is
 * also given, in that same transaction, to the application's listeners (the tender alerts), so what they write
 * commits or rolls back with it.
 */
@Repository
public class DisclosureRegister {

  private final JdbcClient jdbc;
  private final NoticeKeywordIndex keywords;
  private final ApplicationEventPublisher events;

  public DisclosureRegister(JdbcClient jdbc, NoticeKeywordIndex keywords, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.keywords = keywords;
    this.events = events;
  }

  public DisclosureNotice publish(String projectNumber, NoticeType type, String title, String content,
      String publisher, String processInstanceId) {
    OffsetDateTime now = ProcurementTime.now();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO disclosure_notice
              (project_number, notice_type, title, content, published_at, publisher, process_instance_id,
               keyword_indexed)
            VALUES (:project, :type, :title, :content, :published, :publisher, :instance, TRUE)""")
        .param("project", projectNumber)
        .param("type", type.name())
        .param("title", title)
        .param("content", content)
        .param("published", now)
        .param("publisher", publisher)
        .param("instance", processInstanceId)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    keywords.index(id, now, title, content);
    DisclosureNotice notice = new DisclosureNotice(id, projectNumber, type, title, content, now, publisher,
        processInstanceId);
    events.publishEvent(notice);
    return notice;
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

  /**
   * One page of the notices that match, newest first; the database filters, sorts and pages. A keyword is looked up
   * in the keyword index (see {@link NoticeKeywordIndex}), which gives the notices in that order, so that the page
   * costs the same however many notices the register holds.
   */
  public List<DisclosureNotice> search(NoticeQuery query, int offset, int limit) {
    return search(query, offset, limit, -1);
  }

  /**
   * The same page when the number of matching notices is known ({@code total}, or -1): a page in the older half is
   * read from the oldest end, so that the last page costs what the first does instead of skipping every newer notice.
   */
  public List<DisclosureNotice> search(NoticeQuery query, int offset, int limit, long total) {
    if (total < 0 || offset <= total / 2) {
      return page(query, offset, limit, true);
    }
    if (offset >= total) {
      return List.of();
    }
    int end = (int) Math.min(offset + (long) limit, total);
    List<DisclosureNotice> page = new ArrayList<>(page(query, (int) total - end, end - offset, false));
    Collections.reverse(page);
    return page;
  }

  /** {@code limit} matching notices from {@code offset}, newest or oldest first. */
  private List<DisclosureNotice> page(NoticeQuery query, int offset, int limit, boolean newestFirst) {
    String order = newestFirst ? "DESC" : "ASC";
    Where where = where(query);
    var keyword = keyword(query);
    if (keyword.isEmpty()) {
      var statement = jdbc.sql("SELECT n.* FROM disclosure_notice n" + where.sql()
          + " ORDER BY n.published_at " + order + ", n.id " + order + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY");
      where.params().forEach(statement::param);
      return statement.param("offset", offset).param("limit", limit).query(DisclosureRegister::map).list();
    }
    Postings postings = postings(keyword.get(), where);
    if (postings == null) {
      return List.of();
    }
    // the page is cut from the index alone when nothing else decides; otherwise the notices are checked in order
    String page = postings.onlyIndex()
        ? "SELECT g.notice_id, g.published_at FROM disclosure_notice_gram g" + postings.sql()
        : "SELECT g.notice_id, g.published_at FROM disclosure_notice_gram g JOIN disclosure_notice n ON n.id = g.notice_id"
            + postings.sql();
    var statement = jdbc.sql("SELECT n.* FROM (" + page + " ORDER BY g.gram " + order + ", g.published_at " + order
        + ", g.notice_id " + order + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY)"
        + " p JOIN disclosure_notice n ON n.id = p.notice_id ORDER BY p.published_at " + order + ", p.notice_id "
        + order);
    postings.params().forEach(statement::param);
    return statement.param("offset", offset).param("limit", limit).query(DisclosureRegister::map).list();
  }

  public long count(NoticeQuery query) {
    Where where = where(query);
    var keyword = keyword(query);
    if (keyword.isEmpty()) {
      var statement = jdbc.sql("SELECT COUNT(*) FROM disclosure_notice n" + where.sql());
      where.params().forEach(statement::param);
      return statement.query(Long.class).single();
    }
    Postings postings = postings(keyword.get(), where);
    if (postings == null) {
      return 0;
    }
    var statement = jdbc.sql(postings.onlyIndex()
        ? "SELECT COUNT(*) FROM disclosure_notice_gram g" + postings.sql()
        : "SELECT COUNT(*) FROM disclosure_notice_gram g JOIN disclosure_notice n ON n.id = g.notice_id"
            + postings.sql());
    postings.params().forEach(statement::param);
    return statement.query(Long.class).single();
  }

  /** A search's conditions on the index (g) and, unless {@code onlyIndex}, on the notices (n) as well. */
  private record Postings(String sql, Map<String, Object> params, boolean onlyIndex) {
  }

  /** The keyword, when the index can find it; a keyword without a pair of letters or digits is matched by LIKE. */
  private static Optional<NoticeKeywordIndex.Keyword> keyword(NoticeQuery query) {
    return Optional.ofNullable(query.keyword()).map(NoticeKeywordIndex.Keyword::of)
        .filter(NoticeKeywordIndex.Keyword::indexed);
  }

  /**
   * The postings of the keyword's rarest pair, narrowed to the notices that hold its other pairs, its literal text
   * and the other filters; {@code null} when some pair has no notice at all.
   */
  private Postings postings(NoticeKeywordIndex.Keyword keyword, Where filters) {
    List<Integer> grams = new ArrayList<>(keyword.grams());
    if (grams.size() > 1) {
      Map<Integer, Long> frequency = new HashMap<>();
      jdbc.sql("SELECT gram, COUNT(*) AS postings FROM disclosure_notice_gram WHERE gram IN (:grams) GROUP BY gram")
          .param("grams", grams)
          .query((rs, row) -> frequency.put(rs.getInt("gram"), rs.getLong("postings")))
          .list();
      if (frequency.size() < grams.size()) {
        return null;
      }
      grams.sort(Comparator.comparing(frequency::get));
    }
    var params = new LinkedHashMap<String, Object>(filters.params());
    StringBuilder sql = new StringBuilder(" WHERE g.gram = :lead");
    params.put("lead", grams.get(0));
    for (int i = 1; i < grams.size(); i++) {
      sql.append(" AND EXISTS (SELECT 1 FROM disclosure_notice_gram o").append(i).append(" WHERE o").append(i)
          .append(".gram = :gram").append(i).append(" AND o").append(i).append(".published_at = g.published_at AND o")
          .append(i).append(".notice_id = g.notice_id)");
      params.put("gram" + i, grams.get(i));
    }
    if (!filters.sql().isEmpty()) {
      sql.append(" AND ").append(filters.sql().substring(" WHERE ".length()));
    }
    boolean onlyIndex = keyword.exact() && filters.sql().isEmpty();
    if (!keyword.exact()) {
      sql.append(" AND ").append(LITERAL_MATCH);
      params.put("keyword", "%" + likeLiteral(keyword.literal()) + "%");
    }
    return new Postings(sql.toString(), params, onlyIndex);
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

  /**
   * Everyone who has published a notice, for the portal's filter: one step through the publisher index per
   * publisher (a loose index scan), instead of a pass over every notice on every page view. Each step is the first
   * entry after the previous publisher in index order: H2 reads a {@code MIN} with a range condition by aggregating
   * the whole range (at 100,000 notices most of a search page's time), an ordered first row it reads from the index.
   */
  public List<String> publishers() {
    return jdbc.sql("""
            WITH RECURSIVE p (publisher) AS (
              SELECT MIN(publisher) FROM disclosure_notice
              UNION ALL
              SELECT (SELECT n.publisher FROM disclosure_notice n WHERE n.publisher > p.publisher
                      ORDER BY n.publisher FETCH FIRST 1 ROW ONLY)
              FROM p WHERE p.publisher IS NOT NULL)
            SELECT publisher FROM p WHERE publisher IS NOT NULL ORDER BY publisher""")
        .query(String.class).list();
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

  /** The keyword as LIKE matches it: literally, anywhere in the lower-cased title or content. */
  private static final String LITERAL_MATCH =
      "(LOWER(n.title) LIKE :keyword ESCAPE '\\' OR LOWER(n.content) LIKE :keyword ESCAPE '\\')";

  private record Where(String sql, Map<String, Object> params) {
  }

  /** The filters on the notices (n); a keyword among them only when the index cannot find it. */
  private static Where where(NoticeQuery query) {
    List<String> conditions = new ArrayList<>();
    var params = new LinkedHashMap<String, Object>();
    if (query.keyword() != null && keyword(query).isEmpty()) {
      conditions.add(LITERAL_MATCH);
      params.put("keyword", "%" + likeLiteral(query.keyword().toLowerCase(Locale.ROOT)) + "%");
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
