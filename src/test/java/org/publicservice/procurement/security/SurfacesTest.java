package org.publicservice.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The smaller findings of issue 12 (point 8) and the surfaces around the engine: headers and cookies, the demo's
 * address and mail page, bad REST bodies, gone things, comments on others' tasks, JSON variables, the database.
 */
@ProcurementSpringTest
class SurfacesTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired WebServerApplicationContext context;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void portalPagesCannotBeFramedOrSniffedAndKeepTheirAddressToThemselves() {
    for (String page : java.util.List.of("/portal", "/portal/login", "/portal/notices", "/ocds/releases")) {
      ResponseEntity<String> response = rest.getForEntity(page, String.class);
      assertThat(response.getHeaders().getFirst("X-Frame-Options")).as(page).isEqualTo("DENY");
      assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
      assertThat(response.getHeaders().getFirst("Content-Security-Policy")).as(page)
          .contains("frame-ancestors 'none'", "script-src 'self'", "object-src 'none'");
      assertThat(response.getHeaders().getFirst("Referrer-Policy")).as(page).isEqualTo("same-origin");
    }
    // the webapps keep Camunda's own policy, which forbids framing as well
    String tasklistPolicy = rest.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()
        .getFirst("Content-Security-Policy");
    assertThat(tasklistPolicy).contains("frame-ancestors 'none'");
  }

  @Test
  void thePortalSessionCookieStaysOnThisSite() {
    ResponseEntity<String> login = rest.getForEntity("/portal/login", String.class);
    String cookie = login.getHeaders().getFirst("Set-Cookie");
    assertThat(cookie).contains("JSESSIONID", "HttpOnly", "SameSite=Lax");
  }

  @Test
  void theDemoListensOnThisMachineOnly() throws Exception {
    String address = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProperty("address")
        .toString();
    assertThat(InetAddress.getByName(address.replace("/", "")).isLoopbackAddress()).as(address).isTrue();
  }

  @Test
  void theDemoMailPageIsForThisMachineOrAnAdministrator() throws Exception {
    var access = new WebSurface.DevMailAccess(identity);
    assertThat(devMail(access, "127.0.0.1", null)).isEqualTo(200);
    assertThat(devMail(access, "203.0.113.9", null)).isEqualTo(401);
    assertThat(devMail(access, "203.0.113.9", "org-yangguang:demo")).isEqualTo(401);
    assertThat(devMail(access, "203.0.113.9", "admin:demo")).isEqualTo(200);
    // over HTTP, a forwarded header from a client that is no trusted proxy does not make it remote or local
    assertThat(rest.getForEntity("/dev/mail", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private static int devMail(WebSurface.DevMailAccess access, String from, String credentials) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dev/mail");
    request.setRemoteAddr(from);
    if (credentials != null) {
      request.addHeader("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    access.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }

  @Test
  void badRestBodiesAre400WithAChineseMessage() throws Exception {
    Task task = new FormProbes(engine).show(new FormProbes(engine).deployedForms().get("declare-conflict"),
        "expert02", Map.of());
    String complete = "/engine-rest/task/" + task.getId() + "/complete";

    HttpResponse<String> empty = post(complete, "application/json", new byte[0], "expert02");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("请求内容为空");
    HttpResponse<String> serialized = post(complete, "application/x-java-serialized-object",
        new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}, "expert02");
    assertThat(serialized.statusCode()).isEqualTo(400);
    assertThat(serialized.body()).contains("序列化的Java对象");
    HttpResponse<String> javaValue = post(complete, "application/json", ("{\"variables\":{\"conflictNote\":"
        + "{\"type\":\"Object\",\"value\":\"rO0ABXQAAXg=\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}").getBytes(StandardCharsets.UTF_8),
        "expert02");
    assertThat(javaValue.statusCode()).isEqualTo(400);
    byte[] latin1 = "{\"message\":\"意见\"}".getBytes(StandardCharsets.UTF_8);
    latin1[13] = (byte) 0xFF;
    HttpResponse<String> broken = post("/engine-rest/task/" + task.getId() + "/comment/create", "application/json",
        latin1, "expert02");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("UTF-8");
    HttpResponse<String> huge = post(complete, "application/json",
        new byte[(int) WebSurface.MAX_REST_BYTES + 10], "expert02");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body()).contains("请求内容过大");

    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(engine.getTaskService().getTaskComments(task.getId())).isEmpty();
    engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "test over");
  }

  @Test
  void onlyWhoWorksOnATaskCommentsOnIt() {
    Task task = new FormProbes(engine).show(new FormProbes(engine).deployedForms().get("declare-conflict"),
        "expert03", Map.of());
    String path = "/engine-rest/task/" + task.getId() + "/comment/create";

    assertThat(EngineHttp.as(rest, "jiandu").post(path, Map.of("message", "监督意见")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(EngineHttp.as(rest, "expert03").post(path, Map.of("message", "有\u0000控制字符")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    // the expert who works on it may (the engine's own API: Camunda's REST looks the task up in the history,
    // which only overseers read)
    identity.setAuthentication("expert03", java.util.List.of("expert"));
    try {
      engine.getTaskService().createComment(task.getId(), null, "已阅，无回避情形。");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(engine.getTaskService().getTaskComments(task.getId())).singleElement()
        .satisfies(c -> assertThat(c.getFullMessage()).isEqualTo("已阅，无回避情形。"));
    engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "test over");
  }

  @Test
  void variablesOfAnEndedInstanceAreGoneNotAnError() {
    Task task = new FormProbes(engine).show(new FormProbes(engine).deployedForms().get("declare-conflict"),
        "expert04", Map.of());
    engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "test over");

    ResponseEntity<String> gone = EngineHttp.as(rest, "admin")
        .get("/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables");
    assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(gone.getBody()).contains("不存在或已结束");
  }

  @Test
  void jsonVariablesAreReadAsJsonNotAsJavaProperties() {
    Task task = new FormProbes(engine).show(new FormProbes(engine).deployedForms().get("holiday-schedule"),
        "admin", Map.of("holidays", SpinValues.jsonValue(
            "[{\"name\":\"春节\",\"firstDay\":\"2027-02-05\",\"lastDay\":\"2027-02-11\"}]").create()));

    String read = EngineHttp.as(rest, "admin").get("/engine-rest/task/" + task.getId() + "/form-variables")
        .getBody();
    assertThat(read).contains("春节", "2027-02-05").doesNotContain("nodeType", "isArray");
    engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "test over");
  }

  @Test
  void portalFormsTooLargeOrNotUtf8AreRefusedInChinese() throws Exception {
    byte[] large = ("username=" + "a".repeat(1_100_000) + "&password=x").getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> tooLarge = post("/portal/login", "application/x-www-form-urlencoded", large, "nobody");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("内容过大");
    HttpResponse<String> broken = post("/portal/login", "application/x-www-form-urlencoded",
        "username=%FF%FEorg&password=x".getBytes(StandardCharsets.US_ASCII), "nobody");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("编码错误");
  }

  /** The rest of attack 3: only administrators change roles, and each change is in the log supervisors read. */
  @Test
  void onlyAdministratorsChangeRolesAndEveryChangeIsAudited() {
    EngineHttp designer = EngineHttp.as(rest, "sheji");
    assertThat(designer.put("/engine-rest/group/camunda-admin/members/sheji", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(designer.post("/engine-rest/user/create", Map.of("profile", Map.of("id", "t-sec-intruder"),
        "credentials", Map.of("password", "intruder-password"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identity.createUserQuery().userId("sheji").memberOfGroup("camunda-admin").count()).isZero();

    EngineHttp admin = EngineHttp.as(rest, "admin");
    assertThat(admin.put("/engine-rest/group/supervisor/members/expert11", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    try {
      String log = EngineHttp.as(rest, "jiandu").get("/engine-rest/history/user-operation?entityType=Group membership"
          + "&userId=admin&sortBy=timestamp&sortOrder=desc&maxResults=5").getBody();
      assertThat(log).contains("\"userId\":\"admin\"", "supervisor");
    } finally {
      identity.deleteMembership("expert11", "supervisor");
    }
  }

  @Test
  void theEmbeddedDatabaseListensOnNoNetworkPort() throws IOException {
    String url = Files.readAllLines(Path.of("src/main/resources/application.yaml")).stream()
        .filter(line -> line.strip().startsWith("url: jdbc:h2:")).findFirst().orElseThrow();
    assertThat(url.toUpperCase()).doesNotContain("AUTO_SERVER", "TCP:", ";SERVER");
    // and nothing in this JVM started H2's TCP server
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("H2 TCP Server"));
  }

  private HttpResponse<String> post(String path, String type, byte[] body, String user) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", type)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
