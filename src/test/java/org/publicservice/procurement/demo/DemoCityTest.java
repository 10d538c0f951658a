package org.publicservice.procurement.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementApplication;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.contract.SigningHolds;
import org.publicservice.procurement.demo.DemoCity.Stage;
import org.publicservice.procurement.ocds.OcdsSchemas;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.tender.BidBox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo on a fresh data folder, as a newcomer starts it: the first start is killed (SIGKILL) in the middle of
 * seeding the city, the next start on the same folder finds nothing of it and seeds the whole city once, and
 * afterwards every stage the demo promises exists with the tasks of its users, every role has work in Tasklist,
 * and the portal, the statistics, the organisations and the open data are full and valid. Its own JVM
 * ({@code isolated}), plus one more for the killed start: the shared test context never seeds.
 */
@Tag("isolated")
class DemoCityTest {

  /** Far more than a start and three purchases take on a busy CI machine (well under a minute on a quiet one). */
  private static final long SEEDING_DEADLINE_MINUTES = 4;

  @TempDir
  Path folder;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aStartKilledMidSeedingLeavesNothingAndTheNextStartSeedsEveryStageOnce() throws Exception {
    String database = "jdbc:h2:file:" + folder.resolve("data/procurement").toAbsolutePath() + ";NON_KEYWORDS=VALUE";
    killMidSeeding(database);

    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ProcurementApplication.class)
        .run(settings(database).toArray(String[]::new))) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();

      // once: the marker counts the whole city, and numbers run from 0001 without a gap left by the killed start
      assertThat(jdbc.sql("SELECT purchases FROM demo_city_seeding").query(Integer.class).single())
          .isEqualTo(DemoCity.PURCHASES.size());
      List<HistoricProcessInstance> purchases = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(PlanningVariables.PROCESS_KEY).orderByProcessInstanceBusinessKey().asc().list();
      assertThat(purchases).hasSize(DemoCity.PURCHASES.size());
      assertThat(purchases).extracting(p -> p.getBusinessKey().substring(p.getBusinessKey().length() - 4))
          .doesNotHaveDuplicates().contains("0001");
      assertThat(purchases.stream().mapToInt(p -> Integer.parseInt(p.getBusinessKey().substring(8))).max()
          .orElseThrow()).isLessThanOrEqualTo(DemoCity.PURCHASES.size());

      Map<Stage, String> projects = projectsByStage(engine);
      assertThat(projects).containsOnlyKeys(Stage.values());
      checkStages(engine, context.getBean(BidBox.class), projects);
      checkRemedies(engine, context.getBean(SigningHolds.class), context.getBean(WorkingDayCalendar.class), projects);
      checkEveryRoleHasWork(engine);
      checkCockpitShowsEveryStage(engine);
      checkPortal(new PortalClient(port), projects);

      // a restart's start-up step finds the marker and adds nothing
      context.getBean(DemoCitySeeding.class).onDeployed(new PostDeployEvent(engine));
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(PlanningVariables.PROCESS_KEY).count()).isEqualTo(DemoCity.PURCHASES.size());
    }
  }

  private static List<String> settings(String database) {
    return List.of("--spring.profiles.active=demo", "--spring.datasource.url=" + database,
        "--server.port=0", "--procurement.mail.demo-server.port=0", "--spring.main.banner-mode=off",
        // the test checks what the seeding left; the jobs it left for later (mails, reminders) do not run
        "--camunda.bpm.job-execution.enabled=false");
  }

  /** A start of its own JVM on the folder, killed without warning once three purchases are seeded. */
  private void killMidSeeding(String database) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
        ProcurementApplication.class.getName()));
    command.addAll(settings(database));
    Process start = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch third = new CountDownLatch(1);
    AtomicBoolean reached = new AtomicBoolean();
    // the output is read on its own thread so that a start which never reaches the third purchase (stuck, or up
    // and idle after a failed seeding) fails the test at the deadline instead of blocking on readLine forever
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(new InputStreamReader(start.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = output.readLine()) != null) {
          log.add(line);
          if (line.contains("Demo city 3/" + DemoCity.PURCHASES.size())) {
            reached.set(true);
            third.countDown();
          } else if (line.contains("Started ProcurementApplication")) {
            // the seeding runs before the start completes: a start that completes has failed to seed
            third.countDown();
          }
        }
      } catch (java.io.IOException closed) {
        // the start was killed: its output ends here
      }
    }, "demo-first-start-output");
    reader.setDaemon(true);
    reader.start();
    boolean killed;
    try {
      killed = third.await(SEEDING_DEADLINE_MINUTES, TimeUnit.MINUTES) && reached.get();
    } finally {
      start.destroyForcibly();
      start.waitFor(60, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(10));
    }
    List<String> seen;
    synchronized (log) {
      seen = new ArrayList<>(log);
    }
    // the seeding's error (the first ERROR and its cause) and the end of the log
    int error = Math.max(0, seen.stream().filter(line -> line.contains(" ERROR ")).findFirst().map(seen::indexOf)
        .orElse(seen.size()));
    assertThat(killed).as("the first start reached the third purchase within %d minutes; its log:\n%s\n...\n%s",
        SEEDING_DEADLINE_MINUTES, String.join("\n", seen.subList(error, Math.min(seen.size(), error + 25))),
        String.join("\n", seen.subList(Math.max(0, seen.size() - 20), seen.size()))).isTrue();
  }

  /** Each stage's project, by the service name the demo city gave it. */
  private static Map<Stage, String> projectsByStage(ProcessEngine engine) {
    Map<Stage, String> projects = new LinkedHashMap<>();
    for (DemoPurchase purchase : DemoCity.PURCHASES) {
      var instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(PlanningVariables.PROCESS_KEY)
          .variableValueEquals(PlanningVariables.SERVICE_NAME, purchase.serviceName()).singleResult();
      assertThat(instance).as(purchase.serviceName()).isNotNull();
      projects.put(Stage.valueOf(purchase.stage()), instance.getBusinessKey());
    }
    return projects;
  }

  private static void checkStages(ProcessEngine engine, BidBox bidBox, Map<Stage, String> projects) {
    assertTask(engine, "caizheng", projects.get(Stage.FINANCE_REVIEW), "Task_ReviewRequest");
    assertTask(engine, "weijian", projects.get(Stage.INTENTION_OPEN), "Task_PrepareDocuments");
    assertTask(engine, "weijian", projects.get(Stage.INTENTION_OPEN), "Task_ReadComment");
    assertThat(bidBox.countBids(projects.get(Stage.TENDER_OPEN))).isEqualTo(3);
    assertThat(waitingAt(engine, projects.get(Stage.TENDER_OPEN))).contains("Timer_BidDeadline");
    assertThat(bidBox.countBids(projects.get(Stage.RETENDERED))).isEqualTo(1);
    var retender = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(projects.get(Stage.RETENDERED)).processDefinitionKey("TenderStage").singleResult();
    assertThat(((Number) engine.getRuntimeService().getVariable(retender.getId(), "tenderRound")).intValue())
        .isEqualTo(2);
    assertTask(engine, "minzheng", projects.get(Stage.SINGLE_SOURCE_OBJECTION), "Task_AnswerObjection");
    var sheets = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(
        projects.get(Stage.REVIEW_SCORING)).taskDefinitionKey("Task_ScoreBids").list();
    assertThat(sheets).hasSize(5);
    sheets.forEach(sheet -> assertTask(engine, sheet.getAssignee(), projects.get(Stage.REVIEW_SCORING),
        "Task_ScoreBids"));
    assertTask(engine, "renshe", projects.get(Stage.AWARD_DECISION), "Task_ChooseWinner");
    assertTask(engine, "weijian", projects.get(Stage.CHALLENGE_PENDING), "Task_ReplyToChallenge");
    assertTask(engine, "org-xinyu", projects.get(Stage.CONTRACT_SIGNATURE), "Task_SignContract");
    assertTask(engine, "renshe", projects.get(Stage.MILESTONE_ACCEPTANCE), "Task_AcceptMilestone");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(projects.get(Stage.RATINGS_OPEN))
        .taskDefinitionKey("Task_SelfEvaluation").count()).isOne();
    assertTask(engine, "pingjia", projects.get(Stage.THIRD_PARTY), "Task_ThirdPartyEvaluation");
    HistoricProcessInstance archived = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(projects.get(Stage.ARCHIVED)).processDefinitionKey(PlanningVariables.PROCESS_KEY)
        .singleResult();
    assertThat(archived.getEndActivityId()).isEqualTo("EndEvent_PurchaseArchived");
  }

  /**
   * The challenge pending holds the signing of its purchase (实施条例第五十四条) while the department drafts; the
   * purchase whose challenge was answered signs again, its period longer by the days held, and finance has the
   * challenger's complaint to examine.
   */
  private static void checkRemedies(ProcessEngine engine, SigningHolds holds, WorkingDayCalendar workingDays,
      Map<Stage, String> projects) {
    String challenged = projects.get(Stage.CHALLENGE_PENDING);
    assertThat(holds.reasons(challenged)).singleElement().asString().contains("质疑尚待答复");
    assertTask(engine, "weijian", challenged, "Task_DraftContract");
    String complained = projects.get(Stage.CONTRACT_SIGNATURE);
    assertThat(holds.reasons(complained)).isEmpty();
    assertTask(engine, "caizheng", complained, "Task_ExamineComplaint");
    var contract = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(complained)
        .processDefinitionKey("ContractStage").singleResult();
    var award = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(complained)
        .processDefinitionKey("AwardStage").singleResult();
    var signBy = (java.util.Date) engine.getRuntimeService().getVariable(contract.getId(), "signingDeadline");
    var letter = award.getEndTime().toInstant().atZone(ProcurementTime.ZONE).toLocalDate();
    assertThat(signBy).as("30 days from the letter, and the days held").isAfter(workingDays.calendarDaysAfter(letter, 30));
  }

  private static List<String> waitingAt(ProcessEngine engine, String project) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(project).active().list()
        .stream().flatMap(i -> engine.getRuntimeService().getActiveActivityIds(i.getId()).stream()).toList();
  }

  /** The user finds the project's task in Tasklist: assigned to them or offered to one of their groups. */
  private static void assertTask(ProcessEngine engine, String user, String project, String taskKey) {
    assertThat(visibleTasks(engine, user).stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)
        && project.equals(businessKey(engine, t.getProcessInstanceId()))).count())
        .as("%s sees %s of %s", user, taskKey, project).isOne();
  }

  private static String businessKey(ProcessEngine engine, String processInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
  }

  /** What Tasklist's 我的任务 and 本组待办 list for the user, with the user's rights. */
  private static List<org.camunda.bpm.engine.task.Task> visibleTasks(ProcessEngine engine, String user) {
    var identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().or().taskAssignee(user).taskCandidateUser(user).endOr().list();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void checkEveryRoleHasWork(ProcessEngine engine) {
    for (String user : List.of("minzheng", "minzheng2", "weijian", "jiaoyu", "renshe", "caizheng", "pingjia",
        "org-xinyu", "org-huimin")) {
      assertThat(visibleTasks(engine, user)).as("work of %s", user).isNotEmpty();
    }
    // the drawn experts (and the department's representative on the panel) have their score sheets
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ScoreBids").list())
        .extracting(org.camunda.bpm.engine.task.Task::getAssignee).filteredOn(user -> user.startsWith("expert"))
        .hasSizeGreaterThanOrEqualTo(4).allSatisfy(expert -> assertThat(visibleTasks(engine, expert)).isNotEmpty());
  }

  private static void checkCockpitShowsEveryStage(ProcessEngine engine) {
    for (String stage : List.of("PublicServicePurchase", "TenderStage", "ReviewStage", "AwardStage", "ContractStage",
        "PerformanceStage", "EvaluationStage", "SingleSourceStage", "IntentionComment", "BidChallenge",
        "BidComplaint")) {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(stage).count())
          .as("running %s", stage).isPositive();
    }
  }

  private void checkPortal(PortalClient visitor, Map<Stage, String> projects) throws Exception {
    String home = page(visitor, "/portal");
    assertThat(home).doesNotContain("目前没有正在接受投标的项目")
        .contains(projects.get(Stage.TENDER_OPEN), projects.get(Stage.RETENDERED));
    String list = page(visitor, "/portal/projects");
    for (Stage stage : Stage.values()) {
      if (stage != Stage.FINANCE_REVIEW) {
        assertThat(list).as("project list shows %s", stage).contains(projects.get(stage));
      }
    }
    assertThat(list).doesNotContain(projects.get(Stage.FINANCE_REVIEW));
    assertThat(page(visitor, "/portal/organisations")).contains("南通心语社会工作服务社", "南通安乐居家养老服务社");
    assertThat(page(visitor, "/portal/ratings")).contains("家庭医生签约居民健康管理服务");
    assertThat(page(visitor, "/portal/statistics")).contains("<svg");
    assertThat(page(visitor, "/portal/projects/" + projects.get(Stage.ARCHIVED))).contains("绩效评价结果");

    JsonNode feed = json.readTree(page(visitor, "/ocds/releases"));
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, feed)).isEmpty();
    assertThat(feed.get("releases").size()).isGreaterThan(30);
    for (String project : projects.values()) {
      if (!project.equals(projects.get(Stage.FINANCE_REVIEW))) {
        JsonNode records = json.readTree(page(visitor, "/ocds/records/" + project));
        assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, records)).as(project).isEmpty();
      }
    }
  }

  private static String page(PortalClient visitor, String path) {
    var answer = visitor.get(path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return answer.body();
  }
}
