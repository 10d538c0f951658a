package org.publicservice.procurement.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

class TasklistLoginBrowserTest extends BrowserTest {

  @Autowired IdentityService identityService;

  @Test
  void demoAdministratorLogsIntoTasklist() {
    logIntoTasklist("admin", demoPassword);

    var admin = identityService.createUserQuery().userId("admin").singleResult();
    // the application's name (scripts/config.js), not the vendor's
    assertThat(driver.getTitle()).isEqualTo("政府购买公共服务 任务平台");
    assertThat(waitVisible(By.cssSelector("li.account .dropdown-toggle")).getText())
        .isEqualTo(admin.getFirstName() + " " + admin.getLastName());
    assertThat(waitVisible(By.cssSelector("li.start-process-action a")).getText()).contains("Start process");
    assertThat(driver.findElements(By.cssSelector("input[ng-model='username']"))).isEmpty();
    // the engine vendor's end-of-life notice is for operators (docs/production.md), not for officials
    assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty()
        .noneMatch(banner -> banner.isDisplayed());
  }
}
