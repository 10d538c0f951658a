package org.publicservice.procurement.tender;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public terms of a tender as each of its notices stated them (method, evaluation method, tender and enquiry
 * period, and from the opening or failure on, the number of tenderers): what the open data (OCDS) shows of a tender.
 * Written with the notice, in the same transaction; never changed.
 */
@Repository
public class TenderTerms {

  /**
   * The terms one notice stated. {@code evaluationMethod} and {@code numberOfTenderers} may be null; {@code bidBond}
   * is the bid bond the round's documents ask of each bidder (0: none), as its notice states it, and
   * {@code bidBondConvertible} whether the winner may turn it into its performance bond (87号令第三十八条).
   */
  public record Terms(long noticeId, String projectNumber, int round, String procurementMethod,
      String evaluationMethod, OffsetDateTime tenderPeriodStart, OffsetDateTime tenderPeriodEnd,
      OffsetDateTime enquiryPeriodEnd, Integer numberOfTenderers, BigDecimal bidBond, boolean bidBondConvertible) {
  }

  private final JdbcClient jdbc;

  public TenderTerms(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the terms of the round's call as they stand, for the notice just published. */
  void record(long noticeId, BidBox.CallRow call, Integer numberOfTenderers) {
    jdbc.sql("""
            INSERT INTO tender_notice_terms (notice_id, project_number, round_no, procurement_method,
                evaluation_method, tender_period_start, tender_period_end, enquiry_period_end, number_of_tenderers)
            SELECT :notice, c.project_number, c.round_no, c.procurement_method, c.evaluation_method, c.published_at,
                   c.bid_deadline, c.clarification_deadline, :tenderers
            FROM tender_call c WHERE c.project_number = :project AND c.round_no = :round""")
        .param("notice", noticeId).param("tenderers", numberOfTenderers)
        .param("project", call.projectNumber()).param("round", call.round())
        .update();
  }

  /** The terms of those of the notices that belong to the tender stage, by notice id. */
  public Map<Long, Terms> ofNotices(Collection<Long> noticeIds) {
    if (noticeIds.isEmpty()) {
      return Map.of();
    }
    List<Terms> terms = jdbc.sql("SELECT t.*, c.bid_bond, c.bid_bond_convertible FROM tender_notice_terms t"
            + " LEFT JOIN tender_call c ON c.project_number = t.project_number AND c.round_no = t.round_no"
            + " WHERE t.notice_id IN (:ids)")
        .param("ids", noticeIds).query(TenderTerms::map).list();
    return terms.stream().collect(Collectors.toMap(Terms::noticeId, Function.identity()));
  }

  private static Terms map(ResultSet rs, int row) throws SQLException {
    int count = rs.getInt("number_of_tenderers");
    Integer tenderers = rs.wasNull() ? null : count;
    return new Terms(rs.getLong("notice_id"), rs.getString("project_number"), rs.getInt("round_no"),
        rs.getString("procurement_method"), rs.getString("evaluation_method"),
        china(rs.getObject("tender_period_start", OffsetDateTime.class)),
        china(rs.getObject("tender_period_end", OffsetDateTime.class)),
        china(rs.getObject("enquiry_period_end", OffsetDateTime.class)), tenderers, rs.getBigDecimal("bid_bond"),
        rs.getBoolean("bid_bond_convertible"));
  }

  private static OffsetDateTime china(OffsetDateTime time) {
    return time.atZoneSameInstant(ProcurementTime.ZONE).toOffsetDateTime();
  }
}
