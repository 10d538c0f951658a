package org.publicservice.procurement.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo city (DemoCity) on the first start of the demo profile, never in another profile: a year of
 * purchases driven through the real processes as the demo users, with the engine clock moved through the past
 * year and back to the present.
 *
 * <p>It runs once per database. Everything happens in one transaction, which first inserts the marker row
 * {@code demo_city_seeding}: the data and the marker commit together or not at all. A crash or a failure mid-way
 * leaves an empty database and no marker, so the next start seeds afresh; a second node starting at the same moment
 * waits for the marker's key and then finds it (or, after a rollback, seeds itself). A failure is logged and the
 * application starts without demo data. It runs before the job executor starts and before the training clock takes
 * the engine clock (TrainingClock), and web requests that arrive meanwhile wait for the transaction's rows.
 */
@Component
@Profile("demo")
public class DemoCitySeeding {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCitySeeding.class);

  private final boolean enabled;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final DemoServices services;
  private final String node;

  public DemoCitySeeding(@Value("${procurement.demo.city:false}") boolean enabled, JdbcClient jdbc,
      PlatformTransactionManager transactions, DemoServices services,
      @Value("${procurement.node-name:${spring.application.name}}") String node) {
    this.enabled = enabled;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.services = services;
    this.node = node;
  }

  /** After the identities and the calendar are in place, before the training clock starts. */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE - 100)
  public void onDeployed(PostDeployEvent event) {
    if (!enabled) {
      return;
    }
    if (seeded()) {
      LOG.info("演示城市数据已存在，不再生成 / Demo city already seeded");
      return;
    }
    ProcessEngine engine = event.getProcessEngine();
    engine.getIdentityService().clearAuthentication();
    long started = System.currentTimeMillis();
    LocalDate today = ProcurementTime.today();
    try {
      List<String> projects = transaction.execute(status -> {
        if (!claim()) {
          status.setRollbackOnly();
          return null;
        }
        DemoCity city = new DemoCity(new DemoDesk(engine), services, today);
        List<String> seeded = new ArrayList<>();
        int total = DemoCity.PURCHASES.size();
        for (DemoPurchase purchase : DemoCity.PURCHASES) {
          String project = city.seed(purchase);
          seeded.add(project);
          DemoCity.Stage stage = DemoCity.Stage.valueOf(purchase.stage());
          LOG.info("演示数据 {}/{}：{} {} —— {} / Demo city {}/{}: {} at {}", seeded.size(), total, project,
              purchase.serviceName(), stage.label, seeded.size(), total, project, stage);
        }
        ClockUtil.reset();
        jdbc.sql("UPDATE demo_city_seeding SET purchases = :purchases, millis = :millis WHERE id = 1")
            .param("purchases", seeded.size()).param("millis", System.currentTimeMillis() - started).update();
        return seeded;
      });
      if (projects == null) {
        LOG.info("演示城市数据已由另一节点生成 / Demo city seeded by another node");
        return;
      }
      LOG.info("演示城市数据已生成：{}个采购项目，用时{}秒 / Demo city seeded: {} purchases in {} ms", projects.size(),
          (System.currentTimeMillis() - started) / 1000, projects.size(), System.currentTimeMillis() - started);
    } catch (RuntimeException e) {
      LOG.error("演示城市数据生成失败，已全部撤销，应用在没有演示数据的情况下启动；下次启动时将重新生成 / Demo city seeding failed "
          + "and was rolled back; the application starts without demo data and tries again at the next start", e);
    } finally {
      ClockUtil.reset();
      engine.getIdentityService().clearAuthentication();
    }
  }

  private boolean seeded() {
    return jdbc.sql("SELECT COUNT(*) FROM demo_city_seeding").query(Integer.class).single() > 0;
  }

  /** The marker, in the seeding's transaction; false when another node's seeding committed first. */
  private boolean claim() {
    try {
      jdbc.sql("""
              INSERT INTO demo_city_seeding (id, node, seeded_at, purchases, millis)
              VALUES (1, :node, :at, 0, 0)""")
          .param("node", node).param("at", OffsetDateTime.now(ProcurementTime.ZONE)).update();
      return true;
    } catch (DuplicateKeyException anotherNode) {
      return false;
    }
  }
}
