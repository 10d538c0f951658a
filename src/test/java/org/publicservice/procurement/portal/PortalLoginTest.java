package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.security.LoginThrottle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The organisations' login on the portal over real HTTP, as a browser uses it: session cookie, the token of the
 * page's form, redirects. Wrong passwords are tried on accounts made for the test, because the engine delays an
 * account's next login after a wrong password.
 */
@ProcurementSpringTest
class PortalLoginTest {

  static final String ORGANISATION = "org-xinyu";
  static final String ORGANISATION_NAME = "南通心语社会工作服务社";

  @Autowired IdentityService identity;
  @LocalServerPort int port;
  @Value("${procurement.demo.password}") String demoPassword;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void organisationLogsInUnderANewSessionIdAndLogsOut() {
    PortalClient browser = new PortalClient(port);
    HttpResponse<String> loginPage = browser.get("/portal/login");
    assertThat(loginPage.statusCode()).isEqualTo(200);
    assertThat(loginPage.body()).contains("供应商登录", "登录账号", "密码", "供应商注册", "name=\"_csrf\"");
    assertThat(loginPage.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly");
    String before = browser.sessionId().orElseThrow();

    HttpResponse<String> login = browser.submit("/portal/login", "/portal/login",
        Map.of("username", ORGANISATION, "password", demoPassword));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(PortalClient.location(login)).isEqualTo("/portal/bidder");
    assertThat(browser.sessionId().orElseThrow()).isNotEqualTo(before);

    String home = browser.get("/portal").body();
    assertThat(home).contains(ORGANISATION_NAME, "我的投标", "退出").doesNotContain("供应商登录");
    assertThat(browser.get("/portal/bidder").statusCode()).isEqualTo(200);

    HttpResponse<String> logout = browser.submit("/portal", "/portal/logout", Map.of());
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(PortalClient.location(logout)).isEqualTo("/portal");
    assertThat(browser.get("/portal").body()).contains("供应商登录").doesNotContain(ORGANISATION_NAME);
    assertThat(PortalClient.location(browser.get("/portal/bidder"))).isEqualTo("/portal/login?next=/portal/bidder");
  }

  @Test
  void theSessionIdKnownBeforeTheLoginIsWorthNothingAfterIt() {
    PortalClient victim = new PortalClient(port);
    victim.get("/portal/login");
    String planted = victim.sessionId().orElseThrow();
    victim.logIn(ORGANISATION, demoPassword);

    PortalClient attacker = new PortalClient(port);
    java.net.HttpCookie cookie = new java.net.HttpCookie("JSESSIONID", planted);
    cookie.setPath("/");
    cookie.setVersion(0);
    attacker.useCookie(cookie);
    assertThat(attacker.get("/portal/bidder").statusCode()).isEqualTo(302);
    assertThat(victim.get("/portal/bidder").statusCode()).isEqualTo(200);
  }

  @Test
  void onlySocialOrganisationsWithTheirPasswordGetIn() {
    String organisation = newOrganisation();
    PortalClient browser = new PortalClient(port);

    HttpResponse<String> wrong = browser.logIn(organisation, "wrong-password");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains(PortalLoginController.FAILED).contains("value=\"" + organisation + "\"");

    // an official's right password opens nothing here, and says no more than a wrong one
    HttpResponse<String> official = browser.logIn("minzheng", demoPassword);
    assertThat(official.statusCode()).isEqualTo(401);
    assertThat(official.body()).contains(PortalLoginController.FAILED);

    HttpResponse<String> unknown = browser.logIn("nobody-" + UUID.randomUUID(), demoPassword);
    assertThat(unknown.statusCode()).isEqualTo(401);
    HttpResponse<String> strange = browser.logIn("<script>alert(1)</script>", demoPassword);
    assertThat(strange.statusCode()).isEqualTo(401);
    assertThat(strange.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    HttpResponse<String> tooLong = browser.logIn("o".repeat(5000), "x".repeat(5000));
    assertThat(tooLong.statusCode()).isEqualTo(401);

    assertThat(PortalClient.location(browser.get("/portal/bidder"))).startsWith("/portal/login");
  }

  @Test
  void formsWithoutTheSessionsTokenAreRefused() {
    PortalClient browser = new PortalClient(port);
    browser.get("/portal/login");
    HttpResponse<String> noToken = browser.post("/portal/login",
        Map.of("username", ORGANISATION, "password", demoPassword));
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("页面已过期或提交来源无法确认");
    assertThat(PortalClient.location(browser.get("/portal/bidder"))).startsWith("/portal/login");

    // another visitor's token does not fit this session
    PortalClient other = new PortalClient(port);
    String othersToken = PortalClient.csrfTokenIn(other.get("/portal/login").body());
    assertThat(browser.post("/portal/login",
        Map.of("username", ORGANISATION, "password", demoPassword, "_csrf", othersToken)).statusCode())
        .isEqualTo(403);

    // the token of the login page is renewed at login: a page of another site cannot log the organisation out
    String tokenBeforeLogin = PortalClient.csrfTokenIn(browser.get("/portal/login").body());
    assertThat(browser.logIn(ORGANISATION, demoPassword).statusCode()).isEqualTo(302);
    assertThat(browser.post("/portal/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(browser.post("/portal/logout", Map.of("_csrf", tokenBeforeLogin)).statusCode()).isEqualTo(403);
    assertThat(browser.get("/portal/bidder").statusCode()).isEqualTo(200);

    // without any session there is nothing to log into or out of
    PortalClient stranger = new PortalClient(port);
    assertThat(stranger.post("/portal/logout", Map.of("_csrf", "x")).statusCode()).isEqualTo(403);
    // read-only addresses still say so, the style sheet included
    assertThat(stranger.post("/portal", Map.of()).statusCode()).isEqualTo(405);
    assertThat(stranger.post("/portal/portal.css", Map.of()).statusCode()).isEqualTo(405);
  }

  @Test
  void aLoginLeadsOnlyIntoTheOrganisationsArea() {
    PortalClient browser = new PortalClient(port);
    assertThat(PortalClient.location(browser.get("/portal/bidder/tenders/NT-2026-0001")))
        .isEqualTo("/portal/login?next=/portal/bidder/tenders/NT-2026-0001");
    String page = browser.get("/portal/login?next=/portal/bidder/tenders/NT-2026-0001").body();
    HttpResponse<String> login = browser.post("/portal/login", Map.of("username", ORGANISATION,
        "password", demoPassword, "next", "/portal/bidder/tenders/NT-2026-0001",
        "_csrf", PortalClient.csrfTokenIn(page)));
    assertThat(PortalClient.location(login)).isEqualTo("/portal/bidder/tenders/NT-2026-0001");

    for (String next : new String[] {"https://evil.example/", "//evil.example/portal/bidder", "/camunda/app/",
        "/portal/bidder/../../camunda"}) {
      PortalClient another = new PortalClient(port);
      String form = another.get("/portal/login").body();
      HttpResponse<String> answer = another.post("/portal/login", Map.of("username", ORGANISATION,
          "password", demoPassword, "next", next, "_csrf", PortalClient.csrfTokenIn(form)));
      assertThat(PortalClient.location(answer)).as(next).isEqualTo("/portal/bidder");
    }
  }

  @Test
  void manyFailedLoginsFromOneAddressWaitForTheWindowToPass() {
    PortalClient browser = new PortalClient(port);
    // a successful login starts the address afresh, whatever other tests tried before
    assertThat(browser.logIn(ORGANISATION, demoPassword).statusCode()).isEqualTo(302);
    String first = newOrganisation();
    String second = newOrganisation();
    PortalClient guesser = new PortalClient(port);
    for (int attempt = 0; attempt < LoginThrottle.MAX_FAILURES; attempt++) {
      assertThat(guesser.logIn(attempt % 2 == 0 ? first : second, "guess-" + attempt).statusCode()).isEqualTo(401);
    }
    String third = newOrganisation();
    HttpResponse<String> blocked = guesser.logIn(third, password(third));
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.body()).contains("登录失败次数过多，请15分钟后再试。");

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis()
        + LoginThrottle.WINDOW.plusMinutes(1).toMillis()));
    assertThat(guesser.logIn(third, password(third)).statusCode()).isEqualTo(302);
  }

  private String newOrganisation() {
    String id = "t-org-" + UUID.randomUUID().toString().substring(0, 8);
    var user = identity.newUser(id);
    user.setFirstName("测试社会组织" + id.substring(6));
    user.setLastName("");
    user.setEmail(id + "@test.local");
    user.setPassword(password(id));
    identity.saveUser(user);
    identity.createMembership(id, Groups.SOCIAL_ORGANISATION);
    return id;
  }

  private static String password(String userId) {
    return "pw-" + userId;
  }
}
