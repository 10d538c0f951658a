package org.publicservice.procurement.ocds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public facts behind the notices of the contract and implementation stages, found by the notice that published
 * them: the signed contract (政府采购合同公告), a payment (资金支付信息), an accepted milestone (履约验收结果).
 */
@Repository
class ContractReleases {

  /**
   * The contract a notice concerns, with the payment or the accepted milestone it announces (else null), and the
   * performance bond the contract notice published (0: none).
   */
  record ContractFacts(String contractId, String contractor, String contractorName, BigDecimal amount,
      LocalDate signedOn, LocalDate periodStart, LocalDate periodEnd, Payment payment, Acceptance acceptance,
      String awardId, BigDecimal performanceBond) {
  }

  record Payment(int milestoneIndex, String milestoneName, BigDecimal amount, OffsetDateTime recordedAt) {
  }

  record Acceptance(int milestoneIndex, String milestoneName, OffsetDateTime acceptedAt) {
  }

  private final JdbcClient jdbc;

  ContractReleases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ContractFacts> of(DisclosureNotice notice) {
    return switch (notice.type()) {
      case CONTRACT -> contract("c.notice_id = :notice", notice.id(), null, null);
      case PAYMENT -> jdbc.sql("""
              SELECT p.contract_id, p.milestone_index, m.milestone_name, p.amount, p.recorded_at
              FROM contract_payment p LEFT JOIN contract_milestone m
                ON m.contract_id = p.contract_id AND m.milestone_index = p.milestone_index
              WHERE p.notice_id = :notice""")
          .param("notice", notice.id())
          .query((rs, row) -> contract("c.contract_id = :notice", rs.getString("contract_id"),
              new Payment(rs.getInt("milestone_index"), rs.getString("milestone_name"), rs.getBigDecimal("amount"),
                  rs.getObject("recorded_at", OffsetDateTime.class)), null))
          .optional().flatMap(found -> found);
      case ACCEPTANCE -> jdbc.sql("""
              SELECT contract_id, milestone_index, milestone_name, accepted_at FROM contract_milestone
              WHERE acceptance_notice_id = :notice""")
          .param("notice", notice.id())
          .query((rs, row) -> contract("c.contract_id = :notice", rs.getString("contract_id"), null,
              new Acceptance(rs.getInt("milestone_index"), rs.getString("milestone_name"),
                  rs.getObject("accepted_at", OffsetDateTime.class))))
          .optional().flatMap(found -> found);
      default -> Optional.empty();
    };
  }

  private Optional<ContractFacts> contract(String where, Object key, Payment payment, Acceptance acceptance) {
    return jdbc.sql("SELECT * FROM service_contract c WHERE " + where).param("notice", key)
        .query((rs, row) -> new ContractFacts(rs.getString("contract_id"), rs.getString("contractor"),
            rs.getString("contractor_name"), rs.getBigDecimal("amount"), rs.getObject("signed_on", LocalDate.class),
            rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class), payment,
            acceptance, rs.getString("award_id"), rs.getBigDecimal("performance_bond")))
        .optional();
  }
}
