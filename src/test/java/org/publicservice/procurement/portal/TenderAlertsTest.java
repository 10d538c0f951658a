package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.notification.MailDeliveries.mailsTo;
import static org.publicservice.procurement.notification.MailDeliveries.subject;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.alert.TenderAlertSubscriptions;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.planning.PurchasePlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tender alerts (issue 20): a supplier chooses on its portal page the categories and regions it serves, and a
 * published tender notice mails each confirmed follower once, with the notice and the bid page; nobody else.
 */
@ProcurementSpringTest
class TenderAlertsTest {

  static final String ALERTS = "/portal/bidder/alerts";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired ProcessEngine engine;
  @Autowired PurchasePlans plans;
  @Autowired JdbcClient jdbc;
  @Autowired TenderAlertSubscriptions subscriptions;
  @Autowired DisclosureRegister register;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @LocalServerPort int port;
  @Value("${procurement.demo.password}") String password;

  AlertSuppliers suppliers;

  @BeforeEach
  void setUp() {
    suppliers = new AlertSuppliers(engine.getIdentityService(), jdbc, password);
  }

  @AfterEach
  void resetClockAndAlerts() {
    ClockUtil.reset();
    AlertSuppliers.forgetChoices(jdbc);
  }

  @Test
  void aPublishedTenderMailsEachConfirmedFollowerOnceWithTheNoticeAndTheBidPage() throws Exception {
    String anyRegion = suppliers.register("南通启航社会工作服务社", true);
    String inRegion = suppliers.register("南通崇川社区服务中心", true);
    String otherRegion = suppliers.register("海门区邻里服务社", true);
    String otherCategory = suppliers.register("南通法援服务中心", true);
    String unconfirmed = suppliers.register("尚未确认的服务社", false);
    assertThat(choose(anyRegion, List.of("OTHER", "VOCATIONAL_TRAINING"), "").statusCode()).isEqualTo(302);
    assertThat(choose(inRegion, List.of("OTHER"), "崇川区、通州区").statusCode()).isEqualTo(302);
    assertThat(choose(otherRegion, List.of("OTHER"), "海门区").statusCode()).isEqualTo(302);
    assertThat(choose(otherCategory, List.of("CHILD_AND_YOUTH"), "").statusCode()).isEqualTo(302);
    // it cannot log in to choose; had it chosen before losing its confirmation, it still gets nothing
    subscriptions.choose(unconfirmed, List.of("OTHER"), List.of());

    String service = "崇川区社区心理疏导服务" + UUID.randomUUID().toString().substring(0, 4);
    String project = new OpenTenders(engine).openAfterPlan(service, 500_000, "OTHER", "南通市崇川区", plans);
    MailDeliveries mails = new MailDeliveries(engine);
    mails.deliver(project);

    long noticeId = register.findByProject(project).stream()
        .filter(n -> n.type() == NoticeType.TENDER_NOTICE).findFirst().orElseThrow().id();
    for (String follower : List.of(anyRegion, inRegion)) {
      List<MimeMessage> got = mailsTo(greenMail, AlertSuppliers.address(follower));
      assertThat(got).as(follower).hasSize(1);
      assertThat(subject(got.get(0))).contains("招标提醒", project, service);
      assertThat(got.get(0).getContent().toString()).contains("/portal/notices/" + noticeId,
          "/portal/bidder/tenders/" + project, "其他公共服务");
    }
    for (String nobody : List.of(otherRegion, otherCategory, unconfirmed)) {
      assertThat(mailsTo(greenMail, AlertSuppliers.address(nobody))).as(nobody).isEmpty();
    }

    // the same notice given again (a retried step) mails nobody a second time
    var notice = register.find(noticeId).orElseThrow();
    transactions.executeWithoutResult(status -> events.publishEvent(notice));
    mails.deliver(project);
    assertThat(mailsTo(greenMail, AlertSuppliers.address(anyRegion))).hasSize(1);
  }

  @Test
  void onlyTheSupplierItselfChangesItsChoiceAndBadInputIsRefusedInChinese() {
    String own = suppliers.register("南通自强助残服务社", true);
    String other = suppliers.register("南通同心助残服务社", true);
    subscriptions.choose(other, List.of("DISABILITY_SUPPORT"), List.of("海安市"));

    PortalClient client = loggedIn(own);
    assertThat(client.get(ALERTS).body()).contains("招标提醒", "养老服务", "value=\"ELDERLY_CARE\"");
    // the supplier is the session's: a field naming another supplier changes nothing of that supplier's
    HttpResponse<String> saved = client.submit(ALERTS, ALERTS,
        Map.of("category", "ELDERLY_CARE", "userId", other, "user_id", other, "regions", "崇川区"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(subscriptions.categories(own)).containsExactly("ELDERLY_CARE");
    assertThat(subscriptions.regions(own)).containsExactly("崇川区");
    assertThat(subscriptions.categories(other)).containsExactly("DISABILITY_SUPPORT");
    assertThat(subscriptions.regions(other)).containsExactly("海安市");
    assertThat(client.get(ALERTS).body()).contains("已保存", "崇川区");

    // a post without the session's token (another site's page) is refused before anything happens
    HttpResponse<String> forged = client.post(ALERTS, Map.of("category", "LEGAL_AID"));
    assertThat(forged.statusCode()).isEqualTo(403);

    // bad input: refused in Chinese, what was typed kept, nothing stored
    HttpResponse<String> unknown = client.submit(ALERTS, ALERTS, Map.of("category", "CASINO", "regions", "崇川区"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("没有这个服务类别");
    HttpResponse<String> badRegion = client.submit(ALERTS, ALERTS,
        Map.of("category", "LEGAL_AID", "regions", "崇川区、<script>"));
    assertThat(badRegion.statusCode()).isEqualTo(400);
    assertThat(badRegion.body()).contains("地区名称只能包含汉字、字母和数字").doesNotContain("<script>");
    HttpResponse<String> onlyRegion = client.submit(ALERTS, ALERTS, Map.of("regions", "通州区"));
    assertThat(onlyRegion.statusCode()).isEqualTo(400);
    assertThat(onlyRegion.body()).contains("请至少选择一个服务类别", "通州区");
    assertThat(subscriptions.categories(own)).containsExactly("ELDERLY_CARE");
    assertThat(subscriptions.regions(own)).containsExactly("崇川区");
    assertThat(subscriptions.categories(other)).containsExactly("DISABILITY_SUPPORT");

    // choosing nothing ends the alerts
    assertThat(client.submit(ALERTS, ALERTS, Map.of()).statusCode()).isEqualTo(302);
    assertThat(subscriptions.categories(own)).isEmpty();
  }

  private HttpResponse<String> choose(String supplier, List<String> categories, String regions) {
    PortalClient client = loggedIn(supplier);
    String page = client.get(ALERTS).body();
    List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
    form.add(Map.entry("_csrf", PortalClient.csrfTokenIn(page)));
    categories.forEach(c -> form.add(Map.entry("category", c)));
    form.add(Map.entry("regions", regions));
    return client.post(ALERTS, form);
  }

  private PortalClient loggedIn(String supplier) {
    PortalClient client = new PortalClient(port);
    assertThat(client.logIn(supplier, password).statusCode()).isEqualTo(302);
    return client;
  }
}
