package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.tender.BidBox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A social organisation bids the way the README says: on the public portal it logs in as its organisation, opens
 * the tender under 我的投标, submits its bid, reads its receipt and replaces the bid before the deadline; a losing
 * bidder challenges, reads the reply and complains to finance (docs/remedies.md).
 */
class BidderPortalBrowserTest extends BrowserTest {

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Override
  protected String browserLanguage() {
    return "zh-CN";
  }

  @Test
  void organisationLogsInSubmitsSeesItsReceiptAndReplacesItsBid() {
    String service = "启东市居家养老上门服务" + UUID.randomUUID().toString().substring(0, 4);
    String projectNumber = new OpenTenders(engine).open(service, 1_500_000);

    logIn("org-yangguang");

    WebElement card = waitVisibleWithText(By.cssSelector(".tender-call"), service);
    assertThat(card.getText()).contains(projectNumber, "南通市民政局", "1,500,000.00元", "公开招标", "未投标");
    assertThat(driver.findElement(By.cssSelector(".account-name")).getText()).isEqualTo("南通阳光养老服务中心");
    screenshot("my-bids");
    click(card.findElement(By.linkText(service)));

    waitVisible(By.cssSelector("form.bid-form"));
    fill("price", "1,380,000");
    fill("servicePlan", "为全市失能半失能老人提供每周三次上门助浴、助洁服务。\n建立服务档案，每月回访。");
    fill("team", "项目主管1名、持证护理员12名、社工2名。");
    fill("qualifications", "民办非企业单位登记证书\n2025年度检查合格\n信用承诺书");
    screenshot("bid-form");
    click(driver.findElement(By.cssSelector("form.bid-form button[type='submit']")));

    WebElement done = waitVisible(By.cssSelector(".notice-ok"));
    String firstCode = bidBox.receiptOf(projectNumber, "org-yangguang").orElseThrow().receiptCode();
    assertThat(done.getText()).startsWith("投标已提交。回执编号 " + firstCode);
    assertThat(driver.findElement(By.cssSelector(".receipt .receipt-code")).getText()).isEqualTo(firstCode);
    assertThat(driver.findElement(By.cssSelector(".receipt .receipt-time")).getText()).contains("北京时间");
    assertThat(driver.findElement(By.id("price")).getAttribute("value")).isEqualTo("1380000.00");
    assertThat(driver.findElement(By.id("team")).getAttribute("value")).isEqualTo("项目主管1名、持证护理员12名、社工2名。");
    screenshot("receipt");

    fill("price", "1350000");
    click(driver.findElement(By.cssSelector("form.bid-form button[type='submit']")));
    waitText(By.cssSelector(".notice-ok"), "投标已替换");
    String secondCode = bidBox.receiptOf(projectNumber, "org-yangguang").orElseThrow().receiptCode();
    assertThat(secondCode).isNotEqualTo(firstCode);
    assertThat(driver.findElement(By.cssSelector(".receipt .receipt-code")).getText()).isEqualTo(secondCode);
    assertThat(driver.findElement(By.id("price")).getAttribute("value")).isEqualTo("1350000.00");
    assertThat(bidBox.countBids(projectNumber)).isEqualTo(1);
    screenshot("replaced");

    // organisations bid from a phone too: the form fits the screen
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    waitVisible(By.cssSelector("form.bid-form"));
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone").isZero();
    screenshot("phone");
    driver.manage().window().setSize(new Dimension(1400, 1000));

    click(driver.findElement(By.cssSelector(".site-header .account button")));
    waitVisible(By.linkText("供应商登录"));
    driver.get(url("/portal/bidder/tenders/" + projectNumber));
    waitVisible(By.id("username"));
  }

  @Test
  void aLosingBidderChallengesTheProcedureReadsTheReplyAndComplainsToFinance() {
    AwardedProjects awards = new AwardedProjects(engine);
    String projectNumber = awards.awarded();
    logIn(AwardedProjects.SECOND);
    waitVisible(By.cssSelector(".account-name"));

    driver.get(url("/portal/bidder/challenges?project=" + projectNumber));
    waitVisible(By.cssSelector("form.challenge-form"));
    assertThat(driver.findElement(By.cssSelector(".own-result")).getText()).contains("第2名（共3家）");
    click(driver.findElement(By.cssSelector("form.challenge-form input[name='subject'][value='PROCESS']")));
    fill("grounds", "评审委员会未按招标文件核实中标供应商的同类业绩。");
    screenshot("challenge-form");
    click(driver.findElement(By.cssSelector("form.challenge-form button[type='submit']")));

    waitText(By.cssSelector(".notice-ok"), "质疑已提交");
    WebElement filed = waitVisible(By.cssSelector(".own-challenges .challenge"));
    assertThat(filed.getText()).contains("采购过程", "待答复", "评审委员会未按招标文件核实中标供应商的同类业绩。");

    awards.reject(projectNumber, "经核查，中标供应商业绩真实有效。");
    driver.navigate().refresh();
    assertThat(waitVisible(By.cssSelector(".own-challenges .challenge")).getText()).contains("质疑不成立",
        "经核查，中标供应商业绩真实有效。");

    fill("complaint-grounds", "采购单位未说明核实方法，请求财政部门调查。");
    click(driver.findElement(By.cssSelector("form.complaint-form button[type='submit']")));
    waitText(By.cssSelector(".notice-ok"), "投诉已提交财政部门");
    assertThat(waitVisible(By.cssSelector(".own-complaints .complaint")).getText()).contains("财政部门审查中",
        "采购单位未说明核实方法");
    screenshot("complaint-filed");
  }

  private void logIn(String organisation) {
    driver.get(url("/portal"));
    click(waitVisible(By.linkText("供应商登录")));
    waitVisible(By.id("username")).sendKeys(organisation);
    driver.findElement(By.id("password")).sendKeys(demoPassword);
    screenshot("login");
    click(driver.findElement(By.cssSelector("form.stacked button[type='submit']")));
  }

  private void fill(String id, String text) {
    WebElement field = waitVisible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
