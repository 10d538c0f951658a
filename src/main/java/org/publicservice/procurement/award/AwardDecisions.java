package org.publicservice.procurement.award;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.publicservice.procurement.review.RankedBid;

/**
 * Every award decision of a purchase: the first award and each replacement, with the 中标（成交）通知书 issued to its
 * winner (87号令第六十九条). At most one is ACTIVE; a replaced or invalidated award is CANCELLED with its reason, so
 * the open data and the portal show each decision as what it became.
 */
@Repository
public class AwardDecisions {

  public static final String ACTIVE = "ACTIVE";
  public static final String CANCELLED = "CANCELLED";

  /** One award decision. */
  public record Decision(String id, String projectNumber, int sequence, String stageInstanceId, String winner,
      String winnerName, BigDecimal price, int winnerRank, long noticeId, OffsetDateTime decidedAt, String letterText,
      String status, String replacesAwardId, OffsetDateTime endedAt, String endReason) {
  }

  private final JdbcClient jdbc;

  public AwardDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Decision> ofProject(String projectNumber) {
    return jdbc.sql("SELECT * FROM award_decision WHERE project_number = :project ORDER BY sequence_no")
        .param("project", projectNumber).query(AwardDecisions::map).list();
  }

  public Optional<Decision> active(String projectNumber) {
    return jdbc.sql("SELECT * FROM award_decision WHERE project_number = :project AND status = 'ACTIVE'")
        .param("project", projectNumber).query(AwardDecisions::map).optional();
  }

  public Optional<Decision> byNotice(long noticeId) {
    return jdbc.sql("SELECT * FROM award_decision WHERE notice_id = :notice").param("notice", noticeId)
        .query(AwardDecisions::map).optional();
  }

  public Optional<Decision> find(String id) {
    return jdbc.sql("SELECT * FROM award_decision WHERE id = :id").param("id", id).query(AwardDecisions::map)
        .optional();
  }

  /**
   * Records a new award; an award still active is cancelled with the given reason. {@code replaces} is the award
   * this one replaces, if it is a replacement.
   */
  Decision record(String projectNumber, String stageInstanceId, RankedBid winner, long noticeId,
      OffsetDateTime decidedAt, String letterText, Optional<Decision> replaces, String replacedBecause) {
    active(projectNumber).ifPresent(p -> cancel(p.id(), replacedBecause == null ? "中标（成交）结果变更" : replacedBecause,
        decidedAt));
    int sequence = jdbc.sql("SELECT COALESCE(MAX(sequence_no), 0) + 1 FROM award_decision WHERE project_number = :p")
        .param("p", projectNumber).query(Integer.class).single();
    String id = projectNumber + "-award-" + sequence;
    jdbc.sql("""
            INSERT INTO award_decision (id, project_number, sequence_no, stage_instance_id, winner, winner_name, price,
              winner_rank, notice_id, decided_at, letter_text, status, replaces_award_id)
            VALUES (:id, :project, :sequence, :stage, :winner, :name, :price, :rank, :notice, :decided, :letter,
              'ACTIVE', :replaces)""")
        .param("id", id).param("project", projectNumber).param("sequence", sequence).param("stage", stageInstanceId)
        .param("winner", winner.bidder()).param("name", winner.bidderName()).param("price", winner.price())
        .param("rank", winner.rank()).param("notice", noticeId).param("decided", decidedAt)
        .param("letter", letterText).param("replaces", replaces.map(Decision::id).orElse(null))
        .update();
    return find(id).orElseThrow();
  }

  /** The active award of the project ends: its winner declined, or a remedy found it invalid. */
  public void cancelActive(String projectNumber, String reason, OffsetDateTime at) {
    active(projectNumber).ifPresent(decision -> cancel(decision.id(), reason, at));
  }

  private void cancel(String id, String reason, OffsetDateTime at) {
    jdbc.sql("UPDATE award_decision SET status = 'CANCELLED', ended_at = :at, end_reason = :reason WHERE id = :id")
        .param("at", at).param("reason", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
        .param("id", id).update();
  }

  private static Decision map(ResultSet rs, int row) throws SQLException {
    return new Decision(rs.getString("id"), rs.getString("project_number"), rs.getInt("sequence_no"),
        rs.getString("stage_instance_id"), rs.getString("winner"), rs.getString("winner_name"),
        rs.getBigDecimal("price"), rs.getInt("winner_rank"), rs.getLong("notice_id"),
        rs.getObject("decided_at", OffsetDateTime.class), rs.getString("letter_text"), rs.getString("status"),
        rs.getString("replaces_award_id"), rs.getObject("ended_at", OffsetDateTime.class),
        rs.getString("end_reason"));
  }
}
