package org.publicservice.procurement.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Officials and organisations working on the nodes while they crash: departments file requests that finance
 * approves (REST), organisations bid and re-bid on an open tender (portal), an administrator enters credit records
 * that a job writes to the register after the start (REST). Every step the application acknowledged is written down
 * here; what failed or got no answer is only counted, since the application promised nothing about it.
 */
final class CrashLoad {

  /** What the application acknowledged. */
  static final class Acknowledged {
    /** process instance id of a filed request, with the project number the answer gave. */
    final Map<String, String> requests = new ConcurrentHashMap<>();
    final Set<String> approvedProjects = ConcurrentHashMap.newKeySet();
    final Set<String> bidReceipts = ConcurrentHashMap.newKeySet();
    /** reasons of the credit records whose entry was acknowledged: the queued job must write each exactly once */
    final Set<String> creditRecords = ConcurrentHashMap.newKeySet();
    /** officials' requests (REST calls) that were answered, with their duration in ms */
    final ConcurrentLinkedQueue<Long> officialsMillis = new ConcurrentLinkedQueue<>();
    final AtomicInteger notAcknowledged = new AtomicInteger();
    /** the first answers that were not acknowledgements, to tell a crash from a mistake of the test */
    final ConcurrentLinkedQueue<String> firstRefusals = new ConcurrentLinkedQueue<>();

    /** Adds what another load acknowledged (one load per run between two crashes). */
    void addAll(Acknowledged other) {
      requests.putAll(other.requests);
      approvedProjects.addAll(other.approvedProjects);
      bidReceipts.addAll(other.bidReceipts);
      creditRecords.addAll(other.creditRecords);
      officialsMillis.addAll(other.officialsMillis);
      notAcknowledged.addAndGet(other.notAcknowledged.get());
    }

    int steps() {
      return requests.size() + approvedProjects.size() + bidReceipts.size() + creditRecords.size();
    }

    @Override
    public String toString() {
      return requests.size() + " requests filed, " + approvedProjects.size() + " approved, " + bidReceipts.size()
          + " bid receipts, " + creditRecords.size() + " credit records; " + notAcknowledged.get()
          + " calls not acknowledged " + firstRefusals;
    }
  }

  private final Acknowledged acknowledged;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> workers = new ArrayList<>();
  private static final AtomicInteger NUMBER = new AtomicInteger();

  CrashLoad(Acknowledged acknowledged) {
    this.acknowledged = acknowledged;
  }

  /** Two departments filing and getting approved on this node. */
  CrashLoad requests(ProcurementClient node, int departments) {
    for (int d = 0; d < departments; d++) {
      worker("requests", () -> {
        long t0 = System.nanoTime();
        String[] filed = node.fileRequest(NUMBER.incrementAndGet());
        acknowledged.officialsMillis.add((System.nanoTime() - t0) / 1_000_000);
        acknowledged.requests.put(filed[0], filed[1]);
        long t1 = System.nanoTime();
        node.approve(filed[0]);
        acknowledged.officialsMillis.add((System.nanoTime() - t1) / 1_000_000);
        acknowledged.approvedProjects.add(filed[1]);
      });
    }
    return this;
  }

  /** Organisations bidding on the tender through this node's portal, one after the other. */
  CrashLoad bids(ProcurementClient node, String projectNumber, List<String> organisations) {
    Map<String, ProcurementClient.Bidder> sessions = new ConcurrentHashMap<>();
    AtomicInteger turn = new AtomicInteger();
    worker("bids", () -> {
      String organisation = organisations.get(turn.getAndIncrement() % organisations.size());
      ProcurementClient.Bidder bidder = sessions.get(organisation);
      if (bidder == null) {
        bidder = node.new Bidder(organisation);
        sessions.put(organisation, bidder);
      }
      acknowledged.bidReceipts.add(bidder.bid(projectNumber, 1_500_000 + turn.get()));
    });
    return this;
  }

  /** An administrator entering credit records on this node: each start queues the job that writes the register. */
  CrashLoad creditRecords(ProcurementClient node) {
    worker("credit records", () -> {
      String reason = "崩溃测试税收违法记录" + NUMBER.incrementAndGet();
      long t0 = System.nanoTime();
      node.recordCredit(reason);
      acknowledged.officialsMillis.add((System.nanoTime() - t0) / 1_000_000);
      acknowledged.creditRecords.add(reason);
      // an administrator's pace, not a flood: the evidence checks each record
      Thread.sleep(250);
    });
    return this;
  }

  /**
   * Lets the load run until it has at least this much acknowledged work (on a loaded machine that takes longer),
   * then a little longer, so that the crash hits steps in flight.
   */
  void runUntil(int requests, int bids, java.time.Duration max) throws InterruptedException {
    java.time.Instant until = java.time.Instant.now().plus(max);
    while (java.time.Instant.now().isBefore(until) && (acknowledged.approvedProjects.size() < requests
        || acknowledged.bidReceipts.size() < bids)) {
      Thread.sleep(200);
    }
    Thread.sleep(1_500);
  }

  void stop() throws InterruptedException {
    running.set(false);
    for (Thread worker : workers) {
      worker.join(90_000);
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private void worker(String name, Step step) {
    Thread thread = new Thread(() -> {
      while (running.get()) {
        try {
          step.run();
        } catch (InterruptedException e) {
          return;
        } catch (Exception notAcknowledged) {
          if (acknowledged.notAcknowledged.incrementAndGet() <= 5) {
            String text = String.valueOf(notAcknowledged.getMessage());
            acknowledged.firstRefusals.add(name + ": " + text.substring(0, Math.min(300, text.length())));
          }
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }, "crash-load-" + name);
    thread.setDaemon(true);
    workers.add(thread);
    thread.start();
  }
}
