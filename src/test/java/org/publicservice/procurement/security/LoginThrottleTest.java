package org.publicservice.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks 4 and 5 of issue 12 replayed: wrong passwords no longer lock an account for good (the engine only delays
 * the next try, and the delay ends by itself), one address that keeps guessing is paused after
 * {@value LoginThrottle#MAX_FAILURES} failures on every login (REST, webapps, portal), and a made-up X-Forwarded-For
 * from a client that is not a trusted proxy changes nothing.
 */
@ProcurementSpringTest
class LoginThrottleTest {

  private static final String ADDRESS = "127.0.0.1";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;

  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void forgetTheFailures() {
    // the window passes (engine clock), so that later tests of the shared context start afresh
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + LoginThrottle.WINDOW.plusMinutes(1).toMillis()));
    throttle.blocked(ADDRESS);
    ClockUtil.reset();
  }

  @Test
  void manyWrongPasswordsDelayButNeverLockTheOwnerForGood() throws Exception {
    String owner = newUser();
    for (int attempt = 0; attempt < LoginThrottle.MAX_FAILURES + 2; attempt++) {
      // from "other addresses" the attacker claims: not a trusted proxy, so still one address
      int status = rest(owner, "guess-" + attempt, "203.0.113." + attempt).statusCode();
      assertThat(status).as("attempt " + attempt).isIn(401, 429);
    }
    HttpResponse<String> paused = rest(owner, password(owner), "198.51.100.7");
    assertThat(paused.statusCode()).isEqualTo(429);
    assertThat(paused.body()).contains("登录失败次数过多");
    assertThat(paused.headers().firstValue("Retry-After")).isPresent();

    // the window and the engine's delay end by themselves: the owner logs in, no administrator needed
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + LoginThrottle.WINDOW.plusMinutes(1).toMillis()));
    assertThat(rest(owner, password(owner), null).statusCode()).isEqualTo(200);
    assertThat(identity.checkPassword(owner, password(owner))).isTrue();
  }

  @Test
  void theWebappLoginAndThePortalLoginCountForTheSameAddress() throws Exception {
    String victim = newUser();
    for (int attempt = 0; attempt < LoginThrottle.MAX_FAILURES / 2; attempt++) {
      assertThat(WebappSession.login(port, "tasklist", victim, "guess-" + attempt).status).isEqualTo(401);
    }
    for (int attempt = 0; attempt < LoginThrottle.MAX_FAILURES / 2; attempt++) {
      assertThat(portalLogin(victim, "guess-" + attempt, "203.0.113." + attempt).statusCode()).isEqualTo(401);
    }
    assertThat(WebappSession.login(port, "tasklist", victim, password(victim)).status).isEqualTo(429);
    assertThat(portalLogin(victim, password(victim), "192.0.2.99").statusCode()).isEqualTo(429);
  }

  private HttpResponse<String> rest(String user, String password, String forwardedFor) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/task?maxResults=1"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The portal's login form, with its CSRF token, from a client claiming another address. */
  private HttpResponse<String> portalLogin(String user, String password, String forwardedFor) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/login"))
        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).isTrue();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String newUser() {
    String id = "t-sec-" + UUID.randomUUID().toString().substring(0, 8);
    var user = identity.newUser(id);
    user.setFirstName("测试");
    user.setLastName("用户");
    user.setPassword(password(id));
    identity.saveUser(user);
    return id;
  }

  private static String password(String id) {
    return "pw-" + id + "-long-enough";
  }
}
