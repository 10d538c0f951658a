package org.publicservice.procurement.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.planning.PlanningVariables.PROCESS_KEY;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supervisor finds purchases in Cockpit (监控平台, in Chinese) by project number and service name (the 采购项目
 * plugin tab, times in Beijing time) and is offered only what she may do: no cancel, suspend or variable changes,
 * but retrying failed jobs (the mails). Admin (管理平台) is Chinese too.
 */
class CockpitProjectsBrowserTest extends BrowserTest {

  static final String SUPERVISOR = "jiandu";
  /** What Cockpit shows for a label missing from the language file: its key, such as PLGN_BATCH_ID. */
  private static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Autowired HistoryService historyService;

  @Override
  protected String browserLanguage() {
    return "zh-CN";
  }

  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;

  @Test
  void supervisorSeesEachPurchaseByProjectNumberAndServiceName() {
    String serviceName = "港闸区社区助残服务（监督）";
    ProcessInstance purchase = fileAsCivilAffairs(PurchaseRequests.elderlyCare(2_345_678)
        .putValue(PlanningVariables.SERVICE_NAME, serviceName));
    String definitionId = purchase.getProcessDefinitionId();

    logIntoCockpit(SUPERVISOR, demoPassword);
    waitText(By.cssSelector(".navbar-brand, [cam-widget-header]"), "监控平台");
    waitText(By.cssSelector("body"), "运行中的流程实例");
    assertThat(bodyText()).contains("流程", "决策", "人工任务").doesNotContainPattern(RAW_KEY)
        .doesNotContain("Processes", "Decisions", "Running Process Instances");
    screenshot("supervisor");

    driver.get(url("/camunda/app/cockpit/default/#/process-definition/" + definitionId
        + "/runtime?tab=purchaseProjects"));
    WebElement row = waitVisibleWithText(By.cssSelector("table tbody tr"), purchase.getBusinessKey());
    // the start in Beijing time, whatever the zone of the server and of the browser (UTC here)
    String started = MINUTE.format(historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(purchase.getId()).singleResult().getStartTime().toInstant().atZone(ProcurementTime.ZONE));
    assertThat(row.getText()).contains(serviceName, "南通市民政局", "2,345,678.00 元", "竞争性磋商", started, "进行中");
    assertThat(bodyText()).contains("发起时间（北京时间）").doesNotContainPattern(RAW_KEY);

    click(row.findElement(By.linkText(purchase.getBusinessKey())));
    waitUntil(d -> d.getCurrentUrl().contains("/process-instance/" + purchase.getId()));
    driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + purchase.getId()
        + "/runtime?tab=purchaseProject"));
    WebElement summary = waitVisibleWithText(By.cssSelector("dl"), serviceName);
    assertThat(summary.getText()).contains(purchase.getBusinessKey(), "南通市民政局");
    // a supervisor may retry failed mails and change nothing
    waitUntil(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("procurement-read-only"));
    assertThat(visibleToolbarIcons()).as("actions on a purchase").isEmpty();
    assertThat(driver.findElements(By.cssSelector("[ng-click^='enableEditMode'], [ng-click^='deleteVariable']")))
        .noneMatch(WebElement::isDisplayed);
    screenshot("cockpit-project-summary");
  }

  @Test
  void adminIsChinese() {
    driver.get(url("/camunda/app/admin/default/"));
    waitText(By.cssSelector("form[name='signinForm'] button[type='submit']"), "登录");
    WebElement username = waitVisible(By.cssSelector("input[ng-model='username']"));
    username.sendKeys("admin");
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(demoPassword);
    click(driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
    waitGone(By.cssSelector("form[name='signinForm']"));
    driver.get(url("/camunda/app/admin/default/#/users"));
    waitText(By.cssSelector("body"), "用户列表");
    assertThat(driver.getTitle()).startsWith("政府购买公共服务 管理平台");
    assertThat(bodyText()).contains("用户", "组", "权限").doesNotContainPattern(RAW_KEY)
        .doesNotContain("Users", "Groups", "Authorizations");
    screenshot("admin");
  }

  private List<String> visibleToolbarIcons() {
    return driver.findElements(By.cssSelector(".ctn-toolbar a.btn-toolbar")).stream().filter(WebElement::isDisplayed)
        .map(button -> button.findElement(By.cssSelector(".glyphicon")).getAttribute("class")
            .replace("glyphicon ", "").trim())
        .toList();
  }

  private String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  private void logIntoCockpit(String userId, String password) {
    driver.get(url("/camunda/app/cockpit/default/"));
    WebElement username = waitVisible(By.cssSelector("input[ng-model='username']"));
    username.sendKeys(userId);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    click(driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
    // the header shows on the login page too: logged in is when the login form has gone
    waitGone(By.cssSelector("form[name='signinForm']"));
  }

  private ProcessInstance fileAsCivilAffairs(org.camunda.bpm.engine.variable.VariableMap request) {
    identityService.setAuthentication("minzheng", java.util.List.of(Groups.PURCHASER, Groups.DEPT_CIVIL_AFFAIRS));
    try {
      return formService.submitStartForm(repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId(), request);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
