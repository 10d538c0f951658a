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
import java.util.HashMap;
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
import org.openqa.selenium.support.ui.Select;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * One purchase from the request to the archive in training mode, as its users work it in the browser, each logged in
 * as the user docs/tour.md names: the packaged application started as a trainer starts it (demo profile,
 * {@code procurement.training.enabled=true}, here 0.03 minutes per working day unless
 * {@code -Dtraining.minutes-per-working-day} says otherwise), the purchaser filing and finance approving in Tasklist,
 * the organisations bidding on the portal, the department, the experts, the winner and the evaluator filling their
 * Camunda Forms in Tasklist, tables included, a recipient rating on the portal with the code the department handed
 * out. Only the experts' conflict declarations go through the REST call Tasklist makes (see there). Nothing moves
 * the clock but the training clock: every period runs out by itself, and the bids stay sealed until the deadline on
 * that clock. It prints where the time went, waiting for the clock or working.
 */
class TrainingModeBrowserTest extends BrowserTest {

  /**
   * Real minutes per working day: 0.03 by default, so that CI is quick and yet a person in a browser keeps the
   * shortest periods a step has (the award's 5 working days are 9 s, the 30 days to sign 39 s; at 0.02 a loaded
   * machine came within seconds of missing them); {@code -Dtraining.minutes-per-working-day=0.5} runs the purchase
   * at the training mode's default speed, as a trainee takes it (docs/tour.md).
   */
  static final String MINUTES_PER_WORKING_DAY = System.getProperty("training.minutes-per-working-day", "0.03");
  /** Real time of one calendar day on the training clock (a week passes in five working days' minutes). */
  static final Duration DAY = Duration.ofMillis(Math.round(Double.parseDouble(MINUTES_PER_WORKING_DAY) * 60_000 * 5 / 7));
  /** What one wait may take: a user's step on a busy machine, plus the longest period the test waits for. */
  static final Duration PATIENCE = Duration.ofSeconds(90).plus(DAY.multipliedBy(60));
  /** The service begins this many days after the request, late enough for the tender, the review and the contract. */
  static final int SERVICE_START_DAYS = 90;
  /** Real time the three organisations need to bid on the portal (18 s at a load of 8 per core). */
  static final Duration BIDDING = Duration.ofSeconds(40);
  /** The department's officials keep Tasklist open at their desk all day; everybody else takes turns at another. */
  static final String DEPARTMENT = "department";
  static final String OFFICIALS = "officials";

  @TempDir
  Path folder;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process application;
  private Path log;
  private int trainingPort;
  private Instant started;
  /** Real time spent waiting for the application: for periods to pass on the training clock, for jobs to run. */
  private Duration waited = Duration.ZERO;
  /** Who is logged into Tasklist at which desk. */
  private final Map<String, String> deskUsers = new HashMap<>();

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
    started = Instant.now();
    waited = Duration.ZERO;
    LocalDateTime firstSeen = clock();

    // --- the purchaser files the request in Tasklist, under the training banner ----------------------------------
    inTasklist(DEPARTMENT, "minzheng");
    String banner = waitVisible(By.id("training-banner")).getText();
    assertThat(banner).contains("培训模式", "培训时钟");
    LocalDate serviceStart = clock().toLocalDate().plusDays(SERVICE_START_DAYS);
    LocalDate serviceEnd = serviceStart.plusDays(14);
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
    typeDate("Field_servicePeriodEnd", serviceEnd);
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
    String project = await("the request's project number", () -> {
      JsonNode found = get("admin", "/engine-rest/process-instance?processDefinitionKey=PublicServicePurchase");
      return found.size() == 1 ? found.get(0).get("businessKey").asText() : null;
    });
    mark("request filed as " + project);

    // --- finance approves in Tasklist --------------------------------------------------------------------------
    work(OFFICIALS, "caizheng", "Task_ReviewRequest", "审核采购申请", () -> {
      waitUntil(d -> formField("Field_projectNumber").getAttribute("value").equals(project));
      check("Field_reviewDecision", "批准");
    });
    mark("request approved, intention published");

