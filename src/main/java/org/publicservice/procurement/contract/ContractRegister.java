package org.publicservice.procurement.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The contracts of the contract stage, written in the engine's transaction. The draft is stored when the department
 * submits it and every later step reads the terms from here, so that no later form submission can change them.
 */
@Repository
public class ContractRegister {

  public static final String DRAFT = "DRAFT";
  public static final String SIGNED = "SIGNED";
  public static final String ABANDONED = "ABANDONED";

  /** A contract as stored; {@code signedOn} is null until both parties signed. */
  public record Contract(String contractId, String projectNumber, String contractor, String contractorName,
      BigDecimal amount, BigDecimal performanceBond, LocalDate periodStart, LocalDate periodEnd,
      String serviceStandards, String paymentSchedule, String milestonesJson, String status, LocalDate signedOn,
      OffsetDateTime publishedAt, OffsetDateTime filedAt) {
  }

  /** The terms of a validated draft. */
  public record Draft(String projectNumber, String contractor, String contractorName, BigDecimal amount,
      BigDecimal performanceBond, LocalDate periodStart, LocalDate periodEnd, String serviceStandards,
      String paymentSchedule, String milestonesJson) {
  }

  private final JdbcClient jdbc;

  public ContractRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the draft under the next free id of the project ({@code NT-2026-0001-HT01}, {@code -HT02}, ...). */
  public String addDraft(Draft draft, String processInstanceId) {
    abandonDrafts(processInstanceId);
    long existing = jdbc.sql("SELECT COUNT(*) FROM service_contract WHERE project_number = :project")
        .param("project", draft.projectNumber()).query(Long.class).single();
    String contractId = String.format("%s-HT%02d", draft.projectNumber(), existing + 1);
    jdbc.sql("""
            INSERT INTO service_contract (contract_id, project_number, contractor, contractor_name, amount,
              performance_bond, period_start, period_end, service_standards, payment_schedule, milestones_json, status,
              process_instance_id)
            VALUES (:id, :project, :contractor, :name, :amount, :bond, :start, :end, :standards, :schedule, :milestones,
              :status, :instance)""")
        .param("id", contractId)
        .param("project", draft.projectNumber())
        .param("contractor", draft.contractor())
        .param("name", draft.contractorName())
        .param("amount", draft.amount())
        .param("bond", draft.performanceBond())
        .param("start", draft.periodStart())
        .param("end", draft.periodEnd())
        .param("standards", draft.serviceStandards())
        .param("schedule", draft.paymentSchedule())
        .param("milestones", draft.milestonesJson())
        .param("status", DRAFT)
        .param("instance", processInstanceId)
        .update();
    return contractId;
  }

  /** A draft that was not signed (refused, or the time passed) stays on file as abandoned. */
  public void abandonDrafts(String processInstanceId) {
    jdbc.sql("UPDATE service_contract SET status = :abandoned WHERE process_instance_id = :instance AND status = :draft")
        .param("abandoned", ABANDONED).param("instance", processInstanceId).param("draft", DRAFT).update();
  }

  public Contract currentDraft(String processInstanceId) {
    return ofInstance(processInstanceId, DRAFT);
  }

  public Contract signedOf(String processInstanceId) {
    return ofInstance(processInstanceId, SIGNED);
  }

  public void sign(String contractId, LocalDate signedOn) {
    int updated = jdbc.sql("UPDATE service_contract SET status = :signed, signed_on = :day"
            + " WHERE contract_id = :id AND status = :draft")
        .param("signed", SIGNED).param("day", signedOn).param("id", contractId).param("draft", DRAFT).update();
    if (updated != 1) {
      throw new IllegalStateException("contract " + contractId + " is not a draft");
    }
  }

  /** How the contractor lodged the performance bond (实施条例第四十八条), stated when it signed. */
  public void recordPerformanceBond(String contractId, String form, String reference) {
    jdbc.sql("UPDATE service_contract SET performance_bond_form = :form, performance_bond_reference = :reference"
            + " WHERE contract_id = :id")
        .param("form", form).param("reference", reference).param("id", contractId).update();
  }

  /**
   * The winner's bid bond (as lodged, for its amount) became part of the performance bond at signing
   * (87号令第三十八条): it goes back with the performance bond, not as a bid bond.
   */
  public void recordConvertedBidBond(String contractId, String lodged, BigDecimal amount) {
    jdbc.sql("UPDATE service_contract SET converted_bid_bond = :lodged, converted_bid_bond_amount = :amount"
            + " WHERE contract_id = :id")
        .param("lodged", lodged).param("amount", amount).param("id", contractId).update();
  }

