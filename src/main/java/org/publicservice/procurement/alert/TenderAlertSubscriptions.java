package org.publicservice.procurement.alert;

import java.util.Collection;
import java.util.List;
import org.publicservice.procurement.supplier.Suppliers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each supplier follows: service categories (the purchase plan's codes) and, optionally, the regions it serves
 * (tables of {@code V20_2__tender_alerts.sql}). Written only for the supplier whose login asks (see
 * {@link TenderAlertController}) and by the demo's set-up.
 */
@Repository
public class TenderAlertSubscriptions {

  /** A confirmed supplier that follows a category, with the regions it chose (empty: every region). */
  record Follower(String userId, List<String> regions) {
  }

  private final JdbcClient jdbc;

  public TenderAlertSubscriptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<String> categories(String userId) {
    return jdbc.sql("SELECT service_category FROM tender_alert_category WHERE user_id = :user"
        + " ORDER BY service_category").param("user", userId).query(String.class).list();
  }

  public List<String> regions(String userId) {
    return jdbc.sql("SELECT region FROM tender_alert_region WHERE user_id = :user ORDER BY region")
        .param("user", userId).query(String.class).list();
  }

  /** Replaces the supplier's choice with this one (an empty choice of categories ends its alerts). */
  @Transactional
  public void choose(String userId, Collection<String> categories, Collection<String> regions) {
    jdbc.sql("DELETE FROM tender_alert_category WHERE user_id = :user").param("user", userId).update();
    jdbc.sql("DELETE FROM tender_alert_region WHERE user_id = :user").param("user", userId).update();
    for (String category : categories) {
      jdbc.sql("INSERT INTO tender_alert_category (user_id, service_category) VALUES (:user, :category)")
          .param("user", userId).param("category", category).update();
    }
    for (String region : regions) {
      jdbc.sql("INSERT INTO tender_alert_region (user_id, region) VALUES (:user, :region)")
          .param("user", userId).param("region", region).update();
    }
  }

  /** Confirmed suppliers following the category; an unconfirmed registration never gets an alert. */
  List<Follower> followers(String category) {
    List<String> users = jdbc.sql("""
            SELECT a.user_id FROM tender_alert_category a JOIN supplier s ON s.user_id = a.user_id
            WHERE a.service_category = :category AND s.status = :confirmed ORDER BY a.user_id""")
        .param("category", category).param("confirmed", Suppliers.CONFIRMED).query(String.class).list();
    return users.stream().map(user -> new Follower(user, regions(user))).toList();
  }
}
