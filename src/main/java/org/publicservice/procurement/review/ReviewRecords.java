package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The review stage's own records (Flyway V8): credit checks, panel draws and picks, scores, the report and its
 * signatures. Scores live here and not in process variables so that no panel member can read another's scores
 * through a task before all have scored.
 */
@Repository
public class ReviewRecords {

  /** A pick of a draw and what became of it. */
  public record Pick(int order, String userId, String replacesUserId, String status, String conflictNote) {
  }

  /** A recorded draw: enough to repeat it ({@link PanelDraw#drawOrder}) and check its picks. */
  public record Draw(long id, String projectNumber, long seed, String algorithm, List<String> pool,
      List<String> drawOrder, int panelSize, int expertSeats, OffsetDateTime drawnAt, List<Pick> picks,
      String sizeBasis) {
  }

  /** A member's signature of the report: agreement, or a written dissent (实施条例第四十一条). */
  public record Signature(String memberUserId, boolean agrees, String dissent, OffsetDateTime signedAt) {
  }

  /** The panel's report (评审报告) with its signatures; {@code confirmedAt} once every member has signed. */
  public record Report(String id, String projectNumber, String evaluationMethod, String text, String rankingJson,
      String panelJson, OffsetDateTime createdAt, OffsetDateTime confirmedAt, List<Signature> signatures) {
  }

  public static final String DRAWN = "DRAWN";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String DECLARED_CONFLICT = "CONFLICT";
  public static final String NO_ANSWER = "NO_ANSWER";

