package org.publicservice.procurement.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.publicservice.procurement.notification.SlowSmtpServer;

/**
 * The packaged application on its embedded H2 default, killed with SIGKILL while officials and organisations work,
 * restarted on the same ./data/: whatever it acknowledged (requests, approvals, bid receipts, credit records written by
 * the jobs their entries queued) is there exactly once,
 * no project number repeats, the
 * work it had queued (jobs, mails) is finished after the restart, and a clean stop logs no error.
 */
@Tag("crash")
class H2CrashTest {

  @TempDir Path directory;
  private AppNode node;
  private SlowSmtpServer smtp;

  @AfterEach
  void tearDown() throws Exception {
    if (node != null && node.alive()) {
      node.kill();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void acknowledgedWorkSurvivesAKillOfTheJvmOnH2() throws Exception {
    smtp = SlowSmtpServer.start(Duration.ZERO);
    node = new AppNode("h2-node", directory.resolve("app"), Path.of("target", "crash-tests"),
        // a lock time far beyond the test: a job the killed run had locked is done after the restart only because
        // the node gives its own locks back when it starts (cluster/OwnJobLocks)
        List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
            "--camunda.bpm.job-execution.lock-time-in-millis=600000"));
    node.start();
    node.awaitReady(Duration.ofMinutes(3));
    ProcurementClient client = new ProcurementClient(node);
    String tender = client.openTender();

    CrashLoad.Acknowledged acknowledged = new CrashLoad.Acknowledged();
    CrashLoad load = new CrashLoad(acknowledged).requests(client, 2)
        .bids(client, tender, List.of("org-yangguang", "org-xinyu", "org-huimin", "org-qingchun", "org-anle"))
        .creditRecords(client);
    load.runUntil(3, 3, Duration.ofSeconds(90));
    node.kill();
    load.stop();
    assertThat(acknowledged.approvedProjects).as("work acknowledged before the kill: %s", acknowledged).isNotEmpty();
    assertThat(acknowledged.bidReceipts).as("bids acknowledged before the kill: %s", acknowledged).isNotEmpty();
    assertThat(acknowledged.creditRecords).as("credit records before the kill: %s", acknowledged).isNotEmpty();

    Evidence evidence = new Evidence("jdbc:h2:file:" + directory.resolve("app/data/procurement")
        + ";NON_KEYWORDS=VALUE", "sa", "");
    int lockedAtTheKill = evidence.count("select count(*) from act_ru_job where lock_owner_ = 'h2-node'");

    node.start();
    node.awaitReady(Duration.ofMinutes(3));
    Drain.untilIdle(client, smtp, Duration.ofSeconds(90));
    node.stop();
    assertThat(node.lastRunLog()).as("a clean stop logs no error").noneMatch(line -> line.contains(" ERROR "));

    evidence.everyAcknowledgedStepIsThereOnce(acknowledged);
    evidence.nothingIsStuck();
    // only a mail the server accepted in the instant before the kill can go twice (two sender threads)
    int twice = evidence.everySentMailArrivedWithItsMessageId(smtp.messageIds(), 2);
    System.out.printf("H2 crash: %s; %d jobs locked by the killed run; %d mails sent, %d received twice%n",
        acknowledged, lockedAtTheKill, evidence.sentMailIds().size(), twice);
  }
}
