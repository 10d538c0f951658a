package org.publicservice.procurement.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The final payment (尾款) of a contract as its evaluation grade allows: one row per evaluation. Recording is
 * idempotent: a step that runs again (a retried job) finds the row and pays nothing more.
 */
@Repository
public class FinalPayments {

  private final JdbcClient jdbc;

  public FinalPayments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The final payment of an evaluation. */
  public record FinalPayment(long evaluationId, String projectNumber, String contractId, int milestoneIndex,
      String milestoneName, BigDecimal milestoneAmount, BigDecimal share, BigDecimal amount, String grade,
      OffsetDateTime recordedAt) {
  }

  /** Records the payment unless the evaluation has one; returns the one on record either way. */
  public FinalPayment record(long evaluationId, String projectNumber, String contractId, int milestoneIndex,
      String milestoneName, BigDecimal milestoneAmount, BigDecimal share, String grade) {
    BigDecimal amount = milestoneAmount.multiply(share).setScale(2, RoundingMode.HALF_UP);
    jdbc.sql("""
            INSERT INTO final_payment (evaluation_id, project_number, contract_id, milestone_index, milestone_name,
              contract_amount, payable_share, payable_amount, grade, recorded_at)
            SELECT CAST(:evaluation AS BIGINT), CAST(:project AS VARCHAR(32)), CAST(:contract AS VARCHAR(64)),
              CAST(:index AS INT), CAST(:name AS VARCHAR(200)), CAST(:milestoneAmount AS DECIMAL(16, 2)),
              CAST(:share AS DECIMAL(5, 4)), CAST(:amount AS DECIMAL(16, 2)), CAST(:grade AS VARCHAR(16)),
              CAST(:at AS TIMESTAMP WITH TIME ZONE)
            FROM (VALUES (1)) one
            WHERE NOT EXISTS (SELECT 1 FROM final_payment WHERE evaluation_id = :evaluation)""")
        .param("evaluation", evaluationId).param("project", projectNumber).param("contract", contractId)
        .param("index", milestoneIndex).param("name", milestoneName).param("milestoneAmount", milestoneAmount)
        .param("share", share).param("amount", amount).param("grade", grade)
        .param("at", ProcurementTime.now())
        .update();
    return find(evaluationId).orElseThrow();
  }

  public Optional<FinalPayment> find(long evaluationId) {
    return jdbc.sql("SELECT * FROM final_payment WHERE evaluation_id = :evaluation").param("evaluation", evaluationId)
        .query((rs, row) -> new FinalPayment(rs.getLong("evaluation_id"), rs.getString("project_number"),
            rs.getString("contract_id"), rs.getInt("milestone_index"), rs.getString("milestone_name"),
            rs.getBigDecimal("contract_amount"), rs.getBigDecimal("payable_share"),
            rs.getBigDecimal("payable_amount"), rs.getString("grade"),
            rs.getObject("recorded_at", OffsetDateTime.class)))
        .optional();
  }

  public int countFor(String projectNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM final_payment WHERE project_number = :project").param("project", projectNumber)
        .query(Integer.class).single();
  }

  /** Keeps the grade with the evaluation, for the portal's organisation and statistics pages. */
  public void recordGrade(long evaluationId, String grade, BigDecimal score) {
    jdbc.sql("UPDATE service_evaluation SET grade = :grade, score = :score, graded_at = :at WHERE id = :id")
        .param("grade", grade).param("score", score)
        .param("at", ProcurementTime.now())
        .param("id", evaluationId).update();
  }
}
