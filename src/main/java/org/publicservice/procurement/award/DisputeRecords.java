package org.publicservice.procurement.award;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The challenges and complaints of a purchase, as the file of the procedure keeps them (94号令; 政府采购法第四十二条). */
@Repository
public class DisputeRecords {

  public static final String OPEN = "OPEN";
  // complaint statuses besides OPEN (received, under examination), REJECTED (dismissed) and UPHELD
  public static final String AWAITING_COMPLETION = "AWAITING_COMPLETION";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String NOT_ACCEPTED = "NOT_ACCEPTED";

  /** A challenge and its reply; {@code replyOverdueAt} is set when the reply period passed unanswered. */
  public record Challenge(String id, String projectNumber, String stageInstanceId, String bidder, String bidderName,
      String grounds, OffsetDateTime filedAt, OffsetDateTime replyDeadline, String status, String remedy, String reply,
      OffsetDateTime repliedAt, OffsetDateTime complaintDeadline, String subject, String processInstanceId,
      Long noticeId, OffsetDateTime replyOverdueAt) {

    /** The challenge is answered, or its reply period is over: either way the supplier may complain (94号令第十七条). */
    public boolean replyPeriodOver(OffsetDateTime now) {
      return !OPEN.equals(status) || now.isAfter(replyDeadline);
    }
  }

  /** A complaint to the finance bureau and its handling. */
  public record Complaint(String id, String challengeId, String projectNumber, String bidder, String bidderName,
      String grounds, OffsetDateTime filedAt, OffsetDateTime decisionDeadline, String processInstanceId,
      String status, String remedy, String decisionText, OffsetDateTime decidedAt, String completionRequest,
      OffsetDateTime completionDue, String statement, OffsetDateTime statementAt) {
  }

  private final JdbcClient jdbc;

  public DisputeRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Challenge> challengesOf(String projectNumber) {
    return jdbc.sql("SELECT * FROM bid_challenge WHERE project_number = :project ORDER BY filed_at, id")
        .param("project", projectNumber).query(DisputeRecords::challenge).list();
  }

  public Optional<Challenge> challenge(String id) {
    return jdbc.sql("SELECT * FROM bid_challenge WHERE id = :id").param("id", id).query(DisputeRecords::challenge)
        .optional();
  }

  public List<Complaint> complaintsOf(String projectNumber) {
    return jdbc.sql("SELECT * FROM bid_complaint WHERE project_number = :project ORDER BY filed_at, id")
        .param("project", projectNumber).query(DisputeRecords::complaint).list();
  }

  public Optional<Complaint> complaint(String id) {
    return jdbc.sql("SELECT * FROM bid_complaint WHERE id = :id").param("id", id).query(DisputeRecords::complaint)
        .optional();
  }

  void addChallenge(Challenge c) {
    jdbc.sql("""
            INSERT INTO bid_challenge (id, project_number, stage_instance_id, bidder, bidder_name, grounds, filed_at,
              reply_deadline, status, complaint_deadline, subject, process_instance_id, notice_id)
            VALUES (:id, :project, :stage, :bidder, :name, :grounds, :filed, :replyDeadline, :status, :complaintDeadline,
              :subject, :instance, :notice)""")
        .param("id", c.id()).param("project", c.projectNumber()).param("stage", c.stageInstanceId())
        .param("bidder", c.bidder()).param("name", c.bidderName()).param("grounds", c.grounds())
        .param("filed", c.filedAt()).param("replyDeadline", c.replyDeadline()).param("status", OPEN)
        .param("complaintDeadline", c.complaintDeadline()).param("subject", c.subject())
        .param("instance", c.processInstanceId()).param("notice", c.noticeId())
        .update();
  }

  void recordReplyOverdue(String challengeId, OffsetDateTime at) {
    jdbc.sql("UPDATE bid_challenge SET reply_overdue_at = :at WHERE id = :id AND reply_overdue_at IS NULL")
        .param("at", at).param("id", challengeId).update();
  }

  void recordReply(String challengeId, String status, String remedy, String reply, OffsetDateTime repliedAt) {
    jdbc.sql("""
            UPDATE bid_challenge SET status = :status, remedy = :remedy, reply = :reply, replied_at = :replied
            WHERE id = :id""")
        .param("status", status).param("remedy", remedy).param("reply", reply).param("replied", repliedAt)
        .param("id", challengeId).update();
  }

