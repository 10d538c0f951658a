package org.publicservice.procurement;

import java.sql.Timestamp;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import javax.sql.DataSource;
import org.publicservice.procurement.disclosure.NoticeKeywordIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For tests that start a tender stage by itself, without the planning stage: the project's procurement intention,
 * published long enough before the documents are issued (财库〔2020〕10号: at least 30 days), as the planning stage
 * would have published it when the plan was approved.
 */
public final class ProcurementIntentions {

  /** How long before the tender the test intention was published: more than the 30 days the rule asks. */
  public static final int DAYS_BEFORE = 40;

  private ProcurementIntentions() {
  }

  public static void publishedBefore(ProcessEngine engine, String projectNumber, ZonedDateTime tenderIssued) {
    publishedAt(engine, projectNumber, tenderIssued.minusDays(DAYS_BEFORE));
  }

  /** The project's intention, published at the time given. */
  public static void publishedAt(ProcessEngine engine, String projectNumber, ZonedDateTime published) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("INSERT INTO disclosure_notice (project_number, notice_type, title, content, published_at, publisher)"
            + " VALUES (?, 'PROCUREMENT_INTENTION', ?, ?, ?, ?)",
        projectNumber, "南通市民政局采购意向（测试）", "项目编号：" + projectNumber + "\n采购意向（测试数据）。",
        Timestamp.from(published.toInstant()), "南通市民政局");
    // written beside the register (at a past time), so it is indexed for the keyword search as a start-up would
    new NoticeKeywordIndex(JdbcClient.create(dataSource),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource))).run(null);
  }
}
