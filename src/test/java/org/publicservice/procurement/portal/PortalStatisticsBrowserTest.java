package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.participation.CommentVariables;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;

/** A journalist reads the statistics charts; a resident on a phone comments on a procurement intention. */
class PortalStatisticsBrowserTest extends BrowserTest {

  @Autowired ProcessEngine engine;

  @Test
  void theChartsAreDrawnAndAResidentSendsAComment() {
    String service = "启东市困境儿童关爱服务" + UUID.randomUUID().toString().substring(0, 4);
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(service, 1_200_000));

    driver.get(url("/portal/statistics?year=" + ProcurementTime.today().getYear()));
    WebElement chart = waitVisible(By.cssSelector("#chart-category svg.bar-chart"));
    List<WebElement> bars = chart.findElements(By.cssSelector("rect"));
    assertThat(bars).isNotEmpty();
    // drawn, not just present: the widest bar has a real size on the screen
    double widest = bars.stream().mapToDouble(bar -> ((Number) ((JavascriptExecutor) driver)
        .executeScript("return arguments[0].getBoundingClientRect().width;", bar)).doubleValue()).max().orElse(0);
    assertThat(widest).isGreaterThan(100);
    assertThat(chart.getText()).contains("养老服务");
    assertThat(driver.findElement(By.cssSelector("#chart-days")).getText()).contains("统计口径");
    screenshot("desktop-statistics");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    waitVisible(By.cssSelector("#chart-department svg.bar-chart rect"));
    assertFitsTheScreen();
    screenshot("phone-statistics");

    driver.get(url("/portal/projects/" + projectNumber));
    WebElement text = waitVisible(By.id("comment-text"));
    assertThat(driver.findElement(By.id("comment-website")).isDisplayed()).isFalse();
    text.sendKeys("建议在服务内容中加入心理辅导，并每季度公开服务人次。");
    driver.findElement(By.id("comment-name")).sendKeys("周女士");
    driver.findElement(By.id("comment-email")).sendKeys("zhou@example.com");
    assertFitsTheScreen();
    click(driver.findElement(By.cssSelector(".comment-form button[type='submit']")));
    WebElement sent = waitVisible(By.cssSelector(".notice-ok"));
    assertThat(sent.getText()).contains("您的意见已送达采购单位");
    assertThat(driver.findElement(By.cssSelector(".comment-count")).getText()).contains("已有 1 条公众意见");
    assertThat(driver.getPageSource()).doesNotContain("周女士", "心理辅导", "zhou@example.com");
    assertFitsTheScreen();
    screenshot("phone-comment-sent");

    driver.get(url("/portal/organisations"));
    click(waitVisible(By.linkText("南通阳光养老服务中心")));
    waitText(By.cssSelector("h1"), "南通阳光养老服务中心");
    assertThat(driver.findElement(By.id("credit")).getText()).contains("信用记录");
    assertFitsTheScreen();
    screenshot("phone-organisation");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CommentVariables.PROCESS_KEY).processInstanceBusinessKey(projectNumber).count())
        .isEqualTo(1);
  }

  private void assertFitsTheScreen() {
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + driver.getCurrentUrl()).isZero();
  }
}
