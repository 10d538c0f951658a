package org.publicservice.procurement.award;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.publicservice.procurement.review.RankedBid;

/**
 * Each bidder's own score and rank (87号令第六十九条: losing bidders are told theirs). Written when the award notice
 * is published, so before the notice there is nothing to read. The portal calls {@link #ownResult} as the
 * logged-in organisation: it answers that organisation's own line only, never another bidder's scores.
 */
@Repository
public class AwardResults {

  /** One bidder's result: its rank among all ranked bids, its scores, and who won. */
  public record OwnResult(String projectNumber, String bidder, String bidderName, int rank, int bidderCount,
      BigDecimal price, BigDecimal priceScore, BigDecimal criteriaScore, BigDecimal totalScore, boolean winner,
      String winnerName, OffsetDateTime publishedAt) {
  }

  private final JdbcClient jdbc;

  public AwardResults(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The bidder's line of the latest published award of the project, if it bid and the award was published. */
  public Optional<OwnResult> ownResult(String projectNumber, String bidderUserId) {
    if (projectNumber == null || bidderUserId == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT * FROM award_result WHERE project_number = :project AND bidder = :bidder
            ORDER BY published_at DESC""")
        .param("project", projectNumber.trim().toUpperCase(java.util.Locale.ROOT))
        .param("bidder", bidderUserId)
        .query((rs, row) -> new OwnResult(rs.getString("project_number"), rs.getString("bidder"),
            rs.getString("bidder_name"), rs.getInt("bid_rank"), rs.getInt("bidder_count"), rs.getBigDecimal("price"),
            rs.getBigDecimal("price_score"), rs.getBigDecimal("criteria_score"), rs.getBigDecimal("total_score"),
            rs.getBoolean("is_winner"), rs.getString("winner_name"),
            rs.getObject("published_at", OffsetDateTime.class)))
        .list().stream().findFirst();
  }

  /** In the publishing step's transaction: one line per ranked bid. */
  void store(String projectNumber, String stageInstanceId, List<RankedBid> ranking, String winner,
      String winnerName, OffsetDateTime publishedAt) {
    for (RankedBid bid : ranking) {
      jdbc.sql("""
              INSERT INTO award_result (stage_instance_id, project_number, bidder, bidder_name, bid_rank, bidder_count,
                price, price_score, criteria_score, total_score, is_winner, winner_name, published_at)
              VALUES (:stage, :project, :bidder, :name, :rank, :count, :price, :priceScore, :criteriaScore,
                :totalScore, :winner, :winnerName, :published)""")
          .param("stage", stageInstanceId)
          .param("project", projectNumber)
          .param("bidder", bid.bidder())
          .param("name", bid.bidderName())
          .param("rank", bid.rank())
          .param("count", ranking.size())
          .param("price", bid.price())
          .param("priceScore", bid.priceScore())
          .param("criteriaScore", bid.criteriaScore())
          .param("totalScore", bid.totalScore())
          .param("winner", bid.bidder().equals(winner))
          .param("winnerName", winnerName)
          .param("published", publishedAt)
          .update();
    }
  }
}
