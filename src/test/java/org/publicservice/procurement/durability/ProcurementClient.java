package org.publicservice.procurement.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What officials and organisations do, as HTTP calls on one node: officials through the Camunda REST API (as
 * Tasklist does, each call writing only its form's fields), organisations through the portal's forms. A method returns only once the node
 * acknowledged the step; any other answer throws, so the caller counts a step as acknowledged exactly when the
 * application said so.
 */
final class ProcurementClient {

  static final String PASSWORD = "demo";
  static final String PURCHASER = "minzheng";
  static final String FINANCE = "caizheng";
  static final String ADMIN = "admin";
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RECEIPT = Pattern.compile("回执编号 ([A-Z0-9-]+)");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ProcurementClient(AppNode node) {
    this.base = node.baseUrl();
  }

  /** The step was not acknowledged: an error answer, or no answer at all. */
  static final class NotAcknowledged extends Exception {
    NotAcknowledged(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------- officials (REST)

  /** A department files a purchase request; returns the process instance id and the project number it was given. */
  String[] fileRequest(int n) throws Exception {
    return fileRequest(n, 300_000);
  }

  String[] fileRequest(int n, int budget) throws Exception {
    LocalDate start = LocalDate.now(BEIJING).plusMonths(2).withDayOfMonth(1);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("serviceName", "崩溃测试养老服务" + n);
    form.put("serviceCategory", "ELDERLY_CARE");
    form.put("serviceDescription", "为辖区失能老人提供上门助餐、助洁服务。");
    form.put("serviceStandards", "每名老人每月上门服务不少于8次。");
    form.put("indicators", json("[{\"name\":\"服务对象满意度\",\"target\":\"90%\"},"
        + "{\"name\":\"上门服务人次\",\"target\":\"2000\"}]"));
    form.put("budget", budget);
    form.put("servicePeriodStart", start.toString());
    form.put("servicePeriodEnd", start.plusMonths(10).toString());
    form.put("region", "南通市崇川区");
    form.put("servesPublic", false);
    form.put("needsAssessment", "依据社区走访和历年服务记录确定。");
    form.put("singleSourceGround", "NONE");
    JsonNode instance = rest(PURCHASER, "POST", "/engine-rest/process-definition/key/PublicServicePurchase/submit-form",
        variables(form), 200);
    return new String[] {instance.get("id").asText(), instance.get("businessKey").asText()};
  }

  /** Finance claims the review of the request and approves it. */
  void approve(String processInstanceId) throws Exception {
    String task = singleTask(FINANCE, processInstanceId, "Task_ReviewRequest");
    completeTask(FINANCE, task, Map.of("reviewDecision", "APPROVE", "reviewComment", "同意。"));
  }

  /**
   * An administrator enters a credit record (a tax authority's listing with a warning) through the start form of
   * MaintainCreditRecord; the register is written afterwards by the job that the start queued. The reason is the
   * caller's, so that the record can be found.
   */
  void recordCredit(String reason) throws Exception {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("creditAction", "ADD");
    form.put("creditOrganisation", "org-anle");
    form.put("creditListing", "MAJOR_TAX_VIOLATION");
    form.put("creditEffect", "PENALISE");
    form.put("creditSource", "国家税务总局重大税收违法失信主体信息公布栏");
    form.put("creditValidFrom", LocalDate.now(BEIJING).toString());
    form.put("creditReason", reason);
    rest(ADMIN, "POST", "/engine-rest/process-definition/key/MaintainCreditRecord/submit-form", variables(form), 200);
  }

  /**
   * A tender open for bids, reached as the officials reach it: a request at the open-tender threshold filed and
   * approved, then the department issues lawful documents (deadline about five weeks ahead, on a working day).
   * Returns the project number.
   */
  String openTender() throws Exception {
    String[] purchase = fileRequest(0, 4_500_000);
    approve(purchase[0]);
    String projectNumber = purchase[1];
    JsonNode tasks = rest(PURCHASER, "GET", "/engine-rest/task?processInstanceBusinessKey=" + projectNumber
        + "&taskDefinitionKey=Task_PrepareDocuments", null, 200);
    if (tasks.size() != 1) {
      throw new NotAcknowledged("no tender documents to prepare for " + projectNumber);
    }
    String task = tasks.get(0).get("id").asText();
    LocalDate deadline = LocalDate.now(BEIJING).plusDays(35);
    for (int week = 0; week < 6; week++, deadline = deadline.plusWeeks(1)) {
      LocalDate monday = deadline.with(DayOfWeek.MONDAY);
      Map<String, Object> documents = new LinkedHashMap<>();
      documents.put("qualificationRequirements", "具有独立承担民事责任的能力；民政部门登记的社会组织。");
      documents.put("evaluationMethod", "COMPREHENSIVE");
      documents.put("priceWeight", 30);
      documents.put("evaluationCriteria", json("[{\"name\":\"服务方案\",\"maxScore\":40},"
          + "{\"name\":\"项目团队\",\"maxScore\":20},{\"name\":\"同类服务业绩\",\"maxScore\":10}]"));
      documents.put("bidDeadlineDate", monday.plusDays(1).toString());
      documents.put("bidDeadlineTime", "09:30");
      documents.put("clarificationDeadlineDate", monday.minusDays(13).toString());
      documents.put("bidBond", 20_000);
      try {
        completeTask(PURCHASER, task, documents);
        return projectNumber;
      } catch (NotAcknowledged refusedDay) {
        // a holiday or a make-up day on the working-day calendar: the next week's Tuesday
      }
    }
    throw new IllegalStateException("no lawful bid deadline found for " + projectNumber);
  }

  long count(String user, String path) throws Exception {
    return rest(user, "GET", path, null, 200).get("count").asLong();
  }

  // ---------------------------------------------------------------- organisations (portal)

  /** A logged-in organisation on the portal (its own cookies). */
  final class Bidder {
    private final String user;
    private final HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    Bidder(String user) throws Exception {
      this.user = user;
      String page = page("/portal/login");
      HttpResponse<String> login = post("/portal/login", Map.of("username", user, "password", PASSWORD,
          "_csrf", csrf(page), "next", "/portal/bidder"));
      if (login.statusCode() != 302) {
        throw new NotAcknowledged("login of " + user + ": " + login.statusCode());
      }
    }

    /** Submits (or replaces) the bid and returns the receipt code the portal showed. */
    String bid(String projectNumber, int price) throws Exception {
      String tenderPage = "/portal/bidder/tenders/" + projectNumber;
      String form = page(tenderPage);
      HttpResponse<String> sent = post(tenderPage + "/bid", Map.of("price", Integer.toString(price),
          "servicePlan", user + "的服务方案：分片包干，每周巡访。", "team", "项目负责人1名、社工6名。",
          "qualifications", "民办非企业单位登记证书。", "_csrf", csrf(form)));
      if (sent.statusCode() != 302) {
        throw new NotAcknowledged("bid of " + user + ": " + sent.statusCode());
      }
      Matcher receipt = RECEIPT.matcher(page(tenderPage));
      if (!receipt.find()) {
        throw new NotAcknowledged("bid of " + user + ": no receipt shown");
      }
      return receipt.group(1);
    }

    private String page(String path) throws Exception {
      HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new NotAcknowledged("GET " + path + ": " + response.statusCode());
      }
      return response.body();
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
      String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      return browser.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String page) throws NotAcknowledged {
      Matcher token = CSRF.matcher(page);
      if (!token.find()) {
        throw new NotAcknowledged("no CSRF token on the page");
      }
      return token.group(1);
    }
  }

  // ---------------------------------------------------------------- REST plumbing

  private String singleTask(String user, String processInstanceId, String key) throws Exception {
    JsonNode tasks = rest(user, "GET", "/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=" + key, null, 200);
    if (tasks.size() != 1) {
      throw new NotAcknowledged(user + " sees " + tasks.size() + " task(s) " + key + " in " + processInstanceId);
    }
    return tasks.get(0).get("id").asText();
  }

  private boolean isClaimed(String user, String task) throws Exception {
    JsonNode assignee = rest(user, "GET", "/engine-rest/task/" + task, null, 200).get("assignee");
    return assignee != null && !assignee.isNull();
  }

  private void completeTask(String user, String task, Map<String, Object> form) throws Exception {
    if (!isClaimed(user, task)) {
      rest(user, "POST", "/engine-rest/task/" + task + "/claim", userId(user), 204);
    }
    rest(user, "POST", "/engine-rest/task/" + task + "/submit-form", variables(form), 204);
  }

  private static ObjectNode userId(String user) {
    return JSON.createObjectNode().put("userId", user);
  }

  private JsonNode rest(String user, String method, String path, JsonNode body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException noAnswer) {
      throw new NotAcknowledged(method + " " + path + ": " + noAnswer);
    }
    if (response.statusCode() != expected) {
      throw new NotAcknowledged(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private static ObjectNode variables(Map<String, Object> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    values.forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      if (value instanceof JsonText text) {
        variable.put("value", text.json()).put("type", "Json");
      } else {
        variable.set("value", JSON.valueToTree(value));
      }
    });
    return body;
  }

  private record JsonText(String json) {
  }

  private static JsonText json(String text) {
    return new JsonText(text);
  }
}
