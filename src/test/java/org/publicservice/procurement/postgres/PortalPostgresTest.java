package org.publicservice.procurement.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.KeywordSearchCheck;
import org.publicservice.procurement.disclosure.NoticeQuery;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.disclosure.ProjectQuery;
import org.publicservice.procurement.disclosure.ProjectStatus;
import org.publicservice.procurement.disclosure.PublicProjects;
import org.publicservice.procurement.ocds.OcdsSchemas;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The portal's searches and the open data on PostgreSQL, the production database. */
@Tag("isolated")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class PortalPostgresTest {

  @Autowired ProcessEngine engine;
  @Autowired DisclosureRegister register;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired PublicProjects projects;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void keywordSearchesFindExactlyWhatLikeFindsInPostgres() {
    var check = new KeywordSearchCheck(register, jdbc);
    check.searchesFindWhatLikeFinds(check.publishNotices());
  }

  @Test
  void searchesFilterSortAndPageInPostgres() throws Exception {
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request("海门区助老服务", 700_000));
    for (int i = 1; i <= 25; i++) {
      ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(i <= 5 ? 2025 : 2026, 2, 1, 8, 0, 0, 0,
          ProcurementTime.ZONE).plusHours(i).toInstant()));
      register.publish(projectNumber, i % 2 == 0 ? NoticeType.CLARIFICATION : NoticeType.TENDER_NOTICE,
          "第" + i + "号公告", i == 7 ? "含100%_通配符" : "正文", "海门区民政局", null);
    }
    ClockUtil.reset();

    NoticeQuery publisher = new NoticeQuery(null, null, null, null, "海门区民政局", null);
    assertThat(register.count(publisher)).isEqualTo(25);
    List<DisclosureNotice> second = register.search(publisher, 10, 10);
    assertThat(second).extracting(DisclosureNotice::title).first().isEqualTo("第15号公告");
    assertThat(second).extracting(DisclosureNotice::title).last().isEqualTo("第6号公告");
    assertThat(register.search(new NoticeQuery("100%_", null, null, null, null, null), 0, 20))
        .extracting(DisclosureNotice::title).containsExactly("第7号公告");
    // % and _ are literal: only the notice that contains them, although every title has characters
    assertThat(register.count(new NoticeQuery("%_", null, null, null, null, null))).isEqualTo(1);
    var year2025 = java.time.LocalDate.of(2025, 1, 1).atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime();
    assertThat(register.count(new NoticeQuery(null, NoticeType.TENDER_NOTICE, year2025, year2025.plusYears(1),
        "海门区民政局", "ELDERLY_CARE"))).isEqualTo(3);
    assertThat(register.count(new NoticeQuery(null, null, null, null, null, "LEGAL_AID"))).isZero();
    // the filter's loose index scan finds every publisher, in order, as a plain DISTINCT does
    assertThat(register.publishers()).contains("海门区民政局").containsExactlyElementsOf(
        jdbc.sql("SELECT DISTINCT publisher FROM disclosure_notice WHERE publisher IS NOT NULL ORDER BY publisher")
            .query(String.class).list());
    // other tests of this class leave open intentions: this project, in its tender, is not one of them
    assertThat(register.openIntentions(100)).extracting(DisclosureNotice::projectNumber).doesNotContain(projectNumber);

    assertThat(http.getForObject("/portal/notices?publisher=海门区民政局&year=2026", String.class))
        .contains("共 <strong>20</strong> 条公告", "第6号公告").doesNotContain("第5号公告");
    assertThat(http.getForObject("/portal/notices?publisher=海门区民政局&page=2", String.class))
        .contains("共 <strong>25</strong> 条公告", "第5号公告", "第1号公告").doesNotContain("第6号公告");
    assertThat(http.getForObject("/portal/projects/" + projectNumber, String.class)).contains("海门区助老服务",
        "700,000.00元", "第25号公告");
    var releases = http.getForEntity("/ocds/releases/" + projectNumber, String.class);
    assertThat(releases.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, json.readTree(releases.getBody()))).isEmpty();
    var record = http.getForEntity("/ocds/records/" + projectNumber, String.class);
    assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, json.readTree(record.getBody()))).isEmpty();
    assertThat(json.readTree(record.getBody()).at("/records/0/compiledRelease/tender/documents")).hasSize(25);
  }

  @Test
  void projectListFiltersByLatestNoticeSortsAndPagesInPostgres() {
    List<String> approved = new java.util.ArrayList<>();
    for (int i = 1; i <= 22; i++) {
      ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(i <= 2 ? 2024 : 2025, 5, 6, 9, 0, 0, 0,
          ProcurementTime.ZONE).plusMinutes(i).toInstant()));
      approved.add(new ApprovedPlans(engine).approve(ApprovedPlans.request("启东市项目列表" + i + "号服务", 300_000)));
    }
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2025, 6, 1, 9, 0, 0, 0, ProcurementTime.ZONE).toInstant()));
    register.publish(approved.get(4), NoticeType.TENDER_NOTICE, "五号招标公告", "正文", "南通市民政局", null);
    register.publish(approved.get(4), NoticeType.OPENING_RECORD, "五号开标记录", "正文", "南通市民政局", null);
    register.publish(approved.get(6), NoticeType.TENDER_NOTICE, "七号招标公告", "正文", "南通市民政局", null);
    // dated before the tender notice though written after it: the latest notice is by publication time
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2025, 5, 31, 9, 0, 0, 0, ProcurementTime.ZONE).toInstant()));
    register.publish(approved.get(6), NoticeType.CONTRACT, "七号合同公告", "正文", "南通市民政局", null);
    ClockUtil.reset();

    var keyword = new ProjectQuery("项目列表", null, null, null, null, null, null);
    assertThat(projects.count(keyword)).isEqualTo(22);
    assertThat(projects.search(keyword, 20, 20)).extracting(p -> p.plan().projectNumber())
        .containsExactly(approved.get(1), approved.get(0));
    assertThat(projects.search(new ProjectQuery("项目列表", null, null, null, null, null, ProjectStatus.EVALUATING), 0, 20))
        .extracting(p -> p.plan().projectNumber()).containsExactly(approved.get(4));
    assertThat(projects.search(new ProjectQuery("项目列表", null, null, null, null, null, ProjectStatus.TENDERING), 0, 20))
        .extracting(p -> p.plan().projectNumber()).containsExactly(approved.get(6));
    assertThat(projects.count(new ProjectQuery("项目列表", null, null, null, null, null, ProjectStatus.INTENTION)))
        .isEqualTo(20);
    var year2024 = java.time.LocalDate.of(2024, 1, 1).atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime();
    assertThat(projects.count(new ProjectQuery("%", "ELDERLY_CARE", "南通市民政局", year2024, year2024.plusYears(1),
        "COMPETITIVE_CONSULTATION", ProjectStatus.INTENTION))).isZero();
    assertThat(projects.count(new ProjectQuery("项目列表1", "ELDERLY_CARE", "南通市民政局", year2024,
        year2024.plusYears(1), "COMPETITIVE_CONSULTATION", ProjectStatus.INTENTION))).isEqualTo(1);

    assertThat(http.getForObject("/portal/projects?q=项目列表&year=2025&status=INTENTION", String.class))
        .contains("共 <strong>18</strong> 个项目", "启东市项目列表22号服务", "意向公开")
        .doesNotContain("启东市项目列表5号服务", "启东市项目列表1号服务");
    assertThat(http.getForObject("/portal/projects?q=项目列表&page=2", String.class))
        .contains("共 <strong>22</strong> 个项目", "启东市项目列表2号服务", "启东市项目列表1号服务")
        .doesNotContain("启东市项目列表3号服务");
    assertThat(http.getForObject("/portal/projects/" + approved.get(4), String.class)).contains(">评审中</span>");
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void commentsStatisticsAndOrganisationPagesRunOnPostgres() {
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request("海安市助残服务", 420_000));
    var resident = new PortalClient(port);
    resident.openProject(projectNumber);
    assertThat(resident.comment(projectNumber, "<b>孙</b>", "建议<script>增加</script>康复训练。", "sun@example.com")
        .statusCode()).isEqualTo(302);
    assertThat(resident.comment(projectNumber, "", "建议<script>增加</script>康复训练。", "").statusCode())
        .isEqualTo(429);
    assertThat(resident.comment(projectNumber, "", "含\u0000字符", "").statusCode()).isEqualTo(400);
    assertThat(resident.get("/portal/projects/" + projectNumber).body())
        .contains("已有 <strong>1</strong> 条公众意见送达采购单位").doesNotContain("康复训练", "孙");

    // this context has no demo users: the organisation is registered here
    var identity = engine.getIdentityService();
    var organisation = identity.newUser("pg-org-huimin");
    organisation.setFirstName("海安惠民社区服务中心");
    identity.saveUser(organisation);
    identity.createMembership("pg-org-huimin", org.publicservice.procurement.identity.Groups.SOCIAL_ORGANISATION);
    register.publish(projectNumber, NoticeType.CONTRACT, "海安市助残服务合同公告", "供应商：海安惠民社区服务中心\n",
        "南通市民政局", null);
    String statistics = http.getForObject("/portal/statistics?year=" + ProcurementTime.today().getYear(), String.class);
    assertThat(statistics).contains("养老服务", "南通市民政局", "<rect").contains("天（");
    assertThat(http.getForObject("/portal/organisations/pg-org-huimin", String.class)).contains("海安市助残服务合同公告");
  }
}
