package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.notification.MailDeliveries.mailsTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.alert.TenderAlertSubscriptions;
import org.publicservice.procurement.browser.Axe;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.planning.PurchasePlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tender alerts in Chromium (zh-CN, issue 20): a registered supplier opens 招标提醒 from 我的投标, ticks a service
 * category and names its region, and the next tender of that category and region arrives as a mail with the
 * notice and the bid page. axe-core finds no violation on the page, before and after a refused entry.
 */
class TenderAlertBrowserTest extends BrowserTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired ProcessEngine engine;
  @Autowired PurchasePlans plans;
  @Autowired JdbcClient jdbc;
  @Autowired TenderAlertSubscriptions subscriptions;

  @AfterEach
  void resetClockAndAlerts() {
    ClockUtil.reset();
    AlertSuppliers.forgetChoices(jdbc);
  }

  @Override
  protected String browserLanguage() {
    return "zh-CN";
  }

  @Test
  void aSupplierFollowsACategoryAndTheNextTenderOfItIsMailed() throws Exception {
    String supplier = new AlertSuppliers(engine.getIdentityService(), jdbc, demoPassword)
        .register("南通益众职业培训学校", true);
    driver.get(url("/portal/login?next=/portal/bidder"));
    waitVisible(By.id("username")).sendKeys(supplier);
    driver.findElement(By.id("password")).sendKeys(demoPassword);
    click(driver.findElement(By.cssSelector("form.stacked button[type='submit']")));
    click(waitVisible(By.cssSelector("a.alerts-link")));
    waitVisible(By.cssSelector("form.alert-form"));
    assertThat(Axe.violations(driver)).as("axe-core on 招标提醒").isEmpty();

    // a region with a stray character is refused in Chinese; the ticked box and the text stay
    click(driver.findElement(By.id("category-VOCATIONAL_TRAINING")));
    driver.findElement(By.id("regions")).sendKeys("崇川区、<海门>");
    click(driver.findElement(By.cssSelector("button.save-alerts")));
    waitText(By.cssSelector(".alert-error"), "地区名称只能包含汉字、字母和数字");
    assertThat(driver.findElement(By.id("category-VOCATIONAL_TRAINING")).isSelected()).isTrue();
    assertThat(Axe.violations(driver)).as("axe-core on the refused entry").isEmpty();
    assertThat(subscriptions.categories(supplier)).isEmpty();

    driver.findElement(By.id("regions")).clear();
    driver.findElement(By.id("regions")).sendKeys("崇川区");
    click(driver.findElement(By.cssSelector("button.save-alerts")));
    waitText(By.cssSelector("p.notice-ok"), "已保存");
    assertThat(subscriptions.categories(supplier)).containsExactly("VOCATIONAL_TRAINING");
    assertThat(subscriptions.regions(supplier)).containsExactly("崇川区");

    String service = "崇川区失业人员技能培训" + UUID.randomUUID().toString().substring(0, 4);
    String project = new OpenTenders(engine).openAfterPlan(service, 900_000, "VOCATIONAL_TRAINING", "南通市崇川区",
        plans);
    new MailDeliveries(engine).deliver(project);
    List<MimeMessage> mails = mailsTo(greenMail, AlertSuppliers.address(supplier));
    assertThat(mails).hasSize(1);
    String body = mails.get(0).getContent().toString();
    assertThat(body).contains(service, "职业技能培训", "/portal/bidder/tenders/" + project, "/portal/notices/");

    // the link in the mail opens the bid page for the logged-in supplier
    String bidLink = body.lines().filter(l -> l.contains("/portal/bidder/tenders/")).findFirst().orElseThrow();
    driver.get(url(bidLink.substring(bidLink.indexOf("/portal/"))));
    waitVisible(By.cssSelector("form.bid-form"));
  }
}
