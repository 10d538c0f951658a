package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * What the review made of each opened bid (table bid_review_result, Flyway V17_1) and the abnormally-low-price
 * procedure (table price_explanation): the panel's compliance decisions with their grounds and reasons, which are
 * published with the result and mailed to the bidder (87号令第五十八条第四项: the report lists the invalid bids and why).
 */
@Repository
public class BidReviewResults {

  public static final String VALID = "VALID";
  public static final String INVALID = "INVALID";
  public static final String NOT_QUALIFIED = "NOT_QUALIFIED";
  public static final String PRICE_QUERIED = "PRICE_QUERIED";
  public static final String WITHDRAWN = "WITHDRAWN";

  public static final String ACCEPTED = "ACCEPTED";
  public static final String REJECTED = "REJECTED";
  public static final String NO_ANSWER = "NO_ANSWER";

  /** One bid's result in one review. */
  public record Result(String bidId, String bidder, String bidderName, BigDecimal price, String outcome,
      String ground, String reason, String decidedBy, OffsetDateTime decidedAt) {

    public boolean valid() {
      return VALID.equals(outcome);
    }

    /** The ground with its provision and the panel's reason, as notices and mails state it. */
    public String statement() {
      if (NOT_QUALIFIED.equals(outcome)) {
        return "资格审查不通过（87号令第四十四条）";
      }
      return InvalidityGround.describe(ground) + (reason == null ? "" : "：" + reason);
    }
  }

  /** A request to explain a price, with the answer and the panel's decision once there. */
  public record PriceQuery(long id, String projectNumber, String processInstanceId, String bidId, String bidder,
      String bidderName, BigDecimal price, String question, OffsetDateTime requestedAt, OffsetDateTime dueAt,
      String answer, OffsetDateTime answeredAt, String decision, String decisionReason) {
  }

  private final JdbcClient jdbc;

