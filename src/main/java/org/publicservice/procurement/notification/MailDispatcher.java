package org.publicservice.procurement.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.notification.MailOutbox.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers the outbox: off the officials' path, after the step that queued a mail committed.
 *
 * <p>Each node runs one dispatch thread and {@code procurement.mail.delivery.threads} sender threads of its own
 * (never the engine's job executor threads, which officials' asynchronous steps need). A mail is taken with a lease
 * committed at once, then sent while no database connection is held, then marked sent in one statement; so a mail
 * server that is slow or hangs delays only mail, and neither the connection pool nor the job executor waits on it.
 *
 * <p>What is guaranteed: a mail of a committed step is sent at least once; a mail of a rolled-back step never.
 * Between the server's acceptance and the sent-mark (a few milliseconds) a crash of the node makes the mail go again
 * after its lease, with the same Message-ID, which mail systems show once. A failed attempt is retried after each of
 * {@code retry-intervals}; when the last one fails the mail becomes a Cockpit incident on its purchase
 * ({@link MailIncidents}), and retrying the incident there sends it again.
 */
@Component
public class MailDispatcher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
  private static final Duration MAX_MARK_WAIT = Duration.ofSeconds(2);

  private final MailOutbox outbox;
  private final MailTransport transport;
  private final MailIncidents incidents;
  private final MailDeliveryProperties properties;
  private final String owner;
  private final Semaphore freeSenders;
  private final AtomicBoolean pollQueued = new AtomicBoolean();
  private final AtomicBoolean moreWaiting = new AtomicBoolean();
  /** Mails the server accepted whose sent-mark has not reached the database yet. */
  private final Set<String> awaitingMark = ConcurrentHashMap.newKeySet();
  private volatile ScheduledExecutorService dispatch;
  private volatile ExecutorService senders;

  public MailDispatcher(MailOutbox outbox, MailTransport transport, MailIncidents incidents,
      MailDeliveryProperties properties, @Value("${procurement.node-name}") String nodeName) {
    this.outbox = outbox;
    this.transport = transport;
    this.incidents = incidents;
    this.properties = properties;
    this.owner = nodeName;
    this.freeSenders = new Semaphore(Math.max(1, properties.threads()));
  }

  // ------------------------------------------------------------------ lifecycle

  @Override
  public void start() {
    if (!properties.enabled()) {
      LOG.info("Mail delivery in the background is off on this node (procurement.mail.delivery.enabled)");
      return;
    }
    try {
      int released = outbox.releaseLeasesOf(owner);
      if (released > 0) {
        LOG.info("{} mail(s) that an earlier run of node {} was sending are due again", released, owner);
      }
    } catch (DataAccessException e) {
      LOG.warn("Could not release earlier leases of node {}; they expire by themselves: {}", owner, e.getMessage());
    }
    senders = Executors.newFixedThreadPool(Math.max(1, properties.threads()), threads("mail-send-"));
    dispatch = Executors.newSingleThreadScheduledExecutor(threads("mail-dispatch-"));
    long interval = properties.pollInterval().toMillis();
    dispatch.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
    LOG.info("Mail delivery started on node {}: {} sender thread(s), outbox looked at every {}", owner,
        properties.threads(), properties.pollInterval());
  }

  @Override
  public void stop() {
    ScheduledExecutorService scheduler = dispatch;
    ExecutorService sending = senders;
    dispatch = null;
    senders = null;
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    sending.shutdown();
    try {
      // a mail being sent is let finish so that its sent-mark is written; a hanging server is cut off
      if (!sending.awaitTermination(10, TimeUnit.SECONDS)) {
        sending.shutdownNow();
        LOG.warn("Mail delivery stopped with mails in flight; they are sent again after their lease");
      }
    } catch (InterruptedException e) {
      sending.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return dispatch != null;
  }

  /** Stops before the engine and the connection pool, which the last sent-marks and incidents need. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  // ------------------------------------------------------------------ background delivery

  /**
   * Looks at the outbox once the current transaction has committed (at once when there is none): called for every
   * mail queued, so a mail leaves seconds after its step, not at the next poll.
   */
  void afterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      nudge();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        nudge();
      }
    });
  }

  private void nudge() {
    ScheduledExecutorService scheduler = dispatch;
    if (scheduler != null && pollQueued.compareAndSet(false, true)) {
      try {
        scheduler.execute(this::poll);
      } catch (RuntimeException stopping) {
        pollQueued.set(false);
      }
    }
  }

  /** Takes as many due mails as there are free senders and hands each to one. */
  private void poll() {
    pollQueued.set(false);
    ExecutorService sending = senders;
    if (sending == null) {
      return;
    }
    try {
      int free = freeSenders.availablePermits();
      if (free == 0) {
        moreWaiting.set(true);
        return;
      }
      Instant now = ClockUtil.getCurrentTime().toInstant();
      List<String> due = outbox.due(now, null, free);
      moreWaiting.set(due.size() == free);
      for (String id : due) {
        if (awaitingMark.contains(id)) {
          continue;
        }
        if (!freeSenders.tryAcquire()) {
          moreWaiting.set(true);
          break;
        }
        boolean claimed = false;
        try {
          claimed = outbox.claim(id, owner, now, now.plus(properties.lease()));
        } finally {
          if (!claimed) {
            freeSenders.release();
          }
        }
        if (!claimed) {
          continue;
        }
        sending.execute(() -> {
          try {
            deliverClaimed(id);
          } finally {
            freeSenders.release();
            if (moreWaiting.get()) {
              nudge();
            }
          }
        });
      }
    } catch (RuntimeException e) {
      // the database may be down for a moment: the next poll tries again, nothing is lost
      LOG.warn("Mail outbox could not be read: {}", e.toString());
    }
  }

  // ------------------------------------------------------------------ delivery by hand

  /**
   * Sends every due mail of the business key in the calling thread (all due mails when it is null) and returns how
   * many were tried. For tests, which run without the background delivery and move the engine clock.
   */
  public int deliverDue(String businessKey) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int tried = 0;
    for (String id : outbox.due(now, businessKey, 10_000)) {
      if (!awaitingMark.contains(id) && outbox.claim(id, owner, now, now.plus(properties.lease()))) {
        deliverClaimed(id);
        tried++;
      }
    }
    return tried;
  }

  // ------------------------------------------------------------------ one mail

  private void deliverClaimed(String id) {
    Mail mail = outbox.find(id).orElse(null);
    if (mail == null || !MailOutbox.PENDING.equals(mail.state())) {
      return;
    }
    String subject;
    try {
      subject = transport.send(mail);
    } catch (Exception e) {
      failed(mail, e);
      return;
    }
    markSent(mail, subject);
  }

  /**
   * The server has the mail: the mark must be written, or the mail goes again. While the database is away the mark
   * is retried until it lands (nobody else can take the mail meanwhile: that needs the database too), and this node
   * does not take the mail again itself.
   */
  private void markSent(Mail mail, String subject) {
    awaitingMark.add(mail.id());
    try {
      Duration wait = Duration.ofMillis(200);
      while (true) {
        try {
          outbox.markSent(mail.id(), subject, ClockUtil.getCurrentTime().toInstant());
          LOG.info("Mail {} '{}' sent to {}", mail.id(), subject, mail.recipientAddress());
          return;
        } catch (DataAccessException e) {
          if (Thread.currentThread().isInterrupted() || !sleep(wait)) {
            LOG.error("Mail {} to {} was accepted by the mail server but the node stopped before it could be marked "
                + "sent; it will be sent again with the same Message-ID", mail.id(), mail.recipientAddress(), e);
            return;
          }
          LOG.warn("Mail {} sent; marking it sent failed ({}), trying again", mail.id(), e.getMessage());
          wait = wait.multipliedBy(2).compareTo(MAX_MARK_WAIT) > 0 ? MAX_MARK_WAIT : wait.multipliedBy(2);
        }
      }
    } finally {
      awaitingMark.remove(mail.id());
    }
  }

  private void failed(Mail mail, Exception error) {
    int attempts = mail.attempts() + 1;
    String reason = describe(error);
    List<Duration> intervals = properties.retryIntervals();
    try {
      if (attempts <= intervals.size()) {
        Instant next = ClockUtil.getCurrentTime().toInstant().plus(intervals.get(attempts - 1));
        outbox.markRetry(mail.id(), attempts, next, reason);
        LOG.warn("Mail {} to {} not sent (attempt {}): {}; next attempt at {}", mail.id(), mail.recipientAddress(),
            attempts, reason, next);
      } else {
        incidents.raise(mail, attempts, reason, error);
        LOG.error("Mail {} '{}' to {} not sent after {} attempts: {}; it is an incident in Cockpit now", mail.id(),
            mail.template(), mail.recipientAddress(), attempts, reason);
      }
    } catch (RuntimeException e) {
      LOG.warn("Failure of mail {} could not be recorded ({}); it is tried again after its lease", mail.id(),
          e.toString());
    }
  }

  private static String describe(Exception error) {
    StringBuilder text = new StringBuilder(error.getClass().getSimpleName() + ": " + error.getMessage());
    Throwable cause = error.getCause();
    while (cause != null && cause != cause.getCause()) {
      text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
      cause = cause.getCause();
    }
    return text.toString();
  }

  private static boolean sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
