package org.publicservice.procurement.supplier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The supplier register (table {@code supplier}): who a supplier is, as it registered itself. Other features ask it
 * a supplier's type and declared size ({@link #find}); the bid box asks it whether a supplier may bid where a tender
 * is reserved. A user of group social-org without a row (an account an administrator created by hand) is a
 * supplier of unknown type: it bids like any other, but no reservation or declaration can rely on it.
 */
@Repository
public class Suppliers {

  public static final String PENDING = "PENDING";
  public static final String CONFIRMED = "CONFIRMED";

  /** A registered supplier, as others may know it (the code fields stay in the register). */
  public record Supplier(String userId, String name, SupplierType type, String identifier,
      EnterpriseSize enterpriseSize, String contactPerson, String contactPhone, String email, String status,
      OffsetDateTime registeredAt, OffsetDateTime confirmedAt) {

    public boolean confirmed() {
      return CONFIRMED.equals(status);
    }

    /** The identifier as the public may see it: a credit code in full, an ID number masked. */
    public String publicIdentifier() {
      return type == SupplierType.NATURAL_PERSON ? CreditCode.masked(identifier) : identifier;
    }
  }

  /** The pending confirmation of a registration. */
  record PendingCode(String userId, String email, String codeHash, OffsetDateTime sentAt, OffsetDateTime expiresAt,
      int failedTries, String status) {
  }

  private final JdbcClient jdbc;

  public Suppliers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Supplier> find(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM supplier WHERE user_id = :user").param("user", userId)
        .query(Suppliers::supplier).optional();
  }

  public Optional<Supplier> findByIdentifier(String identifier) {
    return jdbc.sql("SELECT * FROM supplier WHERE identifier = :identifier").param("identifier", identifier)
        .query(Suppliers::supplier).optional();
  }

  /** Every confirmed supplier, by name. */
  public List<Supplier> confirmed() {
    return jdbc.sql("SELECT * FROM supplier WHERE status = :confirmed ORDER BY supplier_name, user_id")
        .param("confirmed", CONFIRMED).query(Suppliers::supplier).list();
  }

  void insert(Supplier supplier, String codeHash, OffsetDateTime sentAt, OffsetDateTime expiresAt) {
    jdbc.sql("""
            INSERT INTO supplier (user_id, supplier_name, supplier_type, identifier, enterprise_size, contact_person,
                contact_phone, email, status, code_hash, code_sent_at, code_expires_at, failed_tries, registered_at,
                confirmed_at)
            VALUES (:user, :name, :type, :identifier, :size, :contact, :phone, :email, :status, :hash, :sent,
                    :expires, 0, :registered, :confirmed)""")
        .param("user", supplier.userId()).param("name", supplier.name()).param("type", supplier.type().name())
        .param("identifier", supplier.identifier())
        .param("size", supplier.enterpriseSize() == null ? null : supplier.enterpriseSize().name())
        .param("contact", supplier.contactPerson()).param("phone", supplier.contactPhone())
        .param("email", supplier.email()).param("status", supplier.status()).param("hash", codeHash)
        .param("sent", sentAt).param("expires", expiresAt).param("registered", supplier.registeredAt())
        .param("confirmed", supplier.confirmedAt())
        .update();
  }

  /** Deletes a registration that was never confirmed (its code expired), so that the supplier may start again. */
  void deletePending(String userId) {
    jdbc.sql("DELETE FROM supplier WHERE user_id = :user AND status = :pending").param("user", userId)
        .param("pending", PENDING).update();
  }

  Optional<PendingCode> codeOf(String userId) {
    return jdbc.sql("SELECT * FROM supplier WHERE user_id = :user FOR UPDATE").param("user", userId)
        .query((rs, row) -> new PendingCode(rs.getString("user_id"), rs.getString("email"), rs.getString("code_hash"),
            rs.getObject("code_sent_at", OffsetDateTime.class), rs.getObject("code_expires_at", OffsetDateTime.class),
            rs.getInt("failed_tries"), rs.getString("status")))
        .optional();
  }

  void newCode(String userId, String codeHash, OffsetDateTime sentAt, OffsetDateTime expiresAt) {
    jdbc.sql("""
            UPDATE supplier SET code_hash = :hash, code_sent_at = :sent, code_expires_at = :expires, failed_tries = 0
            WHERE user_id = :user AND status = :pending""")
        .param("hash", codeHash).param("sent", sentAt).param("expires", expiresAt).param("user", userId)
        .param("pending", PENDING).update();
  }

  void failedTry(String userId) {
    jdbc.sql("UPDATE supplier SET failed_tries = failed_tries + 1 WHERE user_id = :user").param("user", userId)
        .update();
  }

  void markConfirmed(String userId, OffsetDateTime at) {
    jdbc.sql("""
            UPDATE supplier SET status = :confirmed, confirmed_at = :at, code_hash = NULL, code_expires_at = NULL
            WHERE user_id = :user AND status = :pending""")
        .param("confirmed", CONFIRMED).param("at", at).param("user", userId).param("pending", PENDING).update();
  }

  private static Supplier supplier(ResultSet rs, int row) throws SQLException {
    return new Supplier(rs.getString("user_id"), rs.getString("supplier_name"),
        SupplierType.valueOf(rs.getString("supplier_type")), rs.getString("identifier"),
        EnterpriseSize.parse(rs.getString("enterprise_size")), rs.getString("contact_person"),
        rs.getString("contact_phone"), rs.getString("email"), rs.getString("status"),
        rs.getObject("registered_at", OffsetDateTime.class), rs.getObject("confirmed_at", OffsetDateTime.class));
  }
}
