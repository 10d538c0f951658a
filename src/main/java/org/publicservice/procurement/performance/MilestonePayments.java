package org.publicservice.procurement.performance;

import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments of the instalments of contracts (实施条例第五十一条: paid as the contract says). A milestone is paid once:
 * the insert only happens when no payment of that milestone exists, and the unique key of contract and milestone
 * stops a concurrent second one (that transaction fails and its retry finds the first payment).
 */
@Repository
public class MilestonePayments {

  /** A payment as stored; {@code newlyRecorded} tells the caller whether this call made it. */
  public record Payment(String contractId, int milestoneIndex, String projectNumber, BigDecimal amount, LocalDate paidOn,
      OffsetDateTime recordedAt, boolean newlyRecorded) {
  }

  private final JdbcClient jdbc;
  private final MilestoneLedger milestones;

  public MilestonePayments(JdbcClient jdbc, MilestoneLedger milestones) {
    this.jdbc = jdbc;
    this.milestones = milestones;
  }

  /**
   * Pays the accepted milestone, or returns its payment when it was paid before (a retried or repeated step). Refused
   * in Chinese for a milestone that has not been accepted.
   */
  public Payment pay(String contractId, int milestoneIndex, LocalDate paidOn, String processInstanceId) {
    MilestoneLedger.Milestone milestone = milestones.find(contractId, milestoneIndex)
        .orElseThrow(() -> reject(null, "合同" + contractId + "没有第" + milestoneIndex + "期里程碑，不能支付。"));
    if (!MilestoneLedger.ACCEPTED.equals(milestone.status())) {
      throw reject(null, "第" + milestoneIndex + "期“" + milestone.name() + "”尚未验收合格，不能支付。");
    }
    int inserted = jdbc.sql("""
            INSERT INTO contract_payment (contract_id, milestone_index, project_number, amount, paid_on, recorded_at,
              process_instance_id)
            SELECT :contract, :index, :project, :amount, :paid, :now, :instance FROM (VALUES (1)) AS one_row (n)
            WHERE NOT EXISTS (SELECT 1 FROM contract_payment WHERE contract_id = :contract AND milestone_index = :index)""")
        .param("contract", contractId).param("index", milestoneIndex).param("project", milestone.projectNumber())
        .param("amount", milestone.amount()).param("paid", paidOn).param("now", ProcurementTime.now())
        .param("instance", processInstanceId)
        .update();
    Payment stored = find(contractId, milestoneIndex).orElseThrow();
    return new Payment(stored.contractId(), stored.milestoneIndex(), stored.projectNumber(), stored.amount(),
        stored.paidOn(), stored.recordedAt(), inserted == 1);
  }

  public void noteNotice(String contractId, int milestoneIndex, long noticeId) {
    jdbc.sql("UPDATE contract_payment SET notice_id = :notice WHERE contract_id = :contract AND milestone_index = :index")
        .param("notice", noticeId).param("contract", contractId).param("index", milestoneIndex).update();
  }

  public Optional<Payment> find(String contractId, int milestoneIndex) {
    return jdbc.sql("SELECT * FROM contract_payment WHERE contract_id = :contract AND milestone_index = :index")
        .param("contract", contractId).param("index", milestoneIndex)
        .query((rs, row) -> new Payment(rs.getString("contract_id"), rs.getInt("milestone_index"),
            rs.getString("project_number"), rs.getBigDecimal("amount"), rs.getObject("paid_on", LocalDate.class),
            rs.getObject("recorded_at", OffsetDateTime.class), false))
        .optional();
  }

  public List<Payment> ofContract(String contractId) {
    return jdbc.sql("SELECT * FROM contract_payment WHERE contract_id = :contract ORDER BY milestone_index")
        .param("contract", contractId)
        .query((rs, row) -> new Payment(rs.getString("contract_id"), rs.getInt("milestone_index"),
            rs.getString("project_number"), rs.getBigDecimal("amount"), rs.getObject("paid_on", LocalDate.class),
            rs.getObject("recorded_at", OffsetDateTime.class), false))
        .list();
  }

  public BigDecimal paidSoFar(String contractId) {
    return ofContract(contractId).stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
