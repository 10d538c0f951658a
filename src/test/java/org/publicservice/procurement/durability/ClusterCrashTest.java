package org.publicservice.procurement.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.publicservice.procurement.notification.SlowSmtpServer;

/**
 * Two nodes of the packaged application on one PostgreSQL database with a slow mail server, as production runs:
 * both start at the same moment on the empty database; officials and organisations work on both; one node is
 * killed with SIGKILL mid-load and the other finishes its work (its locked jobs after the lock time, its mails in
 * flight after their lease); readiness follows the database going away and coming back; the killed node is
 * restarted on the same data. Every acknowledged step is then there exactly once and nothing is left undone.
 */
@Tag("crash")
class ClusterCrashTest {

  /** Shorter than production's 60 s / 2 min so that the run stays short; the mechanism is the same. */
  private static final String LOCK_TIME_MILLIS = "10000";
  private static final String MAIL_LEASE = "PT10S";

  @TempDir Path directory;
  private EmbeddedPostgres postgres;
  private SlowSmtpServer smtp;
  private AppNode a;
  private AppNode b;

  @AfterEach
  void tearDown() throws Exception {
    for (AppNode node : new AppNode[] {a, b}) {
      if (node != null && node.alive()) {
        node.kill();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void twoNodesOnPostgresLoseNothingWhenOneIsKilled() throws Exception {
    int databasePort = AppNode.freePort();
    Path data = directory.resolve("pgdata");
    postgres = startPostgres(data, databasePort);
    smtp = SlowSmtpServer.start(Duration.ofMillis(400));
    List<String> settings = List.of(
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
        "--spring.datasource.username=postgres", "--spring.datasource.password=",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
        "--procurement.mail.delivery.lease=" + MAIL_LEASE, "--procurement.mail.delivery.poll-interval=PT2S");
    Path logs = Path.of("target", "crash-tests");
    a = new AppNode("node-a", directory.resolve("a"), logs, settings);
    b = new AppNode("node-b", directory.resolve("b"), logs, settings);

    // the first start of a cluster: both nodes create the schema at the same moment
    a.start();
    b.start();
    a.awaitReady(Duration.ofMinutes(4));
    b.awaitReady(Duration.ofMinutes(4));
    assertThat(a.lastRunLog()).as("node a names itself in its log").anyMatch(line -> line.contains("[node-a]"));

    ProcurementClient onA = new ProcurementClient(a);
    ProcurementClient onB = new ProcurementClient(b);
    String tender = onA.openTender();
    CrashLoad.Acknowledged acknowledged = new CrashLoad.Acknowledged();
    CrashLoad loadOnA = new CrashLoad(acknowledged).requests(onA, 2)
        .bids(onA, tender, List.of("org-yangguang", "org-xinyu", "org-huimin")).creditRecords(onA);
    CrashLoad loadOnB = new CrashLoad(acknowledged).requests(onB, 1)
        .bids(onB, tender, List.of("org-qingchun", "org-anle")).creditRecords(onB);
    loadOnA.runUntil(3, 3, Duration.ofSeconds(90));
    a.kill();
    loadOnA.stop();
    Thread.sleep(3_000);
    loadOnB.stop();
    assertThat(acknowledged.approvedProjects).as("work acknowledged: %s", acknowledged).isNotEmpty();
    assertThat(acknowledged.bidReceipts).as("work acknowledged: %s", acknowledged).isNotEmpty();
    assertThat(acknowledged.creditRecords).as("work acknowledged: %s", acknowledged).isNotEmpty();

    // the database goes away: node b stops taking traffic but stays alive, and takes traffic again by itself
    postgres.close();
    awaitStatus(b, "/actuator/health/readiness", 503, Duration.ofSeconds(60));
    assertThat(b.status("/actuator/health/liveness")).as("liveness while the database is away").isEqualTo(200);
    postgres = startPostgres(data, databasePort);
    awaitStatus(b, "/actuator/health/readiness", 200, Duration.ofSeconds(60));

    // node b finishes node a's work: its jobs after the lock time, its mails after their lease
    Drain.untilIdle(onB, smtp, Duration.ofSeconds(120));
    Evidence evidence = new Evidence("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", "");
    evidence.everyAcknowledgedStepIsThereOnce(acknowledged);
    evidence.nothingIsStuck();
    assertThat(evidence.jobsRunByNode()).as("the job log names the node that ran each job")
        .containsKeys("node-a", "node-b").doesNotContainKey("127.0.0.1$default");

    // the killed node comes back on the same data
    a.start();
    a.awaitReady(Duration.ofMinutes(3));
    Drain.untilIdle(onA, smtp, Duration.ofSeconds(60));
    evidence.everyAcknowledgedStepIsThereOnce(acknowledged);
    evidence.nothingIsStuck();

    // only mails in flight on the killed node (at most its two senders) can go twice
    int twice = evidence.everySentMailArrivedWithItsMessageId(smtp.messageIds(), 2);
    a.stop();
    b.stop();
    System.out.printf("PostgreSQL cluster crash: %s; %d mails sent, %d received twice; jobs by node %s%n",
        acknowledged, evidence.sentMailIds().size(), twice, evidence.jobsRunByNode());
  }

  private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
        .setRegisterShutdownHook(false).setServerConfig("client_encoding", "UTF8")
        // the database server itself is not what this test crashes: durability costs a slowdown on the CI disk
        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
        .setServerConfig("max_connections", "100").start();
  }

  private static void awaitStatus(AppNode node, String path, int status, Duration timeout) throws Exception {
    Instant until = Instant.now().plus(timeout);
    int last = -1;
    while (Instant.now().isBefore(until)) {
      last = node.status(path);
      if (last == status) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(node.name + " " + path + " answered " + last + ", not " + status + ", for " + timeout);
  }
}