    // --- the department issues the tender documents; three organisations bid on the portal ---------------------
    // the approval published the procurement intention; the tender notice may follow 30 days after it (财库〔2020〕
    // 10号): the department waits for them on the training clock, one more day for the publication
    LocalDate intention = clock().toLocalDate();
    await("30 days after the procurement intention", () -> clock().toLocalDate().isAfter(intention.plusDays(30))
        ? Boolean.TRUE : null);
    LocalDate[] deadline = new LocalDate[1];
    work(DEPARTMENT, "minzheng", "Task_PrepareDocuments", "编制招标文件", () -> {
      check("Field_evaluationMethod", "综合评分法");
      check("Field_tieBreakRule", "随机抽取");
      // numbers first: form-js re-renders some 300 ms after a number field and would drop a text typed meanwhile
      fillAll(new String[][] {{"Field_priceWeight", "30"}, {"Field_CriterionMaxScore_0", "40"},
          {"Field_CriterionMaxScore_1", "20"}, {"Field_CriterionMaxScore_2", "10"}, {"Field_bidBond", "20000"}});
      fillAll(new String[][] {{"Field_qualificationRequirements", "依法登记的社会组织，近三年无重大违法记录。"},
          {"Field_CriterionName_0", "服务方案"}, {"Field_CriterionName_1", "项目团队"},
          {"Field_CriterionName_2", "同类服务业绩"}});
      // at least 20 days from the documents to the deadline (政府采购法第三十五条; a few more, for the submission),
      // and time enough for the three organisations to bid at this speed; read from the banner's clock just before
      // the date is entered
      LocalDate today = clock().toLocalDate();
      deadline[0] = workingDay(today.plusDays(Math.max(25, days(BIDDING).getDays())));
      typeDate("Field_clarificationDeadlineDate", workingDay(today.plusDays(10)));
      typeDate("Field_bidDeadlineDate", deadline[0]);
    });
    mark("tender documents issued, bids until " + deadline[0]);
    Map<String, String> prices = new LinkedHashMap<>(Map.of("org-yangguang", "4300000", "org-xinyu", "4250000",
        "org-huimin", "4380000"));
    for (var bid : prices.entrySet()) {
      atDesk(FIRST_DESK);
      logIntoPortal(bid.getKey(), demoPassword);
      driver.get(url("/portal/bidder"));
      click(waitVisibleWithText(By.cssSelector(".tender-call"), service).findElement(By.linkText(service)));
      waitVisible(By.cssSelector("form.bid-form"));
      typeIntoPage("price", bid.getValue());
      typeIntoPage("servicePlan", "中央厨房集中配餐，分片配送。");
      typeIntoPage("team", "配送员12名，营养师1名。");
      typeIntoPage("qualifications", "食品经营许可证。");
      new Select(driver.findElement(By.id("bondForm"))).selectByVisibleText("银行保函");
      typeIntoPage("bondReference", "BH-" + bid.getKey());
      click(driver.findElement(By.cssSelector("form.bid-form button[type='submit']")));
      waitVisible(By.cssSelector(".notice-ok"));
      logOutOfPortal();
    }
    mark("three bids submitted");
    // sealed until the deadline on the training clock: nothing of a price is public yet
    driver.get(url("/portal/projects/" + project));
    assertThat(waitVisible(By.id("main")).getText()).contains(service).doesNotContain("4,300,000");

