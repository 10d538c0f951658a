package org.publicservice.procurement.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.notification.MailVariables;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.planning.ServiceCategory;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tender alerts (issue 20): when a call for bids is published (a tender, consultation or negotiation notice, a
 * single-source notice, or a clarification or amendment of one), every confirmed supplier that follows the
 * purchase plan's service category, and serves its region when it chose regions, gets one mail with links to the
 * notice and to the bid page. Suppliers learn of a tender without polling the portal; the mail repeats only what
 * the published notice makes public.
 *
 * <p>Runs inside {@link org.publicservice.procurement.disclosure.DisclosureRegister#publish}'s transaction (a
 * synchronous event): the mails are written to the outbox with the notice and sent after it commits; the event key
 * (the notice's id) makes each mail unique per supplier, so a retried step sends nothing twice.
 */
@Component
class TenderAlerts {

  static final String TEMPLATE = "tender-alert";
  /** The notices that call for bids or change a call (consultation and negotiation notices are TENDER_NOTICEs). */
  static final Set<NoticeType> CALLS =
      Set.of(NoticeType.TENDER_NOTICE, NoticeType.SINGLE_SOURCE_NOTICE, NoticeType.CLARIFICATION);

  private record Plan(String serviceName, String category, String region) {
  }

  private final TenderAlertSubscriptions subscriptions;
  private final Notifications notifications;
  private final PublicLinks links;
  private final JdbcClient jdbc;

  TenderAlerts(TenderAlertSubscriptions subscriptions, Notifications notifications, PublicLinks links,
      JdbcClient jdbc) {
    this.subscriptions = subscriptions;
    this.notifications = notifications;
    this.links = links;
    this.jdbc = jdbc;
  }

  @EventListener
  void published(DisclosureNotice notice) {
    if (!CALLS.contains(notice.type()) || notice.projectNumber() == null) {
      return;
    }
    Optional<Plan> plan = plan(notice.projectNumber());
    if (plan.isEmpty()) {
      return;
    }
    Map<String, Object> model = model(notice, plan.get());
    for (TenderAlertSubscriptions.Follower follower : subscriptions.followers(plan.get().category())) {
      if (serves(follower, plan.get().region())) {
        notifications.toUser(follower.userId(), TEMPLATE, TEMPLATE + ":" + notice.id(), model);
      }
    }
  }

  /** Regions are names: a supplier serves the plan's region when one names the other (崇川区 and 南通市崇川区). */
  static boolean serves(TenderAlertSubscriptions.Follower follower, String planRegion) {
    if (follower.regions().isEmpty()) {
      return true;
    }
    String region = planRegion == null ? "" : planRegion;
    return follower.regions().stream().anyMatch(chosen -> region.contains(chosen) || chosen.contains(region)
        && !region.isEmpty());
  }

  private Optional<Plan> plan(String projectNumber) {
    return jdbc.sql("SELECT service_name, service_category, region FROM purchase_plan WHERE project_number = :p")
        .param("p", projectNumber)
        .query((rs, row) -> new Plan(rs.getString("service_name"), rs.getString("service_category"),
            rs.getString("region")))
        .optional();
  }

  private Map<String, Object> model(DisclosureNotice notice, Plan plan) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(MailVariables.MODEL_PROJECT_NUMBER, notice.projectNumber());
    model.put(MailVariables.MODEL_SERVICE_NAME, plan.serviceName());
    model.put("noticeType", notice.type().label());
    model.put("noticeTitle", notice.title());
    model.put("serviceCategory", categoryLabel(plan.category()));
    model.put("region", plan.region());
    model.put("noticeLink", links.notice(notice.id()));
    model.put("bidLink", links.page("/portal/bidder/tenders/" + notice.projectNumber()));
    model.put("projectLink", links.project(notice.projectNumber()));
    model.put("alertsLink", links.page(TenderAlertController.PATH));
    return model;
  }

  private static String categoryLabel(String code) {
    for (ServiceCategory category : ServiceCategory.values()) {
      if (category.name().equals(code)) {
        return category.label();
      }
    }
    return code;
  }
}
