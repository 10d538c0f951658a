package org.publicservice.procurement.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.form.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed contracts, written by the contract stage in the engine's transaction. */
@Repository
public class ContractRegister {

  /** A signed contract as stored. */
  public record SignedContract(String contractId, String projectNumber, String contractor, String contractorName,
      BigDecimal amount, BigDecimal performanceBond, LocalDate periodStart, LocalDate periodEnd,
      String serviceStandards, String paymentSchedule, LocalDate signedOn, OffsetDateTime publishedAt,
      OffsetDateTime filedAt) {
  }

  private final JdbcClient jdbc;

  public ContractRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next free contract id of a project: {@code NT-2026-0001-HT01}, {@code -HT02} after a new award. */
  public String nextContractId(String projectNumber) {
    long existing = jdbc.sql("SELECT COUNT(*) FROM service_contract WHERE project_number = :project")
        .param("project", projectNumber).query(Long.class).single();
    return String.format("%s-HT%02d", projectNumber, existing + 1);
  }

  public void add(SignedContract contract, String processInstanceId) {
    jdbc.sql("""
            INSERT INTO service_contract (contract_id, project_number, contractor, contractor_name, amount,
              performance_bond, period_start, period_end, service_standards, payment_schedule, signed_on,
              process_instance_id)
            VALUES (:id, :project, :contractor, :name, :amount, :bond, :start, :end, :standards, :schedule, :signed,
              :instance)""")
        .param("id", contract.contractId())
        .param("project", contract.projectNumber())
        .param("contractor", contract.contractor())
        .param("name", contract.contractorName())
        .param("amount", contract.amount())
        .param("bond", contract.performanceBond())
        .param("start", contract.periodStart())
        .param("end", contract.periodEnd())
        .param("standards", contract.serviceStandards())
        .param("schedule", contract.paymentSchedule())
        .param("signed", contract.signedOn())
        .param("instance", processInstanceId)
        .update();
  }

  public void markPublished(String contractId, long noticeId) {
    stamp(contractId, "published_at");
    jdbc.sql("UPDATE service_contract SET notice_id = :notice WHERE contract_id = :id")
        .param("notice", noticeId).param("id", contractId).update();
  }

  public void markFiled(String contractId) {
    stamp(contractId, "filed_at");
  }

  public Optional<SignedContract> find(String contractId) {
    return jdbc.sql("SELECT * FROM service_contract WHERE contract_id = :id").param("id", contractId)
        .query((rs, row) -> new SignedContract(rs.getString("contract_id"), rs.getString("project_number"),
            rs.getString("contractor"), rs.getString("contractor_name"), rs.getBigDecimal("amount"),
            rs.getBigDecimal("performance_bond"), rs.getObject("period_start", LocalDate.class),
            rs.getObject("period_end", LocalDate.class), rs.getString("service_standards"),
            rs.getString("payment_schedule"), rs.getObject("signed_on", LocalDate.class),
            rs.getObject("published_at", OffsetDateTime.class), rs.getObject("filed_at", OffsetDateTime.class)))
        .optional();
  }

  private void stamp(String contractId, String column) {
    // set once: a repeated step keeps the first time, which is what the deadline was measured against
    int updated = jdbc.sql("UPDATE service_contract SET " + column + " = COALESCE(" + column + ", :now)"
            + " WHERE contract_id = :id")
        .param("now", ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime())
        .param("id", contractId).update();
    if (updated != 1) {
      throw new IllegalStateException("no contract " + contractId);
    }
  }
}
