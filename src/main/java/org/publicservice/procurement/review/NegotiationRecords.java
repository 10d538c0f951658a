package org.publicservice.procurement.review;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * What the panel said with each supplier in each round of a consultation or negotiation, and the changes to the
 * documents it made (table negotiation_record, Flyway V17_3). Confidential: a supplier learns only its own talks and
 * the changes every supplier still in receives (74号令第三十一条: no party discloses another supplier's technical
 * data, prices or other information; 第三十二条: changes in writing to all suppliers still in).
 */
@Repository
public class NegotiationRecords {

  public static final String TALK = "TALK";
  public static final String DOCUMENT_CHANGE = "DOCUMENT_CHANGE";

  public record Entry(int round, String kind, String bidder, String bidderName, String content, boolean withdrew,
      String recordedBy, OffsetDateTime recordedAt) {
  }

  private final JdbcClient jdbc;

  public NegotiationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void talk(String projectNumber, String processInstanceId, int round, OpenedBid bid, String content,
      boolean withdrew, String recordedBy) {
    insert(projectNumber, processInstanceId, round, TALK, bid.bidder(), bid.bidderName(), content, withdrew,
        recordedBy);
  }

  void documentChange(String projectNumber, String processInstanceId, int round, String content, String recordedBy) {
    insert(projectNumber, processInstanceId, round, DOCUMENT_CHANGE, null, null, content, false, recordedBy);
  }

  private void insert(String projectNumber, String processInstanceId, int round, String kind, String bidder,
      String bidderName, String content, boolean withdrew, String recordedBy) {
    jdbc.sql("""
            INSERT INTO negotiation_record (project_number, process_instance_id, round_no, kind, bidder, bidder_name,
                                            content, withdrew, recorded_by, recorded_at)
            VALUES (:project, :instance, :round, :kind, :bidder, :name, :content, :withdrew, :by, :at)""")
        .param("project", projectNumber).param("instance", processInstanceId).param("round", round)
        .param("kind", kind).param("bidder", bidder).param("name", bidderName).param("content", content)
        .param("withdrew", withdrew).param("by", recordedBy).param("at", ProcurementTime.now()).update();
  }

  /** Every record of the review, in order. */
  public List<Entry> ofReview(String processInstanceId) {
    return jdbc.sql("SELECT * FROM negotiation_record WHERE process_instance_id = :instance ORDER BY id")
        .param("instance", processInstanceId)
        .query((rs, row) -> new Entry(rs.getInt("round_no"), rs.getString("kind"), rs.getString("bidder"),
            rs.getString("bidder_name"), rs.getString("content"), rs.getBoolean("withdrew"),
            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
        .list();
  }
}
