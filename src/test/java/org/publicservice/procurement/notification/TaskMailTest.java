package org.publicservice.procurement.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.zaxxer.hikari.HikariDataSource;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.MailOutbox.Mail;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails about tasks, end to end: a process creates tasks, the global listener queues mails in the outbox, the mail
 * dispatcher (run by hand here, as the background delivery is off in tests) sends them over SMTP to GreenMail, where
 * the test reads them as a recipient would.
 */
@ProcurementSpringTest
class TaskMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  private static final String SERVICE = "社区居家养老服务";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MailOutbox outbox;
  @Autowired MailDispatcher dispatcher;
  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired JavaMailSenderImpl mailSender;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String reviewers = "reviewers" + run;
  private final String alice = "alice" + run;
  private final String bob = "bob" + run;
  private final String carol = "carol" + run;
  private final String dave = "dave" + run;
  private final String sam = "sam" + run;
  private String deploymentId;
  private int projects;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    deploymentId = repositoryService.createDeployment().name("notification-test")
        .addClasspathResource("notification/NotificationTestProcess.bpmn")
        .addClasspathResource("notification/NotificationStepTestProcess.bpmn")
        .addClasspathResource("notification/CalendarTimeDeadlineWatchTestProcess.bpmn").deploy().getId();
    group(reviewers, "审核组");
    if (identityService.createGroupQuery().groupId(Groups.SUPERVISOR).count() == 0) {
      group(Groups.SUPERVISOR, "监督");
    }
    user(alice, "王", "丽", true, reviewers);
    user(bob, "李", "强", true, reviewers);
    user(carol, "张", "敏", false, reviewers);
    user(dave, "刘", "伟", true, null);
    user(sam, "赵", "军", true, Groups.SUPERVISOR);
    FailingStepDelegate.FAILURES_LEFT.set(0);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    FailingStepDelegate.FAILURES_LEFT.set(0);
    repositoryService.deleteDeployment(deploymentId, true);
    for (String user : List.of(alice, bob, carol, dave, sam)) {
      identityService.deleteUser(user);
    }
    identityService.deleteGroup(reviewers);
  }

  @Test
  void aNewGroupTaskIsMailedAfterCommitToEveryMemberWithAnAddress() throws Exception {
    String project = project();
    ProcessInstance instance = startProject(project, null);
    assertThat(instance).isWaitingAt("Task_Review");
    Task review = task(instance);

    assertThat(greenMail.getReceivedMessages()).as("nothing leaves before the delivery job runs").isEmpty();
    assertThat(deliverMails(project)).isEqualTo(2);

    MimeMessage toAlice = single(mailsTo(alice));
    assertThat(toAlice.getSubject()).isEqualTo("【新待办】" + project + " " + SERVICE + "：审核采购需求");
    assertThat(toAlice.getFrom()[0].toString()).contains("noreply@test.example");
    assertThat(body(toAlice)).contains("王丽，您好", "有一项新任务等待审核组办理", "项目编号：" + project,
        "服务项目：" + SERVICE, "任务：审核采购需求", "办理期限：未设定",
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + review.getId());
    assertThat(body(single(mailsTo(bob)))).contains("李强，您好", review.getId());
    assertThat(mailsTo(carol)).as("carol has no address").isEmpty();

    List<Mail> queued = outbox.findByBusinessKey(project);
    assertThat(queued).extracting(Mail::recipientUser).containsExactlyInAnyOrder(alice, bob);
    assertThat(queued).allSatisfy(mail -> {
      assertThat(mail.sentAt()).isNotNull();
      assertThat(mail.state()).isEqualTo("SENT");
    });
    assertThat(toAlice.getMessageID()).as("one Message-ID per outbox row, the same on every attempt")
        .isEqualTo("<" + queued.stream().filter(m -> alice.equals(m.recipientUser())).findFirst().orElseThrow().id()
            + "@test.example>");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(project).count())
        .as("no process instance per mail").isOne();
    assertThat(deliverMails(project)).as("sent mails stay sent").isZero();
  }

  @Test
  void aTaskAssignedBySomebodyElseIsMailedButOnesOwnClaimIsNot() throws Exception {
    String project = project();
    ProcessInstance instance = startProject(project, null);
    deliverMails(project);
    greenMail.purgeEmailFromAllMailboxes();
    Task review = task(instance);

    identityService.setAuthentication(alice, List.of(reviewers));
    try {
      taskService.claim(review.getId(), alice);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(deliverMails(project)).isZero();

    taskService.setAssignee(review.getId(), bob);
    assertThat(deliverMails(project)).isEqualTo(1);
    MimeMessage toBob = single(mailsTo(bob));
    assertThat(toBob.getSubject()).isEqualTo("【新待办】" + project + " " + SERVICE + "：审核采购需求");
    assertThat(body(toBob)).contains("李强，您好", "有一项任务已交由您办理", review.getId());
  }

  @Test
  void aRolledBackStepSendsNothing() throws Exception {
    String project = project();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      startProject(project, null);
      throw new IllegalStateException("a later part of the same step failed");
    })).hasMessageContaining("later part");

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(project).count()).isZero();
    assertThat(outbox.findByBusinessKey(project)).isEmpty();
    assertThat(deliverMails(project)).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRetriedStepMailsTheNewTaskOnce() throws Exception {
    String project = project();
    ProcessInstance instance = startProject(project, null);
    deliverMails(project);
    complete(task(instance));

    FailingStepDelegate.FAILURES_LEFT.set(1);
    Job step = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(step.getId())).hasMessageContaining("simulated");
    assertThat(outbox.findByRecipient(address(dave))).as("the failed attempt queued nothing").isEmpty();
    assertThat(deliverMails(project)).isZero();

    managementService.executeJob(step.getId());
    assertThat(instance).isWaitingAt("Task_Approve");
    assertThat(deliverMails(project)).isEqualTo(1);
    assertThat(deliverMails(project)).isZero();

    MimeMessage toDave = single(mailsTo(dave));
    assertThat(toDave.getSubject()).isEqualTo("【新待办】" + project + " " + SERVICE + "：批准采购需求");
    assertThat(body(toDave)).contains("刘伟，您好", "有一项任务已交由您办理", task(instance).getId());
  }

  @Test
  void aSupervisorSendsFailedMailsAgainButRetriesNoOtherStep() throws Exception {
    String project = project();
    ProcessInstance instance = startProject(project, null);
    complete(task(instance));
    FailingStepDelegate.FAILURES_LEFT.set(1);
    Job step = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(step.getId())).hasMessageContaining("simulated");

    identityService.setAuthentication("jiandu", List.of(Groups.SUPERVISOR));
    try {
      assertThatThrownBy(() -> managementService.setJobRetries(step.getId(), 3))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
          .hasMessage(MailRetryRight.REFUSED);
      identityService.setAuthentication("admin", List.of(Groups.ADMIN));
      managementService.setJobRetries(step.getId(), 3);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(managementService.createJobQuery().jobId(step.getId()).singleResult().getRetries()).isEqualTo(3);
  }

  @Test
  void aMailWhoseSentMarkWasLostGoesAgainWithTheSameMessageId() throws Exception {
    String project = project();
    startProject(project, null);
    assertThat(deliverMails(project)).isEqualTo(2);
    Mail toAlice = outbox.findByRecipient(address(alice)).get(0);

    // the node died after the server's "250 OK" and before the sent-mark: the row is pending under its lease
    jdbc.update("update mail_outbox set state = 'PENDING', sent_at = null, lease_owner = 'dead-node',"
        + " lease_until = ? where id = ?", new Timestamp(ClockUtil.getCurrentTime().getTime() + 60_000), toAlice.id());
    assertThat(deliverMails(project)).as("nobody takes a mail another node holds").isZero();

    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 120_000));
    assertThat(deliverMails(project)).as("after the lease it is taken over").isOne();
    List<MimeMessage> twice = mailsTo(alice);
    assertThat(twice).hasSize(2);
    assertThat(twice.get(1).getMessageID()).as("the recipient's mail system sees one message")
        .isEqualTo(twice.get(0).getMessageID());
    assertThat(outbox.find(toAlice.id()).orElseThrow().state()).isEqualTo("SENT");
  }

  @Test
  void aSlowMailServerHoldsNoDatabaseConnection() throws Exception {
    String project = project();
    startProject(project, null);
    var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
    try (SlowSmtpServer slow = SlowSmtpServer.start(Duration.ofMillis(1500))) {
      mailSender.setPort(slow.port());
      var delivery = CompletableFuture.supplyAsync(() -> deliverMails(project));
      assertThat(slow.awaitDataReceived(Duration.ofSeconds(10))).as("the server is holding a mail").isTrue();
      int activeWhileTheServerTakesItsTime = pool.getActiveConnections();
      assertThat(delivery.get(30, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(activeWhileTheServerTakesItsTime).as("connections in use while the mail server works").isZero();
      assertThat(slow.messageIds()).hasSize(2).doesNotHaveDuplicates();
    } finally {
      mailSender.setPort(TestSmtp.SETUP.getPort());
    }
    assertThat(outbox.findByBusinessKey(project)).allSatisfy(mail -> assertThat(mail.state()).isEqualTo("SENT"));
  }

  @Test
  void mailQueuedWhileTheServerIsDownIsDeliveredWhenItIsBack() throws Exception {
    ClockUtil.setCurrentTime(at("2026-12-01T09:00:00+08:00"));
    greenMail.stop();
    String project = project();
    ProcessInstance instance = startProject(project, null);

    assertThat(deliverMails(project)).isEqualTo(2);
    assertThat(outbox.findByBusinessKey(project)).hasSize(2).allSatisfy(mail -> {
      assertThat(mail.state()).isEqualTo("PENDING");
      assertThat(mail.attempts()).as("failed attempts").isOne();
      assertThat(mail.nextAttemptAt()).isEqualTo(at("2026-12-01T09:01:00+08:00").toInstant());
      assertThat(mail.lastError()).isNotBlank();
    });
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();

    greenMail.start();
    assertThat(deliverMails(project)).as("not before the back-off").isZero();
    ClockUtil.setCurrentTime(at("2026-12-01T09:01:00+08:00"));
    assertThat(deliverMails(project)).isEqualTo(2);
    assertThat(mailsTo(alice)).hasSize(1);
    assertThat(mailsTo(bob)).hasSize(1);
    assertThat(outbox.findByBusinessKey(project)).allSatisfy(mail -> assertThat(mail.sentAt()).isNotNull());
  }

  @Test
  void mailThatCannotGoOutEndsAsAnIncidentOnItsPurchaseAndIsSentWhenRetriedThere() throws Exception {
    ClockUtil.setCurrentTime(at("2026-12-01T09:00:00+08:00"));
    greenMail.stop();
    String project = project();
    ProcessInstance instance = startProject(project, null);
    Mail toAlice = outbox.findByRecipient(address(alice)).get(0);

    List<Duration> backOff = new ArrayList<>();
    int attempts = 0;
    Mail mail;
    do {
      attempts++;
      deliverMails(project);
      mail = outbox.find(toAlice.id()).orElseThrow();
      if ("PENDING".equals(mail.state())) {
        backOff.add(Duration.between(ClockUtil.getCurrentTime().toInstant(), mail.nextAttemptAt()));
        ClockUtil.setCurrentTime(Date.from(mail.nextAttemptAt()));
      }
    } while ("PENDING".equals(mail.state()));

    assertThat(attempts).isEqualTo(6);
    assertThat(mail.state()).isEqualTo("FAILED");
    assertThat(backOff).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(4));
    var incident = runtimeService.createIncidentQuery().incidentType("failedJob")
        .processInstanceId(instance.getId()).list().stream()
        .filter(i -> i.getIncidentMessage().contains(address(alice))).findFirst().orElseThrow();
    assertThat(incident.getIncidentMessage()).as("on the purchase's own process instance, saying what failed")
        .contains("邮件未能发出", "已尝试6次");
    assertThat(incident.getActivityId()).isEqualTo("Task_Review");
    assertThat(instance).as("the procedure is not blocked").isWaitingAt("Task_Review");

    greenMail.start();
    String failedJob = incident.getConfiguration();
    // a purchaser may not re-send mails; a supervisor may, from Cockpit
    identityService.setAuthentication("minzheng", List.of(Groups.PURCHASER, Groups.DEPT_CIVIL_AFFAIRS));
    try {
      assertThatThrownBy(() -> managementService.setJobRetries(failedJob, 1))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      identityService.setAuthentication("jiandu", List.of(Groups.SUPERVISOR));
      managementService.setJobRetries(failedJob, 1);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
    managementService.executeJob(failedJob);
    assertThat(managementService.createJobQuery().jobId(failedJob).count()).isZero();
    assertThat(deliverMails(project)).as("alice's mail; bob's stays an incident until it is retried").isOne();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
    assertThat(single(mailsTo(alice)).getSubject()).contains(project);
    assertThat(outbox.find(toAlice.id()).orElseThrow().state()).isEqualTo("SENT");
  }

  @Test
  void deadlinesNearAndPassedAreRemindedOnceEach() throws Exception {
    ClockUtil.setCurrentTime(at("2026-12-01T09:00:00+08:00"));
    String project = project();
    startProject(project, at("2026-12-04T17:00:00+08:00"));
    deliverMails(project);
    greenMail.purgeEmailFromAllMailboxes();

    ClockUtil.setCurrentTime(at("2026-12-02T17:00:00+08:00"));
    runDeadlineWatch();
    assertThat(deliverMails(project)).as("two days ahead: no reminder yet").isZero();

    ClockUtil.setCurrentTime(at("2026-12-03T21:00:00+08:00"));
    runDeadlineWatch();
    assertThat(deliverMails(project)).isEqualTo(2);
    MimeMessage soon = single(mailsTo(alice));
    assertThat(soon.getSubject()).isEqualTo("【即将到期】" + project + " " + SERVICE + "：审核采购需求");
    assertThat(body(soon)).contains("王丽，您好", "办理期限即将到达", "办理期限：2026年12月4日 17:00");
    assertThat(mailsTo(bob)).hasSize(1);
    assertThat(mailsTo(sam)).isEmpty();

    ClockUtil.setCurrentTime(at("2026-12-03T21:30:00+08:00"));
    runDeadlineWatch();
    assertThat(deliverMails(project)).as("reminded once").isZero();

    ClockUtil.setCurrentTime(at("2026-12-04T18:00:00+08:00"));
    runDeadlineWatch();
    // the candidates and every supervisor (the demo data may add supervisors of its own)
    assertThat(deliverMails(project)).isGreaterThanOrEqualTo(3);
    assertThat(mailsTo(alice)).hasSize(2);
    assertThat(mailsTo(alice).get(1).getSubject()).isEqualTo("【已超期】" + project + " " + SERVICE + "：审核采购需求");
    assertThat(body(mailsTo(bob).get(1))).contains("李强，您好", "已超过办理期限");
    MimeMessage toSupervisor = single(mailsTo(sam));
    assertThat(toSupervisor.getSubject()).isEqualTo("【超期提醒】" + project + " " + SERVICE + "：审核采购需求 已超期");
    assertThat(body(toSupervisor)).contains("赵军，您好", "负责办理：审核组", "办理期限：2026年12月4日 17:00");

    ClockUtil.setCurrentTime(at("2026-12-05T09:00:00+08:00"));
    runDeadlineWatch();
    assertThat(deliverMails(project)).isZero();
  }

  @Test
  void aDeadlineIsNearWhenItFallsBeforeTheEndOfTheNextWorkingDayOfTheChineseCalendar() throws Exception {
    // the day before the National Day holiday (Oct 1-7, 2026); Oct 8 is the next working day
    ClockUtil.setCurrentTime(at("2026-09-30T10:00:00+08:00"));
    String afterHoliday = project();
    String dayLater = project();
    startProject(afterHoliday, at("2026-10-08T17:00:00+08:00"));
    startProject(dayLater, at("2026-10-09T17:00:00+08:00"));
    deliverMails(afterHoliday);
    deliverMails(dayLater);
    greenMail.purgeEmailFromAllMailboxes();

    runDeadlineWatch();
    assertThat(deliverMails(afterHoliday)).as("eight calendar days, one working day away").isEqualTo(2);
    assertThat(deliverMails(dayLater)).isZero();
    assertThat(single(mailsTo(alice)).getSubject()).startsWith("【即将到期】" + afterHoliday);

    ClockUtil.setCurrentTime(at("2026-10-08T09:00:00+08:00"));
    runDeadlineWatch();
    assertThat(deliverMails(dayLater)).isEqualTo(2);
    assertThat(deliverMails(afterHoliday)).as("reminded already").isZero();
  }

  @Test
  void aDeadlineScanWithoutTheWorkingDayLimitUsesCalendarTime() throws Exception {
    ClockUtil.setCurrentTime(at("2026-12-04T10:00:00+08:00"));
    String project = project();
    startProject(project, at("2026-12-07T17:00:00+08:00"));
    deliverMails(project);
    greenMail.purgeEmailFromAllMailboxes();

    runtimeService.startProcessInstanceByKey("CalendarTimeDeadlineWatchTestProcess");
    assertThat(deliverMails(project)).as("three calendar days away").isZero();

    ClockUtil.setCurrentTime(at("2026-12-06T18:00:00+08:00"));
    runtimeService.startProcessInstanceByKey("CalendarTimeDeadlineWatchTestProcess");
    assertThat(deliverMails(project)).as("within procurement.mail.due-soon-within (P1D)").isEqualTo(2);
    assertThat(single(mailsTo(bob)).getSubject()).startsWith("【即将到期】" + project);
  }

  @Test
  void theNotificationStepMailsGroupMembersAndAnAddressWithProcessData() throws Exception {
    String project = project();
    String supplier = "bidder-" + run + "@test.example";
    runtimeService.startProcessInstanceByKey("NotificationStepTestProcess", project, Variables.createVariables()
        .putValue("serviceName", SERVICE).putValue("reviewGroup", reviewers).putValue("supplierEmail", supplier)
        .putValue("bidDeadline", "2026年12月20日 17:00"));

    assertThat(deliverMails(project)).isEqualTo(3);
    MimeMessage toSupplier = single(received(supplier));
    assertThat(toSupplier.getSubject()).isEqualTo("【报名提醒】" + project + " " + SERVICE);
    assertThat(body(toSupplier)).contains("报名单位，您好", "报名截止时间为 2026年12月20日 17:00");
    assertThat(body(single(mailsTo(alice)))).contains("王丽，您好", project);
    assertThat(mailsTo(bob)).hasSize(1);
  }

  @Test
  void oneEventMailsEachPersonOnce() throws Exception {
    String project = project();
    Map<String, Object> model = Map.of(MailVariables.MODEL_PROJECT_NUMBER, project, "bidDeadline", "明天");
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      assertThat(notifications.toGroup(reviewers, "test-notice", "opening:" + project, model)).isEqualTo(2);
      assertThat(notifications.toUser(alice, "test-notice", "opening:" + project, model)).isZero();
      assertThat(notifications.toGroup(reviewers, "test-notice", "opening:" + project, model)).isZero();
    });
    assertThat(deliverMails(project)).isEqualTo(2);
    assertThat(mailsTo(alice)).hasSize(1);
  }

  @Test
  void aLongEventKeyStillMailsOnce() throws Exception {
    String project = project();
    String event = "contract-signed:" + project + ":" + "甲".repeat(500);
    Map<String, Object> model = Map.of(MailVariables.MODEL_PROJECT_NUMBER, project, "bidDeadline", "明天");
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      assertThat(notifications.toUser(alice, "test-notice", event, model)).isOne();
      assertThat(notifications.toUser(alice, "test-notice", event, model)).isZero();
    });
    assertThat(deliverMails(project)).isOne();
  }

  @Test
  void anyLoggedInUsersActionMayCauseAMailWithoutRightsToTheMailProcess() throws Exception {
    String project = project();
    Map<String, Object> model = Map.of(MailVariables.MODEL_PROJECT_NUMBER, project, "bidDeadline", "明天");
    identityService.setAuthentication(dave, List.of());
    try {
      new TransactionTemplate(transactionManager).executeWithoutResult(status ->
          assertThat(notifications.toGroup(reviewers, "test-notice", "opening:" + project, model)).isEqualTo(2));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(deliverMails(project)).isEqualTo(2);
    assertThat(body(single(mailsTo(bob)))).contains("李强，您好");
  }

  private void runDeadlineWatch() {
    Job timer = managementService.createJobQuery().processDefinitionKey(MailVariables.DEADLINE_WATCH_PROCESS)
        .timers().singleResult();
    managementService.executeJob(timer.getId());
    for (Job scan : managementService.createJobQuery().processDefinitionKey(MailVariables.DEADLINE_WATCH_PROCESS)
        .messages().list()) {
      managementService.executeJob(scan.getId());
    }
  }

  private ProcessInstance startProject(String project, Date reviewDue) {
    return runtimeService.startProcessInstanceByKey("NotificationTestProcess", project, Variables.createVariables()
        .putValue("serviceName", SERVICE).putValue("reviewGroup", reviewers).putValue("reviewDue", reviewDue)
        .putValue("approver", dave));
  }

  private String project() {
    return "NT-2026-" + run + "-" + (++projects);
  }

  /** Sends the project's due mails as the background delivery would; returns how many were tried. */
  private int deliverMails(String project) {
    return dispatcher.deliverDue(project);
  }

  private List<MimeMessage> mailsTo(String userId) throws Exception {
    return received(address(userId));
  }

  private List<MimeMessage> received(String address) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      Address[] to = message.getAllRecipients();
      if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address))) {
        mails.add(message);
      }
    }
    return mails;
  }

  private static MimeMessage single(List<MimeMessage> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static String body(MimeMessage message) throws Exception {
    return message.getContent().toString();
  }

  private static String address(String userId) {
    return userId + "@test.example";
  }

  private static Date at(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }

  private void group(String id, String name) {
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(Groups.TYPE_ROLE);
    identityService.saveGroup(group);
  }

  /** Names as the product stores them: family name in firstName (Camunda shows "first last"). */
  private void user(String id, String familyName, String givenName, boolean withAddress, String groupId) {
    User user = identityService.newUser(id);
    user.setFirstName(familyName);
    user.setLastName(givenName);
    user.setPassword(id);
    if (withAddress) {
      user.setEmail(address(id));
    }
    identityService.saveUser(user);
    if (groupId != null) {
      identityService.createMembership(id, groupId);
    }
  }
}