    // --- at the deadline the bids open; qualification, the experts' declarations, scores and report -----------
    work(DEPARTMENT, "minzheng", "Task_ReviewQualification", "资格审查", () -> {
      for (int bid = 0; bid < prices.size(); bid++) {
        check("Field_Qualification_" + bid, "通过");
      }
    });
    assertThat(clock().toLocalDate()).isAfterOrEqualTo(deadline[0]);
    atDesk(FIRST_DESK);
    driver.get(url("/portal/projects/" + project));
    assertThat(waitVisible(By.id("main")).getText()).contains("开标记录");
    mark("bids opened, qualification reviewed");
    // one working day to declare is one to three seconds at the test's speed: too short for a person in a browser,
    // so the drawn experts declare through the REST call Tasklist makes, at once and each at their own desk (the
    // tour asks trainees to keep a window per expert ready: about half a minute at the default speed). A declaration
    // its deadline overtook is refused, and the seat goes to the next expert of the draw, who declares in the next
    // round.
    String chair = await("the panel is seated", () -> {
      tasks(project, "Task_DeclareConflict").parallelStream().forEach(declaration ->
          trySubmit(declaration.get("assignee").asText(), declaration, Map.of("conflictDeclaration", "NONE")));
      List<JsonNode> compliance = tasks(project, "Task_ReviewCompliance");
      return compliance.isEmpty() ? null : compliance.get(0).get("assignee").asText();
    });
    mark("panel seated");
    for (int bid = 0; bid < prices.size(); bid++) {
      work(OFFICIALS, chair, "Task_ReviewCompliance", "符合性审查",
          () -> check("Field_ComplianceOutcome", "满足实质性要求，通过"));
    }
    List<String> panel = await("the score sheets", () -> {
      List<JsonNode> sheets = tasks(project, "Task_ScoreBids");
      return sheets.size() == 5 ? sheets.stream().map(sheet -> sheet.get("assignee").asText()).toList() : null;
    });
    mark("bids compliant");
    for (String member : panel) {
      work(OFFICIALS, member, "Task_ScoreBids", "评审打分", () -> {
        List<String[]> scores = new ArrayList<>();
        for (int bid = 0; bid < prices.size(); bid++) {
          scores.add(new String[] {"Field_Score_" + bid + "_0", String.valueOf(31 + bid)});
          scores.add(new String[] {"Field_Score_" + bid + "_1", "15"});
          scores.add(new String[] {"Field_Score_" + bid + "_2", "8"});
        }
        fillAll(scores.toArray(String[][]::new));
      });
    }
    mark("bids scored");
    for (String member : panel) {
      work(OFFICIALS, member, "Task_ConfirmReport", "签署评审报告",
          () -> check("Field_ReportAgreement", "同意，签署评审报告"));
    }
    mark("report signed");

    // --- award: the department chooses no. 1 within 5 working days; the 中标通知书 starts the contract ------------
    String first = variable(project, "AwardStage", "firstCandidate");
    work(DEPARTMENT, "minzheng", "Task_ChooseWinner", "确定中标（成交）供应商",
        () -> chooseStartingWith("Field_chosenBidder", "第1名 "));
    String winner = variable(project, "ContractStage", "contractor");
    assertThat(winner).isEqualTo(first);
    mark("winner chosen, 中标通知书 sent");

    // --- contract: drafted and countersigned by the department, signed by the winner within 30 days ------------
    long amount = Long.parseLong(variable(project, "ContractStage", "contractorPrice").replaceAll("\\.0+$", ""));
    work(DEPARTMENT, "minzheng", "Task_DraftContract", "起草政府采购合同", () -> {
      fillAll(new String[][] {{"Field_contractAmount", String.valueOf(amount)},
          {"Field_performanceBond", String.valueOf(amount / 20)},
          {"Field_InstalmentAmount_0", String.valueOf(amount / 2)},
          {"Field_InstalmentAmount_1", String.valueOf(amount - amount / 2)}});
      typeDate("Field_contractPeriodStart", serviceStart);
      typeDate("Field_contractPeriodEnd", serviceEnd);
      typeDate("Field_InstalmentDueDate_0", serviceEnd);
      typeDate("Field_InstalmentDueDate_1", serviceEnd.plusDays(10));
      fillAll(new String[][] {{"Field_InstalmentName_0", "第一阶段验收"}, {"Field_InstalmentName_1", "绩效评价后尾款"},
          {"Field_contractTerms", "按合同约定配送。"}});
    });
    work(OFFICIALS, winner, "Task_SignContract", "审阅并签订合同", () -> {
      check("Field_contractorDecision", "签订合同");
      choose("Field_performanceBondForm", "银行保函");
      fillField("Field_performanceBondReference", "BH-TRAINING-001");
    });
    work(DEPARTMENT, "minzheng", "Task_CountersignContract", "采购单位签订合同",
        () -> click(formField("Field_departmentSigns")));
    work(DEPARTMENT, "minzheng", "Task_PublishContract", "公告政府采购合同", () -> { });
    work(DEPARTMENT, "minzheng", "Task_FileContract", "报财政部门备案",
        () -> fillField("Field_filingReference", "通财购备〔培训〕1号"));
    mark("contract signed, published and filed");

