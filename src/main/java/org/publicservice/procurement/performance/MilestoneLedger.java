package org.publicservice.procurement.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The milestones of contracts being delivered: progress reports and phased acceptances (实施条例第四十五条). */
@Repository
public class MilestoneLedger {

  public static final String PLANNED = "PLANNED";
  public static final String REPORTED = "REPORTED";
  public static final String CORRECTION = "CORRECTION";
  public static final String ACCEPTED = "ACCEPTED";

  /** A milestone as stored. */
  public record Milestone(String contractId, int index, String projectNumber, String name, BigDecimal amount,
      LocalDate dueOn, String status, Integer recipientSatisfaction, OffsetDateTime acceptedAt) {
  }

  private final JdbcClient jdbc;

  public MilestoneLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the milestone when it starts being delivered; a milestone already there is left as it is. */
  public void ensure(String contractId, int index, String projectNumber, String name, BigDecimal amount,
      LocalDate dueOn) {
    jdbc.sql("""
            INSERT INTO contract_milestone (contract_id, milestone_index, project_number, milestone_name, amount, due_on,
              status)
            SELECT :contract, :index, :project, :name, :amount, :due, :status FROM (VALUES (1)) AS one_row (n)
            WHERE NOT EXISTS (SELECT 1 FROM contract_milestone WHERE contract_id = :contract AND milestone_index = :index)""")
        .param("contract", contractId).param("index", index).param("project", projectNumber).param("name", name)
        .param("amount", amount).param("due", dueOn).param("status", PLANNED)
        .update();
  }

  public void recordReport(String contractId, int index, String report, String indicatorResultsJson) {
    update(contractId, index, """
        UPDATE contract_milestone SET status = :status, report_text = :report, indicator_results = :results,
          reported_at = :now WHERE contract_id = :contract AND milestone_index = :index AND status <> 'ACCEPTED'""",
        REPORTED, "report", report, "results", indicatorResultsJson);
  }

  public void recordCorrectionRequested(String contractId, int index, Integer satisfaction, String opinion) {
    update(contractId, index, """
        UPDATE contract_milestone SET status = :status, recipient_satisfaction = :satisfaction,
          acceptance_opinion = :opinion WHERE contract_id = :contract AND milestone_index = :index
          AND status <> 'ACCEPTED'""",
        CORRECTION, "satisfaction", satisfaction, "opinion", opinion);
  }

  public void recordAcceptance(String contractId, int index, Integer satisfaction, String opinion, String acceptedBy) {
    jdbc.sql("""
            UPDATE contract_milestone SET status = :status, recipient_satisfaction = :satisfaction,
              acceptance_opinion = :opinion, accepted_by = :by, accepted_at = COALESCE(accepted_at, :now)
            WHERE contract_id = :contract AND milestone_index = :index""")
        .param("status", ACCEPTED).param("satisfaction", satisfaction).param("opinion", opinion)
        .param("by", acceptedBy).param("now", ProcurementTime.now()).param("contract", contractId).param("index", index)
        .update();
  }

  public void noteAcceptanceNotice(String contractId, int index, long noticeId) {
    jdbc.sql("UPDATE contract_milestone SET acceptance_notice_id = :notice WHERE contract_id = :contract"
            + " AND milestone_index = :index")
        .param("notice", noticeId).param("contract", contractId).param("index", index).update();
  }

  public Optional<Milestone> find(String contractId, int index) {
    return jdbc.sql("SELECT * FROM contract_milestone WHERE contract_id = :contract AND milestone_index = :index")
        .param("contract", contractId).param("index", index)
        .query((rs, row) -> new Milestone(rs.getString("contract_id"), rs.getInt("milestone_index"),
            rs.getString("project_number"), rs.getString("milestone_name"), rs.getBigDecimal("amount"),
            rs.getObject("due_on", LocalDate.class), rs.getString("status"),
            (Integer) rs.getObject("recipient_satisfaction", Integer.class),
            rs.getObject("accepted_at", OffsetDateTime.class)))
        .optional();
  }

  private void update(String contractId, int index, String sql, String status, String name1, Object value1,
      String name2, Object value2) {
    int updated = jdbc.sql(sql).param("status", status).param(name1, value1).param(name2, value2)
        .param("now", ProcurementTime.now()).param("contract", contractId).param("index", index).update();
    if (updated != 1) {
      throw new IllegalStateException("milestone " + index + " of contract " + contractId + " is missing or accepted");
    }
  }

}
