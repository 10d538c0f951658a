package org.publicservice.procurement.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the database holds after the crashes, checked against what the application acknowledged: every acknowledged
 * step exactly once, no project number twice, every expected mail queued once and sent.
 */
final class Evidence {

  private final JdbcTemplate jdbc;

  Evidence(String url, String user, String password) {
    this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, password));
  }

  void everyAcknowledgedStepIsThereOnce(CrashLoad.Acknowledged acknowledged) {
    acknowledged.requests.forEach((processInstanceId, projectNumber) ->
        assertThat(count("select count(*) from act_hi_procinst where id_ = ? and business_key_ = ?",
            processInstanceId, projectNumber)).as("acknowledged request %s", projectNumber).isOne());
    assertThat(jdbc.queryForList("select business_key_ from act_hi_procinst where proc_def_key_ = 'PublicServicePurchase'"
        + " group by business_key_ having count(*) > 1", String.class)).as("project numbers given twice").isEmpty();
    Integer highest = jdbc.queryForObject("select max(last_number) from project_number_counter", Integer.class);
    for (String projectNumber : acknowledged.requests.values()) {
      int number = Integer.parseInt(projectNumber.substring(projectNumber.lastIndexOf('-') + 1));
      assertThat(highest).as("the counter is past every number it gave (%s)", projectNumber)
          .isGreaterThanOrEqualTo(number);
    }
    for (String projectNumber : acknowledged.approvedProjects) {
      assertThat(count("select count(*) from purchase_plan where project_number = ?", projectNumber))
          .as("plan of approved %s", projectNumber).isOne();
      assertThat(count("select count(*) from mail_outbox where business_key = ? and template = 'request-approved'",
          projectNumber)).as("approval mail of %s", projectNumber).isOne();
    }
    for (String receipt : acknowledged.bidReceipts) {
      assertThat(count("select count(*) from tender_bid where receipt_code = ?", receipt))
          .as("bid with receipt %s", receipt).isOne();
      assertThat(count("select count(*) from mail_outbox m join tender_bid b on m.dedup_key = concat('bid-received:',"
          + " b.id, ':', b.bidder) where b.receipt_code = ?", receipt)).as("receipt mail of bid %s", receipt).isOne();
    }
    for (String reason : acknowledged.creditRecords) {
      assertThat(count("select count(*) from credit_record where reason = ?", reason))
          .as("credit record written by the job of the acknowledged entry \"%s\"", reason).isOne();
    }
  }

  /** Nothing left to do: no job due, no incident, no mail waiting or failed. */
  void nothingIsStuck() {
    assertThat(count("select count(*) from act_ru_job where retries_ > 0 and duedate_ is not null"
        + " and duedate_ < current_timestamp")).as("jobs due and not done").isZero();
    assertThat(count("select count(*) from act_ru_job where retries_ > 0 and duedate_ is null")).as("jobs not done")
        .isZero();
    assertThat(jdbc.queryForList("select incident_msg_ from act_ru_incident", String.class)).as("incidents").isEmpty();
    assertThat(jdbc.queryForList("select state, count(*) from mail_outbox group by state"))
        .as("every mail sent").allSatisfy(row -> assertThat(row.get("state")).isEqualTo("SENT"));
  }

  /**
   * Every mail the outbox marks sent reached the server; a mail was received twice only when a node died between
   * the server's acceptance and the sent-mark (at most one per sender thread of each killed node), and then under its
   * own Message-ID, so the recipient sees it once. Returns how many were received twice.
   */
  int everySentMailArrivedWithItsMessageId(List<String> received, int atMostTwice) {
    assertThat(new HashSet<>(received)).as("every sent mail reached the server")
        .containsAll(sentMailIds().stream().map(id -> "<" + id + "@demo.nantong.example>").toList());
    int twice = received.size() - new HashSet<>(received).size();
    assertThat(twice).as("mails received twice (same Message-ID)").isLessThanOrEqualTo(atMostTwice);
    return twice;
  }

  /** Outbox row id of every sent mail. */
  List<String> sentMailIds() {
    return jdbc.queryForList("select id from mail_outbox where state = 'SENT'", String.class);
  }

  /** How many jobs each node ran (the job log's host name). */
  Map<String, Integer> jobsRunByNode() {
    Map<String, Integer> byNode = new HashMap<>();
    jdbc.query("select hostname_, count(*) n from act_hi_job_log where job_state_ = 2 group by hostname_",
        rs -> {
          byNode.put(rs.getString(1), rs.getInt(2));
        });
    return byNode;
  }

  int count(String sql, Object... args) {
    Integer value = jdbc.queryForObject(sql, Integer.class, args);
    return value == null ? 0 : value;
  }
}
