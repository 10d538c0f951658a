package org.publicservice.procurement.durability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.publicservice.procurement.notification.SlowSmtpServer;

/**
 * The durability benchmark (not a test; bench/crash_bench.sh runs it):
 *
 * <ol>
 *   <li><b>Crashes.</b> The packaged application under load (requests and approvals through REST, bids through the
 *       portal, credit records that a queued job writes) is killed with SIGKILL {@code --kills} times and restarted
 *       on the same data; then the acknowledged steps are compared with what the database holds, and the mails the
 *       server received with the outbox. On H2, or on PostgreSQL with {@code --postgres}.
 *   <li><b>Slow mail.</b> The p95 of officials' REST calls (file a request, approve it) on one node, with a mail
 *       server that answers at once and one that takes {@code --slow-ms} per mail, in alternating runs on fresh data;
 *       the ratio slow/fast per pair of runs.
 *   <li><b>Statements.</b> SQL statements the database executes per purchase request filed and approved, its jobs and
 *       its mails included ({@code --statement-purchases}, H2's query statistics; 0 skips it), and how many of them
 *       touch the mail outbox. {@code -Dbench.jar=other.jar} measures another build the same way.
 * </ol>
 *
 * <p>Arguments: {@code --kills 3 --postgres --latency-pairs 3 --approvals 20 --slow-ms 2000
 * --statement-purchases 5}.
 */
public final class CrashBenchmark {

