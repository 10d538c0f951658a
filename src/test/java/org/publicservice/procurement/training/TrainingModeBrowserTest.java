package org.publicservice.procurement.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * One purchase from the request to the archive in training mode, as its users work it: the packaged application
 * started as a trainer starts it (demo profile, {@code procurement.training.enabled=true}, here 0.02 minutes per
 * working day so that the test takes about two minutes), the purchaser filing in Tasklist and finance approving there,
 * the organisations bidding on the portal, the experts, the department, the winner and the evaluator through the
 * REST API Tasklist itself calls, the residents' rating on the portal. Nothing moves the clock but the training
 * clock: every period runs out by itself, and the bids stay sealed until the deadline on that clock.
 */
class TrainingModeBrowserTest extends BrowserTest {

  static final String MINUTES_PER_WORKING_DAY = "0.02";
  static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir
  Path folder;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process application;
  private Path log;
  private int trainingPort;

  @BeforeEach
  void startTheApplicationInTrainingMode() throws Exception {
    trainingPort = freePort();
    log = folder.resolve("application.log");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--spring.profiles.active=demo",
        "--server.port=" + trainingPort, "--procurement.mail.demo-server.port=" + freePort(), "--procurement.demo.city=false",
        "--procurement.training.enabled=true",
        "--procurement.training.minutes-per-working-day=" + MINUTES_PER_WORKING_DAY, "--spring.main.banner-mode=off"));
    application = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    await("the application is ready", () -> status("/actuator/health/readiness") == 200, Duration.ofSeconds(240));
  }

  @AfterEach
  void stopTheApplication() throws Exception {
    if (application != null) {
      application.destroy();
      if (!application.waitFor(60, TimeUnit.SECONDS)) {
        application.destroyForcibly();
      }
    }
  }

  @Override
  protected String url(String path) {
    return "http://localhost:" + trainingPort + path;
  }

  @Override
  protected String browserLanguage() {
    return "zh-CN";
  }

  @Test
  void aPurchaseGoesFromTheRequestToTheArchiveOnTheTrainingClock() throws Exception {
    Instant started = Instant.now();
    LocalDateTime firstSeen = clock();

    // --- the purchaser files the request in Tasklist, under the training banner ----------------------------------
    logIntoTasklist("minzheng", demoPassword);
    String banner = waitVisible(By.id("training-banner")).getText();
    assertThat(banner).contains("培训模式", "培训时钟");
    LocalDate serviceStart = clock().toLocalDate().plusDays(90);
    click(waitVisible(By.cssSelector("li.start-process-action a")));
    click(waitVisibleWithText(By.cssSelector(".modal-body a"), "政府购买服务项目"));
    String service = "培训演练：港闸区助餐配送服务";
    typeInto("Field_serviceName", service);
    choose("Field_serviceCategory", "养老服务");
    typeInto("Field_serviceDescription", "为港闸区200名独居老人每日配送午餐。");
    typeInto("Field_serviceStandards", "每日11:30前送达，餐食符合食品安全标准。");
    // the indicators are a table: a row per indicator, its name and its target
    typeInto("Field_IndicatorName_0", "服务对象满意度");
    typeInto("Field_IndicatorTarget_0", "90%");
    typeInto("Field_IndicatorName_1", "送餐人次");
    typeInto("Field_IndicatorTarget_1", "3000人次");
    typeInto("Field_budget", "4500000");
    typeDate("Field_servicePeriodStart", serviceStart);
    typeDate("Field_servicePeriodEnd", serviceStart.plusDays(14));
    typeInto("Field_region", "南通市港闸区");
    click(formField("Field_servesPublic"));
    typeInto("Field_needsAssessment", "入户走访独居老人200户。");
    typeInto("Field_surveyRespondents", "200");
    choose("Field_singleSourceGround", "不适用（不申请单一来源采购）");
    By startButton = By.cssSelector("button[ng-click='startProcessInstance()']");
    assertBecomesEnabled(startButton, "Start of the filled start form");
    click(driver.findElement(startButton));
    waitGone(By.cssSelector(".modal-dialog"));
    // the banner's clock runs: days pass in seconds
    assertThat(waitVisible(By.id("training-banner")).getText()).isNotEqualTo(banner);
    logOut();
    String project = await("the request's project number", () -> {
      JsonNode found = get("admin", "/engine-rest/process-instance?processDefinitionKey=PublicServicePurchase");
      return found.size() == 1 ? found.get(0).get("businessKey").asText() : null;
    });

    // --- finance approves in Tasklist --------------------------------------------------------------------------
    logIntoTasklist("caizheng", demoPassword);
    click(waitVisibleWithText(By.cssSelector(".task-filter h4.name a"), "本组待办"));
    click(waitVisibleWithText(By.cssSelector("[cam-tasks] .tasks-list li"), "审核采购申请"));
    click(waitVisibleWithText(By.cssSelector("[cam-tasklist-task] a, [cam-tasklist-task] button"), "认领"));
    waitUntil(d -> formField("Field_projectNumber").getAttribute("value").equals(project));
    check("Field_reviewDecision", "批准");
    By completeButton = By.cssSelector("button[ng-click='complete()']");
    assertBecomesEnabled(completeButton, "Complete of the review");
    click(driver.findElement(completeButton));
    waitGone(completeButton);
    logOut();

    // --- the department issues the tender documents; three organisations bid on the portal ---------------------
    // the approval published the procurement intention; the tender notice may follow 30 days after it (财库〔2020〕
    // 10号): the department waits for them on the training clock (half a minute), one more day for the publication
    LocalDate intention = clock().toLocalDate();
    await("30 days after the procurement intention", () -> clock().toLocalDate().isAfter(intention.plusDays(30))
        ? Boolean.TRUE : null);
    // far enough for three bids on a busy machine: 40 days pass in about 35 s at this speed
    LocalDate deadline = workingDay(clock().toLocalDate().plusDays(40));
    complete("minzheng", project, "Task_PrepareDocuments", Map.of(
        "qualificationRequirements", "依法登记的社会组织，近三年无重大违法记录。",
        "evaluationMethod", "COMPREHENSIVE", "priceWeight", 30L,
        "evaluationCriteria", List.of(Map.of("name", "服务方案", "maxScore", 40), Map.of("name", "项目团队",
            "maxScore", 20), Map.of("name", "同类服务业绩", "maxScore", 10)),
        "bidDeadlineDate", deadline.toString(), "bidDeadlineTime", "09:30",
        "clarificationDeadlineDate", workingDay(clock().toLocalDate().plusDays(12)).toString(), "bidBond", 20000L));
    Map<String, String> prices = Map.of("org-yangguang", "4300000", "org-xinyu", "4250000", "org-huimin", "4380000");
    for (var bid : prices.entrySet()) {
      PortalClient organisation = new PortalClient(trainingPort);
      assertThat(organisation.logIn(bid.getKey(), demoPassword).statusCode()).isEqualTo(302);
      String page = "/portal/bidder/tenders/" + project;
      var answer = organisation.submit(page, page + "/bid", Map.of("price", bid.getValue(),
          "servicePlan", "中央厨房集中配餐，分片配送。", "team", "配送员12名，营养师1名。", "qualifications", "食品经营许可证。"));
      assertThat(answer.statusCode()).as("bid of %s", bid.getKey()).isEqualTo(302);
    }
    // sealed until the deadline on the training clock: nothing of a price is public yet
    assertThat(new PortalClient(trainingPort).get("/portal/projects/" + project).body()).doesNotContain("4,300,000");

    // --- at the deadline the bids open; qualification, the experts' declarations, scores and report -----------
    complete("minzheng", project, "Task_ReviewQualification", Map.of("qualificationSheet", List.of(
        Map.of("qualification", "PASS"), Map.of("qualification", "PASS"), Map.of("qualification", "PASS"))));
    assertThat(clock().toLocalDate()).isAfterOrEqualTo(deadline);
    assertThat(new PortalClient(trainingPort).get("/portal/projects/" + project).body()).contains("开标记录");
    // one working day to declare is a second or two at this speed, so the drawn experts declare at once, each at
    // their own desk; a declaration its deadline overtook is refused, and the seat goes to the next expert of the
    // draw, who declares in the next round
    await("the panel is seated and finds every bid compliant", () -> {
      tasks(project, "Task_DeclareConflict").parallelStream().forEach(declaration ->
          trySubmit(declaration.get("assignee").asText(), declaration, Map.of("conflictDeclaration", "NONE")));
      for (JsonNode compliance : tasks(project, "Task_ReviewCompliance")) {
        submit(compliance.get("assignee").asText(), compliance, Map.of("complianceOutcome", "COMPLIANT"));
      }
      return tasks(project, "Task_ScoreBids").size() == 5 ? Boolean.TRUE : null;
    });
    for (JsonNode sheet : tasks(project, "Task_ScoreBids")) {
      List<Map<String, Object>> bids = new ArrayList<>();
      for (int bid = 1; bid <= 3; bid++) {
        bids.add(Map.of("scores", List.of(Map.of("score", 30.0 + bid), Map.of("score", 15.0), Map.of("score", 8.0))));
      }
      submit(sheet.get("assignee").asText(), sheet, Map.of("scoreSheet", bids));
    }
    await("every member signs the report", () -> {
      List<JsonNode> reports = tasks(project, "Task_ConfirmReport");
      reports.forEach(report -> submit(report.get("assignee").asText(), report, Map.of("reportAgreement", "AGREE")));
      return reports.isEmpty() && !tasks(project, "Task_ChooseWinner").isEmpty() ? Boolean.TRUE : null;
    });

    // --- award: the department chooses no. 1 (5 working days, else no. 1 stands); the 中标通知书 starts the contract
    String first = variable(project, "AwardStage", "firstCandidate");
    tasks(project, "Task_ChooseWinner").forEach(choice -> trySubmit("minzheng", choice, Map.of("chosenBidder", first)));
    String winner = variable(project, "ContractStage", "contractor");
    assertThat(winner).isEqualTo(first);

    // --- contract ----------------------------------------------------------------------------------------------
    long amount = Long.parseLong(variable(project, "ContractStage", "contractorPrice").replaceAll("\\.0+$", ""));
    LocalDate end = serviceStart.plusDays(14);
    complete("minzheng", project, "Task_DraftContract", Map.of("contractAmount", amount,
        "performanceBond", amount / 20, "contractPeriodStart", serviceStart.toString(),
        "contractPeriodEnd", end.toString(), "paymentSchedule", List.of(
            Map.of("name", "第一阶段验收", "amount", amount / 2, "dueDate", end.toString()),
            Map.of("name", "绩效评价后尾款", "amount", amount - amount / 2, "dueDate", end.plusDays(10).toString())),
        "contractTerms", "按合同约定配送。"));
    complete(winner, project, "Task_SignContract", Map.of("contractorDecision", "SIGN",
        "performanceBondForm", "BANK_GUARANTEE", "performanceBondReference", "BH-TRAINING-001"));
    complete("minzheng", project, "Task_CountersignContract", Map.of("departmentSigns", true));
    complete("minzheng", project, "Task_PublishContract", Map.of());
    complete("minzheng", project, "Task_FileContract", Map.of("filingReference", "通财购备〔培训〕1号"));

    // --- performance and evaluation ----------------------------------------------------------------------------
    // a report is taken only once the service has begun (实施条例第四十五条); on a quick machine the contract is
    // signed before the training clock gets there, and the organisation waits as it would in real life
    await("the service period has begun", () -> !clock().toLocalDate().isBefore(serviceStart));
    complete(winner, project, "Task_SubmitProgressReport", Map.of("progressReport", "按时配送，无食品安全事故。",
        "indicatorResults", List.of(Map.of("reached", "93%"), Map.of("reached", "3000人次"))));
    complete("minzheng", project, "Task_AcceptMilestone", Map.of("acceptanceDecision", "ACCEPT",
        "recipientParticipants", "老人代表6人", "recipientSatisfaction", 93L));
    complete("minzheng", project, "Task_HandOutRatingCodes", Map.of("ratingCodesHandedOut", true));
    complete(winner, project, "Task_SelfEvaluation", Map.of("selfEvaluationReport", "按合同完成配送。",
        "selfEvaluation", List.of(Map.of("value", "93%", "score", 92.0), Map.of("value", "3000人次", "score", 90.0))));
    complete("pingjia", project, "Task_ThirdPartyEvaluation", Map.of("thirdPartyReport", "抽查老人30户。",
        "thirdPartyScores", List.of(Map.of("score", 91.0), Map.of("score", 90.0))));
    await("the purchase is archived", () -> {
      JsonNode purchase = get("admin", "/engine-rest/history/process-instance?processDefinitionKey="
          + "PublicServicePurchase&businessKey=" + project).get(0);
      if (!"COMPLETED".equals(purchase.path("state").asText())) {
        return null;
      }
      // the REST answer for a historic process instance has no end activity: the end event's own history says
      // which end the purchase reached
      JsonNode archive = get("admin", "/engine-rest/history/activity-instance?processInstanceId="
          + purchase.get("id").asText() + "&activityId=EndEvent_PurchaseArchived&finished=true");
      return archive.size() == 1 ? Boolean.TRUE : null;
    });
    Duration took = Duration.between(started, Instant.now());
    long trainingDays = Duration.between(firstSeen, clock()).toDays();
    System.out.printf("Training mode: %s from request to archive, %d days on the training clock at %s min/working day"
        + " (at 1 min/working day: %d min of statutory time)%n", took, trainingDays, MINUTES_PER_WORKING_DAY,
        trainingDays * 24 * 60 / 2016);

    // --- the public sees the result, under the same banner -------------------------------------------------------
    driver.get(url("/portal/projects/" + project));
    assertThat(waitVisible(By.id("training-banner")).getText()).contains("培训模式", "培训时钟");
    assertThat(driver.getPageSource()).contains("绩效评价结果", service);
    screenshot("archived-on-the-portal");
  }

  // --- the application ---------------------------------------------------------------------------------------------

  private static Path jar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("procurement-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no application jar in target/: run `mvn package` first"))
          .toAbsolutePath();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The training clock, as the banner reads it. */
  private LocalDateTime clock() {
    JsonNode clock = read(send(HttpRequest.newBuilder(URI.create(url("/training/clock"))).GET().build()));
    assertThat(clock.get("enabled").asBoolean()).isTrue();
    return Instant.ofEpochMilli(clock.get("now").asLong()).atZone(ProcurementTime.ZONE).toLocalDateTime();
  }

  /** A weekday on or after {@code day} (the server refuses a deadline on a holiday; none falls in the test's days). */
  private static LocalDate workingDay(LocalDate day) {
    LocalDate d = day;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  // --- Tasklist's REST calls, as the user ------------------------------------------------------------------------

  /** Waits (on the training clock) for the user's task of the project, claims it and submits its form. */
  private void complete(String user, String project, String taskKey, Map<String, Object> form) {
    JsonNode task = await(user + " gets " + taskKey, () -> {
      JsonNode found = get(user, "/engine-rest/task?processInstanceBusinessKey=" + project + "&taskDefinitionKey="
          + taskKey);
      return found.size() > 0 ? found.get(0) : null;
    });
    submit(user, task, form);
  }

  private List<JsonNode> tasks(String project, String taskKey) {
    List<JsonNode> tasks = new ArrayList<>();
    get("admin", "/engine-rest/task?processInstanceBusinessKey=" + project + "&taskDefinitionKey=" + taskKey)
        .forEach(tasks::add);
    return tasks;
  }

  private void submit(String user, JsonNode task, Map<String, Object> form) {
    HttpResponse<String> answer = send(user, task, form);
    // a timer of the same instance fired in the same instant (days pass in seconds here): the engine refuses the
    // submission and changes nothing; the user, told so, submits again
    for (int retry = 0; retry < 3 && answer.statusCode() == 500 && answer.body().contains("concurrently"); retry++) {
      answer = send(user, task, form);
    }
    assertThat(answer.statusCode()).as("%s submits %s: %s", user, task.get("taskDefinitionKey").asText(),
        answer.body()).isEqualTo(204);
  }

  /** Submits unless the task has gone meanwhile (its deadline passed on the training clock). */
  private void trySubmit(String user, JsonNode task, Map<String, Object> form) {
    send(user, task, form);
  }

  private HttpResponse<String> send(String user, JsonNode task, Map<String, Object> form) {
    String id = task.get("id").asText();
    if (task.get("assignee").isNull()) {
      post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    // a table (dynamic list) is one Json variable, as Tasklist submits it
    form.forEach((name, value) -> variables.put(name, value instanceof List<?> rows
        ? Map.of("value", writeJson(rows), "type", "Json") : value instanceof Long
        ? Map.of("value", value, "type", "Long") : value instanceof Double
        ? Map.of("value", value, "type", "Double") : Map.of("value", value)));
    return post(user, "/engine-rest/task/" + id + "/submit-form", Map.of("variables", variables));
  }

  private String writeJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A variable of the project's running stage, read as the administrator. */
  private String variable(String project, String processKey, String name) {
    JsonNode instance = await(processKey + " of " + project, () -> {
      JsonNode found = get("admin", "/engine-rest/process-instance?businessKey=" + project + "&processDefinitionKey="
          + processKey);
      return found.size() > 0 ? found.get(0) : null;
    });
    return get("admin", "/engine-rest/process-instance/" + instance.get("id").asText() + "/variables/" + name)
        .get("value").asText();
  }

  private JsonNode get(String user, String path) {
    return read(send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user)).GET()
        .build()));
  }

  private HttpResponse<String> post(String user, String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + demoPassword).getBytes(StandardCharsets.UTF_8));
  }

  private int status(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(200);
    try {
      return json.readTree(answer.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T await(String what, Supplier<T> condition) {
    return await(what, condition, PATIENCE);
  }

  private <T> T await(String what, Supplier<T> condition, Duration patience) {
    Instant until = Instant.now().plus(patience);
    while (Instant.now().isBefore(until)) {
      if (application != null && !application.isAlive()) {
        throw new AssertionError("the application stopped; the end of its log:\n" + logTail());
      }
      T result = condition.get();
      if (result != null && !Boolean.FALSE.equals(result)) {
        return result;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("waited " + patience.toSeconds() + " s in vain for " + what + "; the end of " + log
        + ":\n" + logTail());
  }

  /** The application's last log lines, for a failure's message (the log goes with the test's folder). */
  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
