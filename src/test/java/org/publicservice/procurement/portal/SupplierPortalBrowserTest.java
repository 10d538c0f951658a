package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.Axe;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.planning.PurchasePlans;
import org.publicservice.procurement.tender.BidBox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supplier never loses a bid on the portal (issue 20), walked through in Chromium (zh-CN) as an organisation
 * would: an empty submit lists every missing field at once, each tied to its field; a saved draft survives a
 * logout; a login that expired while it typed brings it back to its filled form; a withdrawal is confirmed first
 * and its content is offered back; the category feed lists the tender. axe-core finds no violation on any portal
 * page, on a desktop and on a phone.
 */
class SupplierPortalBrowserTest extends BrowserTest {

  private static final String ORG = "org-yangguang";

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired PurchasePlans plans;

  /** Page (path or description) → axe violations found there. */
  private final Map<String, List<String>> violations = new LinkedHashMap<>();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Override
  protected String browserLanguage() {
    return "zh-CN";
  }

  @Test
  void noBidIsLostToAClickOrATimeoutAndEveryPortalPageIsAccessible() {
    String service = "崇川区困境儿童关爱服务" + UUID.randomUUID().toString().substring(0, 4);
    String project = new OpenTenders(engine).openPlanned(service, 900_000, plans);
    String tenderPage = "/portal/bidder/tenders/" + project;

    // the public pages link the tender to its bid page; the feed of the category lists it
    driver.get(url("/portal/projects/" + project));
    axe("project page");
    click(waitVisible(By.cssSelector(".bid-link a")));
    waitVisible(By.id("username"));
    axe("login page");
    driver.get(url("/portal/notices"));
    axe("notice list");
    String feed = (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);",
        waitVisible(By.linkText("养老服务（Atom）")).getAttribute("href"));
    assertThat(feed).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "【招标公告】", service,
        "/portal/projects/" + project);

    logIn(ORG, tenderPage);
    waitVisible(By.cssSelector("form.bid-form"));
    assertThat(driver.findElement(By.cssSelector(".tender-terms")).getText())
        .contains("招标公告", "综合评分法", "价格分：30分", "服务方案：40分", "项目团队：20分", "同类服务业绩：10分");
    for (String field : List.of("price", "servicePlan", "team", "qualifications")) {
      assertThat(driver.findElement(By.cssSelector("label[for='" + field + "']")).getText()).endsWith("*");
      assertThat(driver.findElement(By.id(field)).getAttribute("required")).isNotNull();
    }
    axe("bid page");

    // an empty submit: every missing field at once, next to it and tied to it
    click(driver.findElement(By.cssSelector("button.submit-bid")));
    WebElement summary = waitVisible(By.cssSelector(".error-summary"));
    assertThat(summary.getText()).contains("以下4处需要修改", "请填写报价（元）。", "请填写服务方案。", "请填写项目团队。",
        "请填写资格证明材料。");
    for (String field : List.of("price", "servicePlan", "team", "qualifications")) {
      WebElement input = driver.findElement(By.id(field));
      assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
      assertThat(input.getAttribute("aria-describedby")).as(field).contains(field + "-error");
      assertThat(driver.findElement(By.id(field + "-error")).getText()).startsWith("请填写");
    }
    axe("bid page with every field refused");
    click(summary.findElement(By.linkText("请填写项目团队。")));
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("team");

    // a draft: saved, survives a logout, shown to its organisation only
    fill("price", "880000");
    fill("servicePlan", "为困境儿童建立一人一档，每月入户探访两次。");
    fill("team", "社工3名、心理咨询师1名。");
    click(driver.findElement(By.cssSelector("button.save-draft")));
    assertThat(waitVisible(By.cssSelector(".notice-ok")).getText()).contains("草稿已于", "仅贵机构可见", "尚未投标");
    assertThat(bidBox.receiptOf(project, ORG)).isEmpty();
    click(driver.findElement(By.cssSelector(".site-header .account button")));
    waitVisible(By.cssSelector(".site-header .login-link"));
    logIn(ORG, tenderPage);
    assertThat(waitVisible(By.cssSelector(".form-source")).getText()).contains("保存的草稿");
    assertThat(value("servicePlan")).isEqualTo("为困境儿童建立一人一档，每月入户探访两次。");
    assertThat(value("qualifications")).isEmpty();

    // the login expires while the organisation types: what it typed waits for it behind the login
    fill("qualifications", "民办非企业单位登记证书\n信用承诺书");
    fill("price", "870000");
    driver.manage().deleteCookieNamed("JSESSIONID");
    click(driver.findElement(By.cssSelector("button.submit-bid")));
    assertThat(waitVisible(By.cssSelector(".kept-form")).getText()).contains("登录已超时", "已密封保存为草稿");
    axe("login page after an expired login");
    waitVisible(By.id("username")).sendKeys(ORG);
    driver.findElement(By.id("password")).sendKeys(demoPassword, Keys.ENTER);
    waitVisible(By.cssSelector("form.bid-form"));
    assertThat(value("price")).isEqualTo("870000");
    assertThat(value("qualifications")).isEqualTo("民办非企业单位登记证书\n信用承诺书");
    assertThat(bidBox.receiptOf(project, ORG)).as("nothing was submitted for it").isEmpty();
    click(driver.findElement(By.cssSelector("button.submit-bid")));
    assertThat(waitVisible(By.cssSelector(".notice-ok")).getText()).startsWith("投标已提交。");
    assertThat(bidBox.draft(project, ORG)).as("the submitted draft is destroyed").isEmpty();
    axe("bid page with a receipt");

    // withdrawing asks first; the withdrawn content comes back into the form
    click(driver.findElement(By.cssSelector(".withdraw-link")));
    assertThat(waitVisible(By.cssSelector(".withdraw-confirm")).getText()).contains("确认撤回投标", "仅贵机构可见");
    axe("withdrawal confirmation");
    click(driver.findElement(By.linkText("不撤回，返回")));
    waitVisible(By.cssSelector(".receipt"));
    assertThat(bidBox.receiptOf(project, ORG)).isPresent();
    click(driver.findElement(By.cssSelector(".withdraw-link")));
    click(waitVisible(By.cssSelector("button.confirm-withdraw")));
    assertThat(waitVisible(By.cssSelector(".notice-ok")).getText()).contains("投标已撤回");
    assertThat(bidBox.receiptOf(project, ORG)).isEmpty();
    assertThat(driver.findElements(By.cssSelector(".receipt"))).isEmpty();
    assertThat(value("team")).isEqualTo("社工3名、心理咨询师1名。");
    assertThat(value("price")).isEqualTo("870000.00");
    click(driver.findElement(By.cssSelector("button.submit-bid")));
    assertThat(waitVisible(By.cssSelector(".notice-ok")).getText()).startsWith("投标已提交。");
    assertThat(bidBox.ownBid(project, ORG).orElseThrow().qualifications()).isEqualToNormalizingNewlines("民办非企业单位登记证书\n信用承诺书");

    // the skip link is the first stop of the keyboard
    driver.get(url(tenderPage));
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(driver.switchTo().activeElement().getText()).isEqualTo("跳到主要内容");

    // every other page of the portal, logged in
    for (String path : List.of("/portal", "/portal/notices/" + firstNoticeId(project), "/portal/projects",
        "/portal/ratings", "/portal/organisations", "/portal/organisations/" + ORG, "/portal/statistics",
        "/portal/bidder", "/portal/bidder/final-offers", "/portal/bidder/price-explanations",
        "/portal/bidder/challenges", "/portal/notices/999999999")) {
      driver.get(url(path));
      waitVisible(By.tagName("main"));
      axe(path);
    }

    // and on a phone
    driver.manage().window().setSize(new Dimension(390, 844));
    for (String path : List.of(tenderPage, "/portal/bidder/tenders/" + project + "/withdraw", "/portal",
        "/portal/projects/" + project)) {
      driver.get(url(path));
      waitVisible(By.tagName("main"));
      Object overflow = ((JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone: " + path).isZero();
      axe("phone " + path);
    }
    screenshot("phone-bid-page");

    assertThat(violations).as("axe-core violations by page").allSatisfy((page, found) ->
        assertThat(found).as(page).isEmpty());
  }

  private void axe(String page) {
    List<String> found = new ArrayList<>(Axe.violations(driver));
    violations.put(page, found);
  }

  private long firstNoticeId(String project) {
    driver.get(url("/portal/projects/" + project));
    String link = waitVisible(By.cssSelector("a[href*='/portal/notices/']")).getAttribute("href");
    return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
  }

  private void logIn(String organisation, String next) {
    driver.get(url("/portal/login?next=" + next));
    waitVisible(By.id("username")).sendKeys(organisation);
    driver.findElement(By.id("password")).sendKeys(demoPassword);
    click(driver.findElement(By.cssSelector("form.stacked button[type='submit']")));
  }

  private String value(String id) {
    return waitVisible(By.id(id)).getAttribute("value");
  }

  private void fill(String id, String text) {
    WebElement field = waitVisible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