  void addComplaint(Complaint c) {
    jdbc.sql("""
            INSERT INTO bid_complaint (id, challenge_id, project_number, bidder, bidder_name, grounds, filed_at,
              decision_deadline, process_instance_id, status)
            VALUES (:id, :challenge, :project, :bidder, :name, :grounds, :filed, :deadline, :instance, :status)""")
        .param("id", c.id()).param("challenge", c.challengeId()).param("project", c.projectNumber())
        .param("bidder", c.bidder()).param("name", c.bidderName()).param("grounds", c.grounds())
        .param("filed", c.filedAt()).param("deadline", c.decisionDeadline()).param("instance", c.processInstanceId())
        .param("status", OPEN).update();
  }

  void recordCompletionRequest(String complaintId, String request, OffsetDateTime due, OffsetDateTime at) {
    jdbc.sql("""
            UPDATE bid_complaint SET status = :status, completion_request = :request, completion_due = :due,
              completion_requested_at = :at WHERE id = :id""")
        .param("status", AWAITING_COMPLETION).param("request", request).param("due", due).param("at", at)
        .param("id", complaintId).update();
  }

  void recordCompletion(String complaintId, String grounds, OffsetDateTime at) {
    jdbc.sql("UPDATE bid_complaint SET status = :status, grounds = :grounds, completed_at = :at WHERE id = :id")
        .param("status", OPEN).param("grounds", grounds).param("at", at).param("id", complaintId).update();
  }

  void recordAcceptance(String complaintId, OffsetDateTime decisionDeadline, OffsetDateTime at) {
    jdbc.sql("""
            UPDATE bid_complaint SET status = :status, accepted_at = :at, decision_deadline = :deadline
            WHERE id = :id""")
        .param("status", ACCEPTED).param("at", at).param("deadline", decisionDeadline).param("id", complaintId)
        .update();
  }

  void recordCopySent(String complaintId, OffsetDateTime at) {
    jdbc.sql("UPDATE bid_complaint SET copy_sent_at = :at WHERE id = :id").param("at", at).param("id", complaintId)
        .update();
  }

  void recordStatement(String complaintId, String statement, OffsetDateTime at) {
    jdbc.sql("UPDATE bid_complaint SET statement = :statement, statement_at = :at WHERE id = :id")
        .param("statement", statement).param("at", at).param("id", complaintId).update();
  }

  void recordDecision(String complaintId, String status, String remedy, String text, OffsetDateTime decidedAt) {
    jdbc.sql("""
            UPDATE bid_complaint SET status = :status, remedy = :remedy, decision_text = :text, decided_at = :decided
            WHERE id = :id""")
        .param("status", status).param("remedy", remedy).param("text", text).param("decided", decidedAt)
        .param("id", complaintId).update();
  }

  private static Challenge challenge(ResultSet rs, int row) throws SQLException {
    return new Challenge(rs.getString("id"), rs.getString("project_number"), rs.getString("stage_instance_id"),
        rs.getString("bidder"), rs.getString("bidder_name"), rs.getString("grounds"),
        rs.getObject("filed_at", OffsetDateTime.class), rs.getObject("reply_deadline", OffsetDateTime.class),
        rs.getString("status"), rs.getString("remedy"), rs.getString("reply"),
        rs.getObject("replied_at", OffsetDateTime.class), rs.getObject("complaint_deadline", OffsetDateTime.class),
        rs.getString("subject"), rs.getString("process_instance_id"),
        rs.getObject("notice_id") == null ? null : rs.getLong("notice_id"),
        rs.getObject("reply_overdue_at", OffsetDateTime.class));
  }

  private static Complaint complaint(ResultSet rs, int row) throws SQLException {
    return new Complaint(rs.getString("id"), rs.getString("challenge_id"), rs.getString("project_number"),
        rs.getString("bidder"), rs.getString("bidder_name"), rs.getString("grounds"),
        rs.getObject("filed_at", OffsetDateTime.class), rs.getObject("decision_deadline", OffsetDateTime.class),
        rs.getString("process_instance_id"), rs.getString("status"), rs.getString("remedy"),
        rs.getString("decision_text"), rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("completion_request"), rs.getObject("completion_due", OffsetDateTime.class),
        rs.getString("statement"), rs.getObject("statement_at", OffsetDateTime.class));
  }
}
