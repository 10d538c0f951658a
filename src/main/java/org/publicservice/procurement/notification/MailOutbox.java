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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table of mails owed (mail_outbox) and of deadline reminders given (mail_task_reminder). Writes join the
 * caller's transaction, which inside the engine is the transaction of the step that causes the mail.
 */
@Repository
public class MailOutbox {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;

  public MailOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One mail of the outbox. {@code sentAt} and {@code subject} are set once the mail server accepted it. */
  public record Mail(String id, String dedupKey, String template, String recipientUser, String recipientAddress,
      String businessKey, Map<String, Object> model, Instant createdAt, Instant sentAt, String subject) {
  }

  public boolean contains(String dedupKey) {
    Integer count = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class,
        dedupKey);
    return count != null && count > 0;
  }

  /** Adds a mail and returns its id. The caller checked {@link #contains} in the same transaction. */
  public String add(String dedupKey, String template, String recipientUser, String recipientAddress,
      String businessKey, Map<String, Object> model, Instant now) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into mail_outbox (id, dedup_key, template, recipient_user, recipient_address, business_key,"
        + " model_json, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, dedupKey, template, recipientUser,
        recipientAddress, businessKey, toJson(model), Timestamp.from(now));
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

  /**
   * Records that the mail server accepted the mail, committed at once and apart from the delivery job: should
   * the job's own transaction fail afterwards, its retry finds the mail sent and does not send it again.
   */
  public void markSent(String id, String subject, Instant now) {
    separateTransaction.executeWithoutResult(status -> jdbc.update(
        "update mail_outbox set sent_at = ?, subject = ? where id = ?", Timestamp.from(now), subject, id));
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

  private static Mail toMail(ResultSet rs, int row) throws SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new Mail(rs.getString("id"), rs.getString("dedup_key"), rs.getString("template"),
        rs.getString("recipient_user"), rs.getString("recipient_address"), rs.getString("business_key"),
        fromJson(rs.getString("model_json")), rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant(), rs.getString("subject"));
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