  private CrashBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int kills = intArg(args, "--kills", 3);
    int pairs = intArg(args, "--latency-pairs", 3);
    int approvals = intArg(args, "--approvals", 20);
    int slowMillis = intArg(args, "--slow-ms", 2000);
    boolean postgres = List.of(args).contains("--postgres");
    Path work = Files.createTempDirectory("crash-bench");
    if (kills > 0) {
      crashes(work.resolve("crashes"), kills, postgres);
    }
    if (pairs > 0) {
      slowMail(work.resolve("latency"), pairs, approvals, slowMillis);
    }
    int purchases = intArg(args, "--statement-purchases", 0);
    if (purchases > 0) {
      statements(work.resolve("statements"), purchases);
    }
  }

  // ---------------------------------------------------------------- 3. statements per purchase

  private static void statements(Path work, int purchases) throws Exception {
    // measurement only: AUTO_SERVER lets this JVM read H2's query statistics while the node has the file open
    String url = "jdbc:h2:file:" + work.resolve("data/procurement") + ";AUTO_SERVER=TRUE;QUERY_STATISTICS=TRUE;"
        + "QUERY_STATISTICS_MAX_ENTRIES=100000;WRITE_DELAY=0;LOCK_TIMEOUT=10000;NON_KEYWORDS=VALUE";
    try (SlowSmtpServer smtp = SlowSmtpServer.start(Duration.ZERO)) {
      AppNode node = new AppNode("statements-node", work, work.resolve("logs"), List.of("--spring.datasource.url=" + url,
          "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port()));
      node.start();
      try {
        node.awaitReady(Duration.ofMinutes(5));
        ProcurementClient client = new ProcurementClient(node);
        for (int warmUp = 0; warmUp < 2; warmUp++) {
          client.approve(client.fileRequest(900 + warmUp)[0]);
        }
        Drain.untilIdle(client, smtp, Duration.ofMinutes(2));
        Evidence database = new Evidence(url, "sa", "");
        long[] idleBefore = executed(database);
        long idleStart = System.nanoTime();
        Thread.sleep(20_000);
        long[] idleAfter = executed(database);
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        int mailsBefore = smtp.messageIds().size();
        long start = System.nanoTime();
        for (int i = 0; i < purchases; i++) {
          client.approve(client.fileRequest(1000 + i)[0]);
        }
        Drain.untilIdle(client, smtp, Duration.ofMinutes(3));
        long[] after = executed(database);
        double seconds = (System.nanoTime() - start) / 1e9;
        double idleRate = (idleAfter[0] - idleBefore[0]) / idleSeconds;
        double idleMailRate = (idleAfter[1] - idleBefore[1]) / idleSeconds;
        double all = (after[0] - idleAfter[0] - idleRate * seconds) / purchases;
        double mail = (after[1] - idleAfter[1] - idleMailRate * seconds) / purchases;
        System.out.printf(Locale.ROOT, "%n== SQL statements per purchase (filed and approved through REST, with its jobs and"
            + " its %.1f mails), jar %s: %.0f in all, %.0f of them on the mail outbox; idle background %.1f/s"
            + " (subtracted)%n", (smtp.messageIds().size() - mailsBefore) / (double) purchases,
            AppNode.jar().getFileName(), all, mail, idleRate);
      } finally {
        node.stop();
      }
    }
  }

  /** Statements executed so far: all, and those on mail_outbox, from H2's query statistics. */
  private static long[] executed(Evidence database) {
    long all = database.count("select cast(sum(execution_count) as int) from information_schema.query_statistics");
    long mail = database.count("select cast(coalesce(sum(execution_count), 0) as int)"
        + " from information_schema.query_statistics where lower(sql_statement) like '%mail_outbox%'");
    return new long[] {all, mail};
  }

  // ---------------------------------------------------------------- 1. crashes

  private static void crashes(Path work, int kills, boolean onPostgres) throws Exception {
    EmbeddedPostgres postgres = null;
    List<String> settings = new ArrayList<>();
    String url = "jdbc:h2:file:" + work.resolve("app/data/procurement") + ";NON_KEYWORDS=VALUE";
    String user = "sa";
    if (onPostgres) {
      postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pgdata")).setCleanDataDirectory(true)
          .setServerConfig("client_encoding", "UTF8").start();
      url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
      user = "postgres";
      settings.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
          "--spring.datasource.password="));
    }
    try (SlowSmtpServer smtp = SlowSmtpServer.start(Duration.ofMillis(50))) {
      settings.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port()));
      AppNode node = new AppNode("bench-node", work.resolve("app"), work.resolve("logs"), settings);
      CrashLoad.Acknowledged acknowledged = new CrashLoad.Acknowledged();
      ProcurementClient client = new ProcurementClient(node);
      String tender = null;
      for (int round = 0; round <= kills; round++) {
        node.start();
        node.awaitReady(Duration.ofMinutes(5));
        if (round == 0) {
          tender = client.openTender();
        }
        if (round == kills) {
          break;
        }
        CrashLoad.Acknowledged thisRound = new CrashLoad.Acknowledged();
        CrashLoad load = new CrashLoad(thisRound).requests(client, 2)
            .bids(client, tender, List.of("org-yangguang", "org-xinyu", "org-huimin", "org-qingchun", "org-anle"))
            .creditRecords(client);
        // the crash comes once every kind of work is going on, at a moment of the load's own choosing
        load.runUntil(2, 2, Duration.ofMinutes(3));
        Thread.sleep((long) (Math.random() * 4_000));
        node.kill();
        load.stop();
        acknowledged.addAll(thisRound);
        System.out.printf("round %d: killed; so far %s%n", round + 1, acknowledged);
      }
      Drain.untilIdle(client, smtp, Duration.ofMinutes(3));
      node.stop();
      Evidence evidence = new Evidence(url, user, "");
      Counts found = Counts.found(evidence, acknowledged);
      List<String> received = smtp.messageIds();
      int receivedTwice = received.size() - new HashSet<>(received).size();
      List<String> sent = evidence.sentMailIds();
      long sentButNotReceived = sent.stream().map(id -> "<" + id + "@demo.nantong.example>")
          .filter(id -> !received.contains(id)).count();
      System.out.printf("%n== crashes on %s: %d SIGKILLs under load%n", onPostgres ? "PostgreSQL" : "H2", kills);
      System.out.printf("%-36s %12s %12s%n", "", "acknowledged", "found once");
      System.out.printf("%-36s %12d %12d%n", "purchase requests (REST)", acknowledged.requests.size(), found.requests);
      System.out.printf("%-36s %12d %12d%n", "approvals (REST)", acknowledged.approvedProjects.size(), found.approvals);
      System.out.printf("%-36s %12d %12d%n", "bid receipts (portal)", acknowledged.bidReceipts.size(), found.receipts);
      System.out.printf("%-36s %12d %12d%n", "credit records (REST start + job)", acknowledged.creditRecords.size(),
          found.creditRecords);
      System.out.printf("project numbers given twice: %d; steps not acknowledged (crash in flight): %d%n",
          found.numbersTwice, acknowledged.notAcknowledged.get());
      System.out.printf("mails: %d in the outbox, all sent: %s; %d received by the server; sent but not received: %d;"
          + " the same mail received twice (same Message-ID, shown once by mail programs): %d; two mails for one"
          + " event and recipient: 0 by the outbox's unique key%n", evidence.count("select count(*) from mail_outbox"),
          evidence.count("select count(*) from mail_outbox where state <> 'SENT'") == 0, received.size(),
          sentButNotReceived, receivedTwice);
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** What the database holds of the acknowledged steps, each counted when it is there exactly once. */
  private record Counts(int requests, int approvals, int receipts, int creditRecords, int numbersTwice) {
    static Counts found(Evidence evidence, CrashLoad.Acknowledged acknowledged) {
      int requests = (int) acknowledged.requests.entrySet().stream().filter(e -> evidence.count(
          "select count(*) from act_hi_procinst where id_ = ? and business_key_ = ?", e.getKey(), e.getValue()) == 1)
          .count();
      int approvals = (int) acknowledged.approvedProjects.stream().filter(p -> evidence.count(
          "select count(*) from purchase_plan where project_number = ?", p) == 1).count();
      int receipts = (int) acknowledged.bidReceipts.stream().filter(r -> evidence.count(
          "select count(*) from tender_bid where receipt_code = ?", r) == 1).count();
      int credits = (int) acknowledged.creditRecords.stream().filter(r -> evidence.count(
          "select count(*) from credit_record where reason = ?", r) == 1).count();
      int twice = evidence.count("select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ ="
          + " 'PublicServicePurchase' group by business_key_ having count(*) > 1) t");
      return new Counts(requests, approvals, receipts, credits, twice);
    }
  }

  // ---------------------------------------------------------------- 2. slow mail server

  private static void slowMail(Path work, int pairs, int approvals, int slowMillis) throws Exception {
    List<Double> fast = new ArrayList<>();
    List<Double> slow = new ArrayList<>();
    for (int pair = 0; pair < pairs; pair++) {
      fast.add(officialsP95(work.resolve("fast-" + pair), Duration.ZERO, approvals));
      slow.add(officialsP95(work.resolve("slow-" + pair), Duration.ofMillis(slowMillis), approvals));
      System.out.printf("pair %d: p95 with a fast mail server %.0f ms, with a %d ms one %.0f ms: ratio %.2f%n",
          pair + 1, fast.get(pair), slowMillis, slow.get(pair), slow.get(pair) / fast.get(pair));
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      ratios.add(slow.get(i) / fast.get(i));
    }
    ratios.sort(null);
    System.out.printf(Locale.ROOT, "%n== officials' p95 with a %d ms mail server / with a fast one: min %.2f, median %.2f,"
        + " max %.2f (goal: at most 1.2)%n", slowMillis, ratios.get(0), ratios.get(ratios.size() / 2),
        ratios.get(ratios.size() - 1));
  }

  private static double officialsP95(Path work, Duration mailDelay, int approvals) throws Exception {
    try (SlowSmtpServer smtp = SlowSmtpServer.start(mailDelay)) {
      AppNode node = new AppNode("latency-node", work, work.resolve("logs"),
          List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port()));
      node.start();
      try {
        node.awaitReady(Duration.ofMinutes(5));
        ProcurementClient client = new ProcurementClient(node);
        // warm-up, not measured
        CrashLoad.Acknowledged warmUp = new CrashLoad.Acknowledged();
        CrashLoad first = new CrashLoad(warmUp).requests(client, 1);
        first.runUntil(3, 0, Duration.ofMinutes(3));
        first.stop();
        CrashLoad.Acknowledged measured = new CrashLoad.Acknowledged();
        CrashLoad load = new CrashLoad(measured).requests(client, 3);
        load.runUntil(approvals, 0, Duration.ofMinutes(10));
        load.stop();
        List<Long> millis = new ArrayList<>(measured.officialsMillis);
        millis.sort(null);
        return millis.get((int) Math.round(0.95 * (millis.size() - 1)));
      } finally {
        node.stop();
      }
    }
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