  /** Times as the stage's forms and mails write them, Beijing time: 2026年12月8日 17:00. */
  public static final java.time.format.DateTimeFormatter MINUTE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ProcurementTime.ZONE);

  private final JdbcTemplate jdbc;

  public ReviewRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }


  void recordCreditCheck(String projectNumber, String processInstanceId, OpenedBid bid, LocalDate checkedOn,
      String outcome, String recordIds, String findings, OffsetDateTime windowFrom, OffsetDateTime asOf,
      String evidence) {
    jdbc.update("INSERT INTO credit_check (project_number, process_instance_id, bid_id, bidder, bidder_name, "
        + "checked_on, checked_at, outcome, record_ids, findings, window_from, window_to, as_of, evidence) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        projectNumber, processInstanceId, bid.bidId(), bid.bidder(), bid.bidderName(), checkedOn, ProcurementTime.now(),
        outcome, recordIds, findings, windowFrom, asOf, asOf, evidence);
  }

  /**
   * The credit checks of a project, oldest first: {bidder, checked_on, outcome, findings, window_from, window_to,
   * as_of, evidence} (财库〔2016〕125号: the record of the check is kept with the file).
   */
  public List<Map<String, Object>> creditChecks(String projectNumber) {
    return jdbc.queryForList("SELECT bid_id, bidder, bidder_name, checked_on, checked_at, outcome, record_ids, "
        + "findings, window_from, window_to, as_of, evidence FROM credit_check WHERE project_number = ? ORDER BY id",
        projectNumber);
  }

  long recordDraw(String projectNumber, String processInstanceId, long seed, List<String> pool,
      List<String> order, int panelSize, int expertSeats, String sizeBasis) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement("INSERT INTO review_panel_draw (project_number, "
          + "process_instance_id, seed, algorithm, pool, draw_order, panel_size, expert_seats, drawn_at, size_basis) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, projectNumber);
      ps.setString(2, processInstanceId);
      ps.setLong(3, seed);
      ps.setString(4, PanelDraw.ALGORITHM);
      ps.setString(5, String.join(",", pool));
      ps.setString(6, String.join(",", order));
      ps.setInt(7, panelSize);
      ps.setInt(8, expertSeats);
      ps.setObject(9, ProcurementTime.now());
      ps.setString(10, sizeBasis);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  void recordPick(long drawId, int order, String userId, String replacesUserId) {
    jdbc.update("INSERT INTO review_panel_pick (draw_id, pick_order, user_id, replaces_user_id, status) "
        + "VALUES (?, ?, ?, ?, ?)", drawId, order, userId, replacesUserId, DRAWN);
  }

  /** Records an expert's answer; false when the pick no longer waits for one (already answered or timed out). */
  boolean answerPick(long drawId, String userId, String status, String conflictNote) {
    return jdbc.update("UPDATE review_panel_pick SET status = ?, answered_at = ?, conflict_note = ? "
        + "WHERE draw_id = ? AND user_id = ? AND status = ?", status, ProcurementTime.now(), conflictNote, drawId, userId, DRAWN) == 1;
  }

  public Draw draw(long drawId) {
    List<Pick> picks = jdbc.query("SELECT pick_order, user_id, replaces_user_id, status, conflict_note "
        + "FROM review_panel_pick WHERE draw_id = ? ORDER BY pick_order", (rs, i) -> new Pick(rs.getInt(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), drawId);
    return jdbc.queryForObject("SELECT id, project_number, seed, algorithm, pool, draw_order, panel_size, "
        + "expert_seats, drawn_at, size_basis FROM review_panel_draw WHERE id = ?", (rs, i) -> new Draw(rs.getLong(1),
            rs.getString(2), rs.getLong(3), rs.getString(4), Arrays.asList(rs.getString(5).split(",")),
            Arrays.asList(rs.getString(6).split(",")), rs.getInt(7), rs.getInt(8),
            rs.getObject(9, OffsetDateTime.class), picks, rs.getString(10)), drawId);
  }

  /** The draws of a project, oldest first. */
  public List<Long> drawsOf(String projectNumber) {
    return jdbc.queryForList("SELECT id FROM review_panel_draw WHERE project_number = ? ORDER BY id", Long.class,
        projectNumber);
  }

  /** One score of a member's sheet: a bid on a criterion (numbered from 1 in the tender's order). */
  record Score(String bidId, int criterion, String criterionName, BigDecimal score) {
  }

  /** Stores a member's whole sheet in place of any he stored before (one batch: a sheet may hold 60 x 20 scores). */
  void replaceSheet(String processInstanceId, String member, List<Score> sheet) {
    jdbc.update("DELETE FROM review_score WHERE process_instance_id = ? AND member_user_id = ?", processInstanceId,
        member);
    OffsetDateTime scoredAt = ProcurementTime.now();
    jdbc.batchUpdate("INSERT INTO review_score (process_instance_id, member_user_id, bid_id, criterion_index, "
        + "criterion_name, score, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)", sheet.stream()
        .map(s -> new Object[] {processInstanceId, member, s.bidId(), s.criterion(), s.criterionName(), s.score(),
            scoredAt}).toList());
  }

  /** member → bid id → criterion index → score, members in the order given. */
  Map<String, Map<String, Map<Integer, BigDecimal>>> scores(String processInstanceId, List<String> members) {
    Map<String, Map<String, Map<Integer, BigDecimal>>> all = new LinkedHashMap<>();
    members.forEach(m -> all.put(m, new LinkedHashMap<>()));
    jdbc.query("SELECT member_user_id, bid_id, criterion_index, score FROM review_score "
        + "WHERE process_instance_id = ?", rs -> {
          Map<String, Map<Integer, BigDecimal>> byBid = all.get(rs.getString(1));
          if (byBid != null) {
            byBid.computeIfAbsent(rs.getString(2), b -> new TreeMap<>()).put(rs.getInt(3), rs.getBigDecimal(4));
          }
        }, processInstanceId);
    return all;
  }

  void createReport(String id, String projectNumber, String processInstanceId, String method, String text,
      String rankingJson, String panelJson) {
    jdbc.update("INSERT INTO review_report (id, project_number, process_instance_id, evaluation_method, "
        + "report_text, ranking_json, panel_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, projectNumber,
        processInstanceId, method, text, rankingJson, panelJson, ProcurementTime.now());
  }

  int countReports(String projectNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM review_report WHERE project_number = ?", Integer.class,
        projectNumber);
  }

  void sign(String reportId, String member, boolean agrees, String dissent) {
    jdbc.update("DELETE FROM review_report_signature WHERE report_id = ? AND member_user_id = ?", reportId, member);
    jdbc.update("INSERT INTO review_report_signature (report_id, member_user_id, agrees, dissent, signed_at) "
        + "VALUES (?, ?, ?, ?, ?)", reportId, member, agrees, dissent, ProcurementTime.now());
  }

  public Optional<Report> report(String reportId) {
    List<Signature> signatures = jdbc.query("SELECT member_user_id, agrees, dissent, signed_at "
        + "FROM review_report_signature WHERE report_id = ? ORDER BY signed_at, member_user_id",
        (rs, i) -> new Signature(rs.getString(1), rs.getBoolean(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class)), reportId);
    return jdbc.query("SELECT id, project_number, evaluation_method, report_text, ranking_json, panel_json, "
        + "created_at, confirmed_at FROM review_report WHERE id = ?", (rs, i) -> new Report(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class), signatures), reportId)
        .stream().findFirst();
  }

  void confirmReport(String reportId) {
    jdbc.update("UPDATE review_report SET confirmed_at = ? WHERE id = ?", ProcurementTime.now(), reportId);
  }
}
