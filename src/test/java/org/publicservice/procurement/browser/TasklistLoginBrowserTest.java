package org.publicservice.procurement.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

class TasklistLoginBrowserTest extends BrowserTest {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  /** The demo data's administrator; created here the same way when the demo profile has not created it. */
  @BeforeEach
  void demoAdministrator() {
    if (identityService.createUserQuery().userId("admin").count() == 0) {
      var admin = identityService.newUser("admin");
      admin.setFirstName("系统");
      admin.setLastName("管理员");
      admin.setPassword("demo");
      identityService.saveUser(admin);
      if (identityService.createGroupQuery().groupId("camunda-admin").count() == 0) {
        var group = identityService.newGroup("camunda-admin");
        group.setName("系统管理员");
        group.setType("SYSTEM");
        identityService.saveGroup(group);
      }
      identityService.createMembership("admin", "camunda-admin");
      // the web applications let in only users with APPLICATION ACCESS, administrators included
      var access = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      access.setGroupId("camunda-admin");
      access.setResource(Resources.APPLICATION);
      access.setResourceId(Authorization.ANY);
      access.addPermission(Permissions.ALL);
      authorizationService.saveAuthorization(access);
    }
  }

  @Test
  void adminLogsIntoTasklist() {
    logIntoTasklist("admin", "demo");

    var admin = identityService.createUserQuery().userId("admin").singleResult();
    assertThat(driver.getTitle()).contains("Tasklist");
    assertThat(waitVisible(By.cssSelector("li.account .dropdown-toggle")).getText())
        .isEqualTo(admin.getFirstName() + " " + admin.getLastName());
    assertThat(waitVisible(By.cssSelector("li.start-process-action a")).getText()).contains("Start process");
    assertThat(driver.findElements(By.cssSelector("input[ng-model='username']"))).isEmpty();
  }
}
