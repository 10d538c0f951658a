package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.springframework.beans.factory.annotation.Autowired;

/** A resident on a phone finds a purchase from the portal's home page; the same pages on a desktop. */
class PortalBrowserTest extends BrowserTest {

  @Autowired ProcessEngine engine;

  @Test
  void residentSearchesAndOpensAProjectOnAPhoneAndOnADesktop() {
    String service = "崇川区社区老年食堂助餐服务" + UUID.randomUUID().toString().substring(0, 4);
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(service, 2_680_000));

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(url("/portal"));
    waitVisibleWithText(By.cssSelector(".intention"), service);
    assertFitsTheScreen();
    screenshot("phone-home");

    WebElement search = waitVisible(By.cssSelector("form.search input[name='q']"));
    search.sendKeys(service.substring(0, 13));
    click(driver.findElement(By.cssSelector("form.search button")));
    WebElement hit = waitVisibleWithText(By.cssSelector(".notice-list li"), service);
    assertThat(hit.getText()).contains("采购意向", "南通市民政局", projectNumber);
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(service.substring(0, 13));
    assertFitsTheScreen();
    screenshot("phone-search");

    click(hit.findElement(By.linkText(projectNumber)));
    WebElement plan = waitVisibleWithText(By.cssSelector(".plan"), "采购实施计划");
    assertThat(plan.getText()).contains(service, "养老服务", "南通市民政局", "2,680,000.00元", "竞争性磋商",
        "南通市崇川区");
    assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("采购意向", service);
    assertFitsTheScreen();
    screenshot("phone-project");

    click(driver.findElement(By.cssSelector(".timeline a")));
    WebElement content = waitVisible(By.cssSelector(".notice-content"));
    assertThat(content.getText()).contains("项目编号：" + projectNumber + "\n采购单位：南通市民政局");
    assertFitsTheScreen();
    screenshot("phone-notice");

    driver.manage().window().setSize(new Dimension(1400, 1000));
    driver.get(url("/portal/notices"));
    waitVisible(By.cssSelector("form.filters"));
    screenshot("desktop-list");
    driver.get(url("/portal/projects/" + projectNumber));
    waitVisibleWithText(By.cssSelector(".plan"), service);
    screenshot("desktop-project");
    driver.get(url("/portal"));
    waitVisibleWithText(By.cssSelector(".intention"), service);
    screenshot("desktop-home");
  }

  /** Nothing sticks out sideways: a phone reader never scrolls horizontally. */
  private void assertFitsTheScreen() {
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + driver.getCurrentUrl()).isZero();
  }
}
