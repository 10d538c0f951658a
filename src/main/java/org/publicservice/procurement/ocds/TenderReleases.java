package org.publicservice.procurement.ocds;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public facts behind the notices of the tender, award and evaluation stages, as of the notice that published
 * them (the terms of each tender notice are kept by the tender stage, see TenderTerms): the organisations whose bids
 * were opened, the winner, and the graded evaluation. Only what the notices themselves made public is read: a round's
 * bidders only once its bids were opened, the winner only once the award notice was out.
 */
@Repository
class TenderReleases {

  record Round(int round, String status) {
  }

  record Tenderer(String userId, String name) {
  }

  record Winner(String userId, String name, BigDecimal price, OffsetDateTime publishedAt) {
  }

  record Evaluation(String contractId, String contractor, String contractorName, String grade, BigDecimal score,
      OffsetDateTime gradedAt, BigDecimal finalPayment, int finalMilestoneIndex, String awardId) {
  }

  private final JdbcClient jdbc;

  TenderReleases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest round published at or before the notice: the round the notice is about. */
  Optional<Round> roundOf(DisclosureNotice notice) {
    return jdbc.sql("""
            SELECT round_no, call_status
            FROM tender_call WHERE project_number = :project AND published_at <= :at
            ORDER BY round_no DESC FETCH FIRST 1 ROWS ONLY""")
        .param("project", notice.projectNumber()).param("at", notice.publishedAt())
        .query((rs, row) -> new Round(rs.getInt("round_no"), rs.getString("call_status")))
        .optional();
  }

  /**
   * The method in force when the notice was published: the one the latest tender-stage notice up to then stated
   * (a failed tender may have changed it with the finance bureau's approval), empty before any.
   */
  Optional<String> methodInForce(DisclosureNotice notice) {
    return jdbc.sql("""
            SELECT t.procurement_method FROM tender_notice_terms t JOIN disclosure_notice n ON n.id = t.notice_id
            WHERE t.project_number = :project AND n.published_at <= :at
            ORDER BY n.published_at DESC, t.notice_id DESC FETCH FIRST 1 ROWS ONLY""")
        .param("project", notice.projectNumber()).param("at", notice.publishedAt())
        .query(String.class).optional();
  }

  /** The organisations whose bids were opened in the round; none while the round is still sealed or failed. */
  List<Tenderer> openedBidders(DisclosureNotice notice, Round round) {
    if (!"OPENED".equals(round.status())) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT bidder, bidder_name FROM tender_bid
            WHERE project_number = :project AND round_no = :round AND bid_status = 'ACTIVE'
            ORDER BY submission_no""")
        .param("project", notice.projectNumber()).param("round", round.round())
        .query((rs, row) -> new Tenderer(rs.getString("bidder"), rs.getString("bidder_name")))
        .list();
  }

  /** The winner the award notice named. */
  Optional<Winner> winnerOf(DisclosureNotice notice) {
    return jdbc.sql("""
            SELECT bidder, bidder_name, price, published_at FROM award_result
            WHERE project_number = :project AND is_winner AND published_at <= :at
            ORDER BY published_at DESC FETCH FIRST 1 ROWS ONLY""")
        .param("project", notice.projectNumber()).param("at", notice.publishedAt())
        .query((rs, row) -> new Winner(rs.getString("bidder"), rs.getString("bidder_name"),
            rs.getBigDecimal("price"), rs.getObject("published_at", OffsetDateTime.class)))
        .optional();
  }

  /** The graded evaluation the result notice published, with the final payment the grade allowed. */
  Optional<Evaluation> evaluationOf(DisclosureNotice notice) {
    return jdbc.sql("""
            SELECT e.contract_id, e.contractor, e.contractor_name, e.grade, e.score, e.graded_at, f.payable_amount,
                   f.milestone_index, c.award_id
            FROM service_evaluation e LEFT JOIN final_payment f ON f.evaluation_id = e.id
              LEFT JOIN service_contract c ON c.contract_id = e.contract_id
            WHERE e.project_number = :project AND e.grade IS NOT NULL AND e.graded_at <= :at
            ORDER BY e.graded_at DESC FETCH FIRST 1 ROWS ONLY""")
        .param("project", notice.projectNumber()).param("at", notice.publishedAt())
        .query((rs, row) -> new Evaluation(rs.getString("contract_id"), rs.getString("contractor"),
            rs.getString("contractor_name"), rs.getString("grade"),
            rs.getBigDecimal("score"), rs.getObject("graded_at", OffsetDateTime.class),
            rs.getBigDecimal("payable_amount"), rs.getInt("milestone_index"), rs.getString("award_id")))
        .optional();
  }
}