    // --- performance and evaluation ----------------------------------------------------------------------------
    // a report is taken only once the service has begun (实施条例第四十五条): the organisation waits for it
    await("the service period has begun", () -> !clock().toLocalDate().isBefore(serviceStart));
    mark("service period begun " + serviceStart);
    work(OFFICIALS, winner, "Task_SubmitProgressReport", "提交服务进度报告",
        () -> fillAll(new String[][] {{"Field_progressReport", "按时配送，无食品安全事故。"},
            {"Field_IndicatorReached_0", "93%"}, {"Field_IndicatorReached_1", "3000人次"}}));
    work(DEPARTMENT, "minzheng", "Task_AcceptMilestone", "组织分阶段验收", () -> {
      fillAll(new String[][] {{"Field_recipientSatisfaction", "93"}});
      fillAll(new String[][] {{"Field_recipientParticipants", "老人代表6人"}});
      check("Field_acceptanceDecision", "验收合格");
    });
    mark("milestone accepted");
    // the service period ends; the department hands the recipients their codes, and a recipient rates on the portal
    String[] code = new String[1];
    work(DEPARTMENT, "minzheng", "Task_HandOutRatingCodes", "向服务对象发放评价码", () -> {
      code[0] = waitUntil(d -> formField("Field_ratingCodes").getAttribute("value").lines().findFirst()
          .filter(line -> !line.isBlank()).orElse(null)).strip();
      click(formField("Field_ratingCodesHandedOut"));
    });
    atDesk(FIRST_DESK);
    driver.get(url("/portal"));
    click(waitVisible(By.linkText("服务评价")));
    click(waitVisibleWithText(By.cssSelector(".rating-card a.card-title"), service));
    click(waitVisible(By.xpath("//input[@name='stars1' and @value='5']/parent::label")));
    click(waitVisible(By.xpath("//input[@name='stars2' and @value='4']/parent::label")));
    typeIntoPage("code", code[0]);
    click(driver.findElement(By.cssSelector("button.submit")));
    assertThat(waitVisible(By.cssSelector(".thanks")).getText()).contains("感谢您的评价", service);
    mark("recipient rated");
    work(OFFICIALS, winner, "Task_SelfEvaluation", "承接主体自评", () -> {
      fillAll(new String[][] {{"Field_SelfScore_0", "92"}, {"Field_SelfScore_1", "90"}});
      fillAll(new String[][] {{"Field_SelfValue_0", "93%"}, {"Field_SelfValue_1", "3000人次"},
          {"Field_selfEvaluationReport", "按合同完成配送。"}});
    });
    mark("self-evaluation submitted");
    // the third party scores once the rating period (10 working days) is over
    work(OFFICIALS, "pingjia", "Task_ThirdPartyEvaluation", "第三方评价打分", () -> {
      waitUntil(d -> formField("Field_ratingSummary").getAttribute("value").contains("1") ? Boolean.TRUE : null);
      fillAll(new String[][] {{"Field_ThirdPartyScore_0", "91"}, {"Field_ThirdPartyScore_1", "90"}});
      fillAll(new String[][] {{"Field_thirdPartyReport", "抽查老人30户。"}});
    });
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
    mark("archived");
    Duration took = Duration.between(started, Instant.now());
    long trainingDays = Duration.between(firstSeen, clock()).toDays();
    System.out.printf("Training mode: %s from request to archive (%s of it waiting for the application), %d days on"
        + " the training clock at %s min/working day (at 1 min/working day: %d min of statutory time)%n", took, waited,
        trainingDays, MINUTES_PER_WORKING_DAY, trainingDays * 24 * 60 / 2016);