  public BidReviewResults(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records (or, on a retried step, replaces) the bid's result in this review. */
  void record(String projectNumber, String processInstanceId, OpenedBid bid, String outcome, String ground,
      String reason, String decidedBy) {
    jdbc.sql("DELETE FROM bid_review_result WHERE process_instance_id = :instance AND bid_id = :bid")
        .param("instance", processInstanceId).param("bid", bid.bidId()).update();
    jdbc.sql("""
            INSERT INTO bid_review_result (project_number, process_instance_id, bid_id, bidder, bidder_name, price,
                                           outcome, ground, reason, decided_by, decided_at)
            VALUES (:project, :instance, :bid, :bidder, :name, :price, :outcome, :ground, :reason, :by, :at)""")
        .param("project", projectNumber).param("instance", processInstanceId).param("bid", bid.bidId())
        .param("bidder", bid.bidder()).param("name", bid.bidderName()).param("price", bid.price())
        .param("outcome", outcome).param("ground", ground).param("reason", reason).param("by", decidedBy)
        .param("at", ProcurementTime.now())
        .update();
  }

  /** The results of one review, in the order the bids were opened. */
  public List<Result> ofReview(String processInstanceId) {
    return jdbc.sql("SELECT * FROM bid_review_result WHERE process_instance_id = :instance ORDER BY id")
        .param("instance", processInstanceId).query(BidReviewResults::result).list();
  }

  Optional<Result> of(String processInstanceId, String bidId) {
    return jdbc.sql("SELECT * FROM bid_review_result WHERE process_instance_id = :instance AND bid_id = :bid")
        .param("instance", processInstanceId).param("bid", bidId).query(BidReviewResults::result).optional();
  }

  /**
   * The results of the project's latest review whose decisions were all made by {@code at}: what a notice published
   * then could state. Empty before any review decided.
   */
  public List<Result> latestOfProject(String projectNumber, OffsetDateTime at) {
    return jdbc.sql("""
            SELECT * FROM bid_review_result WHERE process_instance_id = (
                SELECT process_instance_id FROM bid_review_result WHERE project_number = :project
                GROUP BY process_instance_id HAVING MAX(decided_at) <= :at
                ORDER BY MAX(id) DESC FETCH FIRST 1 ROWS ONLY)
            ORDER BY id""")
        .param("project", projectNumber).param("at", at).query(BidReviewResults::result).list();
  }

  // ------------------------------------------------------------------ the price procedure

  long requestExplanation(String projectNumber, String processInstanceId, OpenedBid bid, String question,
      String requestedBy, OffsetDateTime dueAt) {
    jdbc.sql("DELETE FROM price_explanation WHERE process_instance_id = :instance AND bid_id = :bid")
        .param("instance", processInstanceId).param("bid", bid.bidId()).update();
    jdbc.sql("""
            INSERT INTO price_explanation (project_number, process_instance_id, bid_id, bidder, bidder_name, price,
                                           question, requested_by, requested_at, due_at)
            VALUES (:project, :instance, :bid, :bidder, :name, :price, :question, :by, :at, :due)""")
        .param("project", projectNumber).param("instance", processInstanceId).param("bid", bid.bidId())
        .param("bidder", bid.bidder()).param("name", bid.bidderName()).param("price", bid.price())
        .param("question", question).param("by", requestedBy).param("at", ProcurementTime.now()).param("due", dueAt)
        .update();
    return query(processInstanceId, bid.bidId()).orElseThrow().id();
  }

  public Optional<PriceQuery> query(String processInstanceId, String bidId) {
    return jdbc.sql("SELECT * FROM price_explanation WHERE process_instance_id = :instance AND bid_id = :bid")
        .param("instance", processInstanceId).param("bid", bidId).query(BidReviewResults::priceQuery).optional();
  }

  public Optional<PriceQuery> query(long id) {
    return jdbc.sql("SELECT * FROM price_explanation WHERE id = :id").param("id", id)
        .query(BidReviewResults::priceQuery).optional();
  }

  /** The bidder's requests, newest first: open ones to answer, decided ones to read back. */
  public List<PriceQuery> queriesOf(String bidder) {
    return jdbc.sql("SELECT * FROM price_explanation WHERE bidder = :bidder ORDER BY requested_at DESC, id DESC")
        .param("bidder", bidder).query(BidReviewResults::priceQuery).list();
  }

  /** Stores the answer if the request still waits for one; false otherwise. */
  boolean answer(long id, String answer, OffsetDateTime at) {
    return jdbc.sql("""
            UPDATE price_explanation SET answer = :answer, answered_at = :at
            WHERE id = :id AND answer IS NULL AND decision IS NULL AND due_at > :at""")
        .param("answer", answer).param("at", at).param("id", id).update() == 1;
  }

  void decide(String processInstanceId, String bidId, String decision, String reason, String decidedBy) {
    jdbc.sql("""
            UPDATE price_explanation SET decision = :decision, decision_reason = :reason, decided_by = :by,
                                         decided_at = :at
            WHERE process_instance_id = :instance AND bid_id = :bid""")
        .param("decision", decision).param("reason", reason).param("by", decidedBy).param("at", ProcurementTime.now())
        .param("instance", processInstanceId).param("bid", bidId).update();
  }

  private static Result result(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Result(rs.getString("bid_id"), rs.getString("bidder"), rs.getString("bidder_name"),
        rs.getBigDecimal("price"), rs.getString("outcome"), rs.getString("ground"), rs.getString("reason"),
        rs.getString("decided_by"), inChina(rs.getObject("decided_at", OffsetDateTime.class)));
  }

  private static PriceQuery priceQuery(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new PriceQuery(rs.getLong("id"), rs.getString("project_number"), rs.getString("process_instance_id"),
        rs.getString("bid_id"), rs.getString("bidder"), rs.getString("bidder_name"), rs.getBigDecimal("price"),
        rs.getString("question"), inChina(rs.getObject("requested_at", OffsetDateTime.class)),
        inChina(rs.getObject("due_at", OffsetDateTime.class)), rs.getString("answer"),
        inChina(rs.getObject("answered_at", OffsetDateTime.class)), rs.getString("decision"),
        rs.getString("decision_reason"));
  }

  private static OffsetDateTime inChina(OffsetDateTime time) {
    return time == null ? null
        : time.atZoneSameInstant(org.publicservice.procurement.purchase.ProcurementTime.ZONE).toOffsetDateTime();
  }
}
