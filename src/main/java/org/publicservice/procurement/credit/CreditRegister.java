package org.publicservice.procurement.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The credit register (table credit_record, Flyway V8). Writes join the caller's transaction, so a record added by
 * a process step is rolled back with it.
 */
@Repository
public class CreditRegister {

  private static final String COLUMNS = "id, organisation_user_id, organisation_name, listing, effect, source, "
      + "reason, valid_from, valid_until, project_number, recorded_by, recorded_at";

  private final JdbcTemplate jdbc;

  public CreditRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public CreditRecord add(NewCreditRecord record) {
    Objects.requireNonNull(record.organisationUserId(), "organisationUserId");
    Objects.requireNonNull(record.listing(), "listing");
    Objects.requireNonNull(record.effect(), "effect");
    Objects.requireNonNull(record.validFrom(), "validFrom");
    if (record.validUntil() != null && record.validUntil().isBefore(record.validFrom())) {
      throw new IllegalArgumentException("validUntil before validFrom");
    }
    OffsetDateTime now = ProcurementTime.now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var ps = connection.prepareStatement("INSERT INTO credit_record (organisation_user_id, organisation_name, "
          + "listing, effect, source, reason, valid_from, valid_until, project_number, recorded_by, recorded_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, record.organisationUserId());
      ps.setString(2, record.organisationName());
      ps.setString(3, record.listing().name());
      ps.setString(4, record.effect().name());
      ps.setString(5, record.source());
      ps.setString(6, record.reason());
      ps.setObject(7, record.validFrom());
      ps.setObject(8, record.validUntil());
      ps.setString(9, record.projectNumber());
      ps.setString(10, record.recordedBy());
      ps.setObject(11, now);
      return ps;
    }, key);
    long id = key.getKey().longValue();
    return find(id).orElseThrow();
  }

  /** The records that apply to the organisation on that day: in their validity period and not revoked. */
  public List<CreditRecord> activeRecordsOf(String organisationUserId, LocalDate onDay) {
    return jdbc.query("SELECT " + COLUMNS + " FROM credit_record WHERE organisation_user_id = ? "
        + "AND revoked_at IS NULL AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?) ORDER BY id",
        CreditRegister::map, organisationUserId, onDay, onDay);
  }

  /**
   * The register as it stood at {@code instant}: the records already entered then, not revoked by then, and in their
   * validity period on that day. Records are never deleted (a mistaken one is revoked), so a check made for a past
   * moment gives the same answer whenever it is repeated (财库〔2016〕125号: the check covers a point between the
   * notice and the bid deadline, and is kept with the file).
   */
  public List<CreditRecord> recordsInForceAt(String organisationUserId, OffsetDateTime instant) {
    LocalDate day = instant.atZoneSameInstant(ProcurementTime.ZONE).toLocalDate();
    return jdbc.query("SELECT " + COLUMNS + " FROM credit_record WHERE organisation_user_id = ? "
        + "AND recorded_at <= ? AND (revoked_at IS NULL OR revoked_at > ?) "
        + "AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?) ORDER BY id",
        CreditRegister::map, organisationUserId, instant, instant, day, day);
  }

  /** Every record of the organisation that was not revoked, also expired ones, newest first. */
  public List<CreditRecord> recordsOf(String organisationUserId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM credit_record WHERE organisation_user_id = ? "
        + "AND revoked_at IS NULL ORDER BY id DESC",
        CreditRegister::map, organisationUserId);
  }

  public Optional<CreditRecord> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM credit_record WHERE id = ? AND revoked_at IS NULL",
        CreditRegister::map, id).stream()
        .findFirst();
  }

  /** Ends a record early: it applies up to and including {@code lastDay}. */
  public void end(long id, LocalDate lastDay) {
    jdbc.update("UPDATE credit_record SET valid_until = ? WHERE id = ? AND revoked_at IS NULL", lastDay, id);
  }

  /** Revokes a record entered in error; it stays in the table so that earlier checks remain explainable. */
  public void revoke(long id, String revokedBy, String reason) {
    jdbc.update("UPDATE credit_record SET revoked_at = ?, revoked_by = ?, revocation_reason = ? "
        + "WHERE id = ? AND revoked_at IS NULL",
        ProcurementTime.now(), revokedBy, reason, id);
  }


  private static CreditRecord map(ResultSet rs, int row) throws SQLException {
    return new CreditRecord(rs.getLong("id"), rs.getString("organisation_user_id"),
        rs.getString("organisation_name"), CreditListing.valueOf(rs.getString("listing")),
        CreditEffect.valueOf(rs.getString("effect")), rs.getString("source"), rs.getString("reason"),
        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
        rs.getString("project_number"), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class));
  }
}