    // --- the public sees the result, under the same banner -------------------------------------------------------
    atDesk(FIRST_DESK);
    driver.get(url("/portal/projects/" + project));
    assertThat(waitVisible(By.id("training-banner")).getText()).contains("培训模式", "培训时钟");
    assertThat(driver.getPageSource()).contains("绩效评价结果", service);
    screenshot("archived-on-the-portal");
  }

  // --- the users at their desks ------------------------------------------------------------------------------------

  /**
   * The user does the project's task in Tasklist, as the tour has it: at the desk, logged in as the user, the task
   * opened from 我的任务 (assigned) or 本组待办 (the group's, then claimed), its form filled, completed. The user
   * turns to it once the task is there (a mail tells them; the test asks the engine as the user).
   */
  private void work(String desk, String user, String taskKey, String taskName, Runnable form) {
    JsonNode task = await(user + " gets " + taskKey, () -> {
      JsonNode found = get(user, "/engine-rest/task?processInstanceBusinessKey=" + project() + "&taskDefinitionKey="
          + taskKey);
      return found.size() > 0 ? found.get(0) : null;
    });
    inTasklist(desk, user);
    boolean offered = task.get("assignee").isNull();
    openTaskIn(offered ? "本组待办" : "我的任务", taskName);
    if (offered) {
      claimTask();
    }
    form.run();
    completeTask(taskName + " by " + user);
  }

  /** Continues at the desk with the user logged into Tasklist (the desk's last user logs out first). */
  private void inTasklist(String desk, String user) {
    boolean fresh = !hasDesk(desk);
    atDesk(desk);
    if (user.equals(deskUsers.get(desk))) {
      return;
    }
    if (fresh) {
      openTasklistFirstTime();
    } else if (deskUsers.containsKey(desk)) {
      logOut();
    }
    logIntoTasklist(user, demoPassword);
    deskUsers.put(desk, user);
  }

  /** The one project of this training database (the demo city is off). */
  private String project() {
    JsonNode found = get("admin", "/engine-rest/process-instance?processDefinitionKey=PublicServicePurchase");
    assertThat(found.size()).isEqualTo(1);
    return found.get(0).get("businessKey").asText();
  }

  /** Whole training days in that much real time (rounded up). */
  private static java.time.Period days(Duration real) {
    return java.time.Period.ofDays((int) Math.ceil((double) real.toMillis() / DAY.toMillis()));
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

  private List<JsonNode> tasks(String project, String taskKey) {
    List<JsonNode> tasks = new ArrayList<>();
    get("admin", "/engine-rest/task?processInstanceBusinessKey=" + project + "&taskDefinitionKey=" + taskKey)
        .forEach(tasks::add);
    return tasks;
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
    Instant from = Instant.now();
    try {
      return poll(what, condition, patience);
    } finally {
      waited = waited.plus(Duration.between(from, Instant.now()));
    }
  }

  private <T> T poll(String what, Supplier<T> condition, Duration patience) {
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

  /** Where the purchase stands: real time since the request, the training clock, the time spent waiting so far. */
  private void mark(String step) {
    if (started != null) {
      System.out.printf("Training mode [%s] %s: %s in, %s of it waiting; training clock %s%n", MINUTES_PER_WORKING_DAY,
          step, Duration.between(started, Instant.now()), waited, clock());
    }
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