  /** A part of the performance bond as it is to be refunded: its amount and how it was lodged. */
  public record BondPart(BigDecimal amount, String lodged) {
  }

  /**
   * The performance bond in the parts it was lodged in: the converted bid bond (its whole amount: a guarantee or a
   * transfer goes back as a whole) and what the contractor lodged for the rest; none when the contract has no bond.
   */
  public java.util.List<BondPart> performanceBondParts(String contractId) {
    return jdbc.sql("SELECT * FROM service_contract WHERE contract_id = :id AND performance_bond > 0")
        .param("id", contractId).query((rs, row) -> {
          java.util.List<BondPart> parts = new java.util.ArrayList<>();
          BigDecimal converted = rs.getBigDecimal("converted_bid_bond_amount");
          if (rs.getString("converted_bid_bond") != null) {
            parts.add(new BondPart(converted, "由投标保证金转入：" + rs.getString("converted_bid_bond")));
          }
          if (rs.getString("performance_bond_form") != null) {
            BigDecimal rest = converted == null ? rs.getBigDecimal("performance_bond")
                : rs.getBigDecimal("performance_bond").subtract(converted);
            parts.add(new BondPart(rest, new PerformanceBond(rs.getString("performance_bond_form"),
                rs.getString("performance_bond_reference")).text()));
          }
          return parts;
        }).optional().orElse(java.util.List.of());
  }

  /** The performance bond as lodged ("银行保函（编号…）"), empty when the contract has none or none was stated. */
  public Optional<String> performanceBondLodged(String contractId) {
    return jdbc.sql("SELECT performance_bond_form, performance_bond_reference FROM service_contract"
            + " WHERE contract_id = :id AND performance_bond > 0 AND performance_bond_form IS NOT NULL")
        .param("id", contractId)
        .query((rs, row) -> new PerformanceBond(rs.getString(1), rs.getString(2)).text()).optional();
  }

  /** The award decision this contract carries out (OCDS contracts[].awardID). */
  public void linkAward(String contractId, String awardId) {
    jdbc.sql("UPDATE service_contract SET award_id = :award WHERE contract_id = :id").param("award", awardId)
        .param("id", contractId).update();
  }

  public void markPublished(String contractId, long noticeId) {
    stamp(contractId, "published_at");
    jdbc.sql("UPDATE service_contract SET notice_id = :notice WHERE contract_id = :id")
        .param("notice", noticeId).param("id", contractId).update();
  }

  public void markFiled(String contractId) {
    stamp(contractId, "filed_at");
  }

  public Optional<Contract> find(String contractId) {
    return jdbc.sql("SELECT * FROM service_contract WHERE contract_id = :id").param("id", contractId)
        .query(ContractRegister::map).optional();
  }

  private Contract ofInstance(String processInstanceId, String status) {
    return jdbc.sql("SELECT * FROM service_contract WHERE process_instance_id = :instance AND status = :status")
        .param("instance", processInstanceId).param("status", status).query(ContractRegister::map).optional()
        .orElseThrow(() -> new IllegalStateException("no " + status + " contract in process " + processInstanceId));
  }

  private static Contract map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Contract(rs.getString("contract_id"), rs.getString("project_number"), rs.getString("contractor"),
        rs.getString("contractor_name"), rs.getBigDecimal("amount"), rs.getBigDecimal("performance_bond"),
        rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
        rs.getString("service_standards"), rs.getString("payment_schedule"), rs.getString("milestones_json"),
        rs.getString("status"), rs.getObject("signed_on", LocalDate.class),
        rs.getObject("published_at", OffsetDateTime.class), rs.getObject("filed_at", OffsetDateTime.class));
  }

  private void stamp(String contractId, String column) {
    // set once: a repeated step keeps the first time, which is what the deadline was measured against
    int updated = jdbc.sql("UPDATE service_contract SET " + column + " = COALESCE(" + column + ", :now)"
            + " WHERE contract_id = :id")
        .param("now", ProcurementTime.now())
        .param("id", contractId).update();
    if (updated != 1) {
      throw new IllegalStateException("no contract " + contractId);
    }
  }
}
