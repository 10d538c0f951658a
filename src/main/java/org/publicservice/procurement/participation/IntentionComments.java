package org.publicservice.procurement.participation;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The table of residents' comments on procurement intentions. Only {@link #countFor} may feed a public page. */
@Repository
public class IntentionComments {

  public record NewComment(String projectNumber, String commenterName, String text, String replyAddress,
      String clientKey, OffsetDateTime receivedAt) {
  }

  public record Comment(long id, String projectNumber, String commenterName, String text, String replyAddress,
      boolean replyRequested, OffsetDateTime receivedAt, String processInstanceId, String replyText,
      String handledBy, OffsetDateTime handledAt) {
  }

  private final JdbcClient jdbc;

  public IntentionComments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long add(NewComment comment) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO intention_comment
              (project_number, commenter_name, comment_text, reply_address, reply_requested, client_key, received_at)
            VALUES (:project, :name, :text, :address, :requested, :client, :received)""")
        .param("project", comment.projectNumber())
        .param("name", comment.commenterName())
        .param("text", comment.text())
        .param("address", comment.replyAddress())
        .param("requested", comment.replyAddress() != null)
        .param("client", comment.clientKey())
        .param("received", comment.receivedAt())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void attachProcess(long id, String processInstanceId) {
    jdbc.sql("UPDATE intention_comment SET process_instance_id = :instance WHERE id = :id")
        .param("instance", processInstanceId).param("id", id).update();
  }

  public Optional<Comment> find(long id) {
    return jdbc.sql("SELECT * FROM intention_comment WHERE id = :id").param("id", id)
        .query((rs, row) -> new Comment(rs.getLong("id"), rs.getString("project_number"),
            rs.getString("commenter_name"), rs.getString("comment_text"), rs.getString("reply_address"),
            rs.getBoolean("reply_requested"), rs.getObject("received_at", OffsetDateTime.class),
            rs.getString("process_instance_id"), rs.getString("reply_text"), rs.getString("handled_by"),
            rs.getObject("handled_at", OffsetDateTime.class)))
        .optional();
  }

  /** How many comments reached the department: the only figure about comments the public sees. */
  public long countFor(String projectNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM intention_comment WHERE project_number = :project")
        .param("project", projectNumber).query(Long.class).single();
  }

  /** Comments sent from one network address in [from, until): the rate limit. */
  public long countFromClient(String clientKey, OffsetDateTime from, OffsetDateTime until) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM intention_comment
            WHERE client_key = :client AND received_at >= :from AND received_at < :until""")
        .param("client", clientKey).param("from", from).param("until", until).query(Long.class).single();
  }

  /** Whether this sender already sent exactly this text about this project. */
  public boolean isRepeated(String projectNumber, String clientKey, String text) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM intention_comment
            WHERE project_number = :project AND client_key = :client AND comment_text = :text""")
        .param("project", projectNumber).param("client", clientKey).param("text", text)
        .query(Long.class).single() > 0;
  }

  public void recordReply(long id, String replyText, String handledBy, OffsetDateTime handledAt) {
    jdbc.sql("""
            UPDATE intention_comment SET reply_text = :reply, handled_by = :handledBy, handled_at = :handledAt
            WHERE id = :id""")
        .param("reply", replyText).param("handledBy", handledBy).param("handledAt", handledAt).param("id", id)
        .update();
  }

  /** Forgets the resident's address once it has served its purpose. */
  public void eraseReplyAddress(long id) {
    jdbc.sql("UPDATE intention_comment SET reply_address = NULL WHERE id = :id").param("id", id).update();
  }
}
