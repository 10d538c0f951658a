package org.publicservice.procurement.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The archive record of a finished purchase (采购文件, 政府采购法第四十二条 / 实施条例第四十六条: kept at least 15 years
 * from the end of the procurement). The file itself stays where the procedure wrote it; the record is the manifest
 * that says where each part is and until when it is kept. One per project, written once.
 */
@Repository
public class PurchaseArchive {

  /** At least 15 years (政府采购法第四十二条). */
  public static final int KEEP_YEARS = 15;

  private final JdbcClient jdbc;

  public PurchaseArchive(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record ArchiveRecord(String projectNumber, OffsetDateTime archivedAt, LocalDate keepUntil,
      String rootProcessInstanceId, String manifest) {
  }

  /** Archives the project unless it is archived; returns the record on file. */
  public ArchiveRecord archive(String projectNumber, String rootProcessInstanceId, String manifestJson) {
    OffsetDateTime now = ProcurementTime.now();
    jdbc.sql("""
            INSERT INTO purchase_archive (project_number, archived_at, keep_until, root_process_id, manifest)
            SELECT CAST(:project AS VARCHAR(32)), CAST(:at AS TIMESTAMP WITH TIME ZONE), CAST(:until AS DATE),
              CAST(:root AS VARCHAR(64)), CAST(:manifest AS TEXT) FROM (VALUES (1)) one
            WHERE NOT EXISTS (SELECT 1 FROM purchase_archive WHERE project_number = :project)""")
        .param("project", projectNumber).param("at", now).param("until", now.toLocalDate().plusYears(KEEP_YEARS))
        .param("root", rootProcessInstanceId).param("manifest", manifestJson).update();
    return find(projectNumber).orElseThrow();
  }

  public Optional<ArchiveRecord> find(String projectNumber) {
    return jdbc.sql("SELECT * FROM purchase_archive WHERE project_number = :project").param("project", projectNumber)
        .query((rs, row) -> new ArchiveRecord(rs.getString("project_number"),
            rs.getObject("archived_at", OffsetDateTime.class), rs.getObject("keep_until", LocalDate.class),
            rs.getString("root_process_id"), rs.getString("manifest")))
        .optional();
  }
}
