package org.publicservice.procurement.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table of mails owed (mail_outbox) and of deadline reminders given (mail_task_reminder).
 *
 * <p>{@link #add} joins the caller's transaction, which inside the engine is the transaction of the step that
 * causes the mail: a step that rolls back leaves no mail. Every other write is one statement of its own, run by the
 * {@link MailDispatcher} outside any transaction, so that no connection is held while the mail server is talked to
 * and no step ever waits on the pool for a second connection.
 */
@Repository
public class MailOutbox {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  public MailOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One mail of the outbox. {@code sentAt} and {@code subject} are set once the mail server accepted it. */
  public record Mail(String id, String dedupKey, String template, String recipientUser, String recipientAddress,
      String businessKey, Map<String, Object> model, Instant createdAt, Instant sentAt, String subject, String state,
      int attempts, Instant nextAttemptAt, String lastError, String processInstanceId) {
  }

  public boolean contains(String dedupKey) {
    Integer count = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class,
        dedupKey);
    return count != null && count > 0;
  }

  /** Adds a mail, due at once, and returns its id. The caller checked {@link #contains} in the same transaction. */
  public String add(String dedupKey, String template, String recipientUser, String recipientAddress,
      String businessKey, String processInstanceId, Map<String, Object> model, Instant now) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into mail_outbox (id, dedup_key, template, recipient_user, recipient_address, business_key,"
        + " process_instance_id, model_json, created_at, state, next_attempt_at, attempts)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", id, dedupKey, template, recipientUser, recipientAddress,
        businessKey, processInstanceId, toJson(model), Timestamp.from(now), PENDING, Timestamp.from(now));
    return id;
  }

  public Optional<Mail> find(String id) {
    return jdbc.query("select * from mail_outbox where id = ?", MailOutbox::toMail, id).stream().findFirst();
  }

  public List<Mail> findByBusinessKey(String businessKey) {
    return jdbc.query("select * from mail_outbox where business_key = ? order by created_at, recipient_address",
        MailOutbox::toMail, businessKey);
  }

  public List<Mail> findByRecipient(String address) {
    return jdbc.query("select * from mail_outbox where recipient_address = ? order by created_at",
        MailOutbox::toMail, address);
  }

  /** Ids of pending mails due at {@code now} that no node holds, oldest first; {@code businessKey} may narrow. */
  List<String> due(Instant now, String businessKey, int limit) {
    Timestamp at = Timestamp.from(now);
    String sql = "select id from mail_outbox where state = ? and next_attempt_at <= ?"
        + " and (lease_until is null or lease_until < ?)" + (businessKey == null ? "" : " and business_key = ?")
        + " order by next_attempt_at, created_at";
    return businessKey == null
        ? jdbc.queryForList(sql + " fetch first " + limit + " rows only", String.class, PENDING, at, at)
        : jdbc.queryForList(sql + " fetch first " + limit + " rows only", String.class, PENDING, at, at, businessKey);
  }

  /**
   * Takes the mail for this node until {@code until}; false when another node took it first or it is no longer
   * pending. Committed at once (no surrounding transaction), so every other node sees the lease.
   */
  boolean claim(String id, String owner, Instant now, Instant until) {
    return jdbc.update("update mail_outbox set lease_owner = ?, lease_until = ? where id = ? and state = ?"
        + " and next_attempt_at <= ? and (lease_until is null or lease_until < ?)", owner, Timestamp.from(until), id,
        PENDING, Timestamp.from(now), Timestamp.from(now)) == 1;
  }

  /** Records that the mail server accepted the mail. */
  void markSent(String id, String subject, Instant now) {
    jdbc.update("update mail_outbox set state = ?, sent_at = ?, subject = ?, lease_owner = null, lease_until = null,"
        + " last_error = null where id = ?", SENT, Timestamp.from(now), subject, id);
  }

  /** Records a failed attempt and when to try again. */
  void markRetry(String id, int attempts, Instant nextAttempt, String error) {
    jdbc.update("update mail_outbox set attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner = null,"
        + " lease_until = null where id = ? and state = ?", attempts, Timestamp.from(nextAttempt), shortened(error),
        id, PENDING);
  }

  /** Records that every attempt failed; joins the caller's transaction (the one that raises the incident). */
  void markFailed(String id, int attempts, String error) {
    jdbc.update("update mail_outbox set state = ?, attempts = ?, last_error = ?, lease_owner = null,"
        + " lease_until = null where id = ? and state = ?", FAILED, attempts, shortened(error), id, PENDING);
  }

  /** Makes a failed mail due again at once with a fresh set of attempts (retried from Cockpit). */
  boolean requeue(String id, Instant now) {
    return jdbc.update("update mail_outbox set state = ?, attempts = 0, next_attempt_at = ?, lease_owner = null,"
        + " lease_until = null where id = ? and state = ?", PENDING, Timestamp.from(now), id, FAILED) == 1;
  }

  /** Gives up the leases a previous run of this node held: that run is gone, its mails are not in flight. */
  int releaseLeasesOf(String owner) {
    return jdbc.update("update mail_outbox set lease_owner = null, lease_until = null where lease_owner = ?"
        + " and state = ?", owner, PENDING);
  }

  public boolean reminded(String taskId, String kind) {
    Integer count = jdbc.queryForObject("select count(*) from mail_task_reminder where task_id = ? and kind = ?",
        Integer.class, taskId, kind);
    return count != null && count > 0;
  }

  public void addReminder(String taskId, String kind, Instant now) {
    jdbc.update("insert into mail_task_reminder (task_id, kind, created_at) values (?, ?, ?)", taskId, kind,
        Timestamp.from(now));
  }

  private static String shortened(String error) {
    return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
  }

  private static Mail toMail(ResultSet rs, int row) throws SQLException {
    return new Mail(rs.getString("id"), rs.getString("dedup_key"), rs.getString("template"),
        rs.getString("recipient_user"), rs.getString("recipient_address"), rs.getString("business_key"),
        fromJson(rs.getString("model_json")), instant(rs, "created_at"), instant(rs, "sent_at"),
        rs.getString("subject"), rs.getString("state"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
        rs.getString("last_error"), rs.getString("process_instance_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static String toJson(Map<String, Object> model) {
    try {
      return JSON.writeValueAsString(model);
    } catch (Exception e) {
      throw new IllegalArgumentException("Mail model cannot be stored as JSON: " + model, e);
    }
  }

  private static Map<String, Object> fromJson(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() { });
    } catch (Exception e) {
      throw new IllegalStateException("Stored mail model is not JSON: " + json, e);
    }
  }
}
