package org.publicservice.procurement.portal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.supplier.Suppliers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registered suppliers of their own for the tender alert tests (so that no demo supplier's choice changes): a login
 * with the given password, a register row, confirmed (bidder-capable) or still waiting for its code.
 */
final class AlertSuppliers {

  private static final String PREFIX = "sup-al-";

  private final IdentityService identity;
  private final JdbcClient jdbc;
  private final String password;

  AlertSuppliers(IdentityService identity, JdbcClient jdbc, String password) {
    this.identity = identity;
    this.jdbc = jdbc;
    this.password = password;
  }

  /** A new supplier; its id, and its mail address is {@code <id>@alerts.test}. */
  String register(String name, boolean confirmed) {
    String id = PREFIX + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName(name);
    user.setLastName("");
    user.setEmail(address(id));
    user.setPassword(password);
    identity.saveUser(user);
    if (confirmed) {
      identity.createMembership(id, Groups.SOCIAL_ORGANISATION);
    }
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.sql("""
            INSERT INTO supplier (user_id, supplier_name, supplier_type, identifier, contact_person, contact_phone,
                email, status, failed_tries, registered_at, confirmed_at)
            VALUES (:id, :name, 'SOCIAL_ORGANISATION', :identifier, '联系人', '0513-85000000', :email, :status, 0,
                :now, :confirmedAt)""")
        .param("id", id).param("name", name).param("identifier", id.substring(PREFIX.length()) + "0000000000")
        .param("email", address(id)).param("status", confirmed ? Suppliers.CONFIRMED : Suppliers.PENDING)
        .param("now", now).param("confirmedAt", confirmed ? now : null).update();
    return id;
  }

  /**
   * Ends the alerts of every supplier these tests made, so that no other test's tender (in the shared database)
   * mails them.
   */
  static void forgetChoices(JdbcClient jdbc) {
    jdbc.sql("DELETE FROM tender_alert_category WHERE user_id LIKE :prefix").param("prefix", PREFIX + "%").update();
    jdbc.sql("DELETE FROM tender_alert_region WHERE user_id LIKE :prefix").param("prefix", PREFIX + "%").update();
  }

  static String address(String id) {
    return id + "@alerts.test";
  }
}
