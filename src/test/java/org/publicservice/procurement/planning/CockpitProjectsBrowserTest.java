package org.publicservice.procurement.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.planning.PlanningVariables.PROCESS_KEY;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;

/** A supervisor finds purchases in Cockpit by project number and service name (the 采购项目 plugin tab). */
class CockpitProjectsBrowserTest extends BrowserTest {

  static final String SUPERVISOR = "jiandu";

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
    driver.get(url("/camunda/app/cockpit/default/#/process-definition/" + definitionId
        + "/runtime?tab=purchaseProjects"));
    WebElement row = waitVisibleWithText(By.cssSelector("table tbody tr"), purchase.getBusinessKey());
    assertThat(row.getText()).contains(serviceName, "南通市民政局", "2,345,678.00 元", "竞争性磋商", "进行中");

    click(row.findElement(By.linkText(purchase.getBusinessKey())));
    waitUntil(d -> d.getCurrentUrl().contains("/process-instance/" + purchase.getId()));
    driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + purchase.getId()
        + "/runtime?tab=purchaseProject"));
    WebElement summary = waitVisibleWithText(By.cssSelector("dl"), serviceName);
    assertThat(summary.getText()).contains(purchase.getBusinessKey(), "南通市民政局");
    screenshot("cockpit-project-summary");
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
