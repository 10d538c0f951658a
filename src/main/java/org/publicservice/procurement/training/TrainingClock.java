package org.publicservice.procurement.training;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.joda.time.DateTimeUtils;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The training mode's accelerated engine clock. Camunda reads "now" through {@code ClockUtil}, which asks Joda's
 * {@code DateTimeUtils}; this clock installs itself there, so that everything that reads the engine clock (timers and
 * the job executor's due dates, task due dates, {@code ProcurementTime.now()}, the working-day calendar's "today",
 * the bid box's deadline check) sees the same accelerated time: engine time = anchor + real time elapsed × speed.
 * Nothing computes a period differently, so every statutory period, the sealed bids' opening included, holds in
 * the accelerated time exactly as in real time.
 *
 * <p>The anchor lives in the database (table {@code training_clock}), so that every node of one database shows the
 * same time, and a restart continues where the clock stood when the last node stopped: while no node runs, training
 * time stands still. A database that has run in training mode holds dates ahead of real time; starting it without
 * training mode would move the engine clock back, so that is refused.
 */
@Component
public class TrainingClock {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingClock.class);

  /** How often a running node confirms the clock; a row not confirmed for longer means no node was running. */
  static final long HEARTBEAT_MILLIS = 5_000;
  private static final long STOPPED_AFTER_MILLIS = 6 * HEARTBEAT_MILLIS;

  public static final String TRAINED_DATABASE = "此数据库曾在培训模式下运行，其中的日期在培训时钟之后，不能在实时模式下继续使用："
      + "请继续以培训模式（procurement.training.enabled=true）启动，或删除数据目录（./data）重新开始。This database ran in "
      + "training mode; start it in training mode again or delete its data folder.";

  private final TrainingMode mode;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private volatile Anchor anchor;
  private ScheduledExecutorService heartbeat;

  /** Engine time = {@code training} + (real time − {@code real}) × {@code speed}, in epoch milliseconds. */
  record Anchor(long training, long real, double speed) {

    long engineTimeAt(long realTime) {
      return training + (long) ((realTime - real) * speed);
    }
  }

  public TrainingClock(TrainingMode mode, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.mode = mode;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** After every other start-up step, the demo city's seeding included, which moves the engine clock itself. */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void onDeployed(PostDeployEvent event) {
    if (!mode.enabled()) {
      if (anchorRow().isPresent()) {
        throw new IllegalStateException(TRAINED_DATABASE);
      }
      return;
    }
    anchor = transaction.execute(status -> claimAnchor(System.currentTimeMillis()));
    DateTimeUtils.setCurrentMillisProvider(() -> anchor.engineTimeAt(System.currentTimeMillis()));
    ProcurementTime.runAt(mode.speed());
    heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "training-clock");
      thread.setDaemon(true);
      return thread;
    });
    heartbeat.scheduleWithFixedDelay(this::confirm, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    LOG.info("培训模式：培训时钟 {}，每个工作日约{}分钟（{}倍速）/ Training mode: engine clock at {}, {}x real time",
        mode.clockText(), mode.minutesPerWorkingDayText(), Math.round(mode.speed()),
        Instant.ofEpochMilli(anchor.engineTimeAt(System.currentTimeMillis())), mode.speed());
  }

  /**
   * The anchor this node runs on: the row's, when another node keeps it running at this speed; else a new one
   * that continues from where the clock stood at its last confirmation (plus one heartbeat, so that it never goes
   * back behind anything a node did just before it stopped), or from real time on a fresh database.
   */
  private Anchor claimAnchor(long now) {
    List<StoredAnchor> rows = jdbc.sql("""
            SELECT training_anchor, real_anchor, speed, real_seen FROM training_clock WHERE id = 1 FOR UPDATE""")
        .query((rs, i) -> new StoredAnchor(new Anchor(rs.getLong(1), rs.getLong(2), rs.getDouble(3)), rs.getLong(4)))
        .list();
    if (rows.isEmpty()) {
      Anchor fresh = new Anchor(now, now, mode.speed());
      jdbc.sql("""
              INSERT INTO training_clock (id, training_anchor, real_anchor, speed, real_seen)
              VALUES (1, :training, :real, :speed, :real)""")
          .param("training", fresh.training()).param("real", fresh.real()).param("speed", fresh.speed()).update();
      return fresh;
    }
    StoredAnchor stored = rows.get(0);
    boolean running = now - stored.realSeen() < STOPPED_AFTER_MILLIS;
    if (running && stored.anchor().speed() == mode.speed()) {
      return stored.anchor();
    }
    long continueFrom = running ? stored.anchor().engineTimeAt(now)
        : stored.anchor().engineTimeAt(stored.realSeen() + HEARTBEAT_MILLIS);
    Anchor resumed = new Anchor(continueFrom, now, mode.speed());
    jdbc.sql("""
            UPDATE training_clock SET training_anchor = :training, real_anchor = :real, speed = :speed,
              real_seen = :real WHERE id = 1""")
        .param("training", resumed.training()).param("real", resumed.real()).param("speed", resumed.speed()).update();
    return resumed;
  }

  /** A running node's confirmation; it also follows an anchor another node set. */
  private void confirm() {
    try {
      long now = System.currentTimeMillis();
      jdbc.sql("UPDATE training_clock SET real_seen = :now WHERE id = 1").param("now", now).update();
      anchorRow().ifPresent(stored -> anchor = stored.anchor());
    } catch (RuntimeException e) {
      LOG.warn("培训时钟无法写入数据库，稍后重试 / Training clock could not confirm its anchor: {}", e.toString());
    }
  }

  private java.util.Optional<StoredAnchor> anchorRow() {
    return jdbc.sql("SELECT training_anchor, real_anchor, speed, real_seen FROM training_clock WHERE id = 1")
        .query((rs, i) -> new StoredAnchor(new Anchor(rs.getLong(1), rs.getLong(2), rs.getDouble(3)), rs.getLong(4)))
        .optional();
  }

  @PreDestroy
  void stop() {
    if (heartbeat == null) {
      return;
    }
    heartbeat.shutdownNow();
    confirm();
    DateTimeUtils.setCurrentMillisSystem();
    ProcurementTime.runAt(1.0);
  }

  private record StoredAnchor(Anchor anchor, long realSeen) {
  }
}
