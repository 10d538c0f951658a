package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The statistics page over real plans and notices. Other tests share the database, so the figures with data are
 * read for a year (2097) in which only this test publishes; an early year shows every chart empty.
 */
@ProcurementSpringTest
class PortalStatisticsTest {

  static final String TENDER_FIXTURE = "StatisticsFixtureTender";
  static final String EVALUATION_FIXTURE = "StatisticsFixtureEvaluation";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired DisclosureRegister register;
  @Autowired PortalStatistics statistics;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyChartRendersWithoutData() {
    ResponseEntity<String> page = http.getForEntity("/portal/statistics?year=2001", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    String html = page.getBody();
    assertThat(html).contains("2001年政府购买服务统计", "各服务类别采购预算", "各采购单位采购预算", "每次招标的投标人数",
        "招标与废标", "绩效评价等级", "从采购申请到签订合同的平均天数", "已批准采购计划", "0项", "0.00元");
    assertThat(count(html, "<svg class=\"bar-chart\"")).isEqualTo(6);
    assertThat(count(html, ">暂无数据</text>")).isEqualTo(6);
    assertThat(html).doesNotContain("<rect");
    assertThat(count(html, "统计口径：")).isEqualTo(6);
  }

  @Test
  void chartsShowBudgetsTendersAndDaysToContractOfTheYear() {
    at(2097, 3, 1, 9);
    String elderly = "通州区助老服务" + UUID.randomUUID().toString().substring(0, 4);
    String community = "海门区社区营造" + UUID.randomUUID().toString().substring(0, 4);
    String a = new ApprovedPlans(engine).approve(ApprovedPlans.request(elderly, 1_000_000));
    String b = new ApprovedPlans(engine).approve(ApprovedPlans.request(community, 1_500_000)
        .putValue(PlanningVariables.SERVICE_CATEGORY, "COMMUNITY_SERVICE"));
    at(2097, 3, 10, 10);
    register.publish(a, NoticeType.TENDER_NOTICE, elderly + "公开招标公告", "……", "南通市民政局", null);
    register.publish(b, NoticeType.TENDER_NOTICE, community + "公开招标公告", "……", "南通市民政局", null);
    at(2097, 3, 20, 10);
    register.publish(a, NoticeType.FAILED_TENDER, elderly + "废标公告", "投标人不足三家。", "南通市民政局", null);
    at(2097, 3, 25, 10);
    register.publish(a, NoticeType.TENDER_NOTICE, elderly + "重新招标公告", "……", "南通市民政局", null);
    at(2097, 4, 10, 10);
    register.publish(a, NoticeType.AWARD_NOTICE, elderly + "中标结果公告", "……", "南通市民政局", null);
    at(2097, 4, 20, 15);
    register.publish(a, NoticeType.CONTRACT, elderly + "政府采购合同公告", "……", "南通市民政局", null);
    ClockUtil.reset();

    String html = http.getForObject("/portal/statistics?year=2097", String.class);
    assertThat(html).contains("2097年政府购买服务统计", "2项", "2,500,000.00元")
        .contains("社区服务", "150.00万元（1项）", "养老服务", "100.00万元（1项）", "南通市民政局", "250.00万元（2项）")
        .contains("招标公告", "3份", "废标公告", "1份", "33.3%")
        .contains("50天（1项）", ">50天<");
    // the largest figure of a chart gets the full bar, the others theirs in proportion
    assertThat(html).contains("<rect x=\"0\" height=\"16\" rx=\"2\" y=\"23\" width=\"200.0\">")
        .contains("width=\"133.3\"", "width=\"66.7\"");
    assertThat(count(html, ">暂无数据</text>")).as("bidders and grades come from the stages").isEqualTo(2);
  }

  @Test
  void biddersAndGradesAreCountedFromTheStagesResults() {
    deployFixtures();
    at(2097, 6, 1, 10);
    tender(SpinValues.jsonValue("[{\"bidId\":\"a\"},{\"bidId\":\"b\"}]").create());
    tender(Variables.objectValue(List.of(Map.of("bidId", "a"), Map.of("bidId", "b"), Map.of("bidId", "c")))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    tender(SpinValues.jsonValue("[{},{},{},{},{},{}]").create());
    evaluation("GOOD");
    evaluation("GOOD");
    evaluation("FAIL");
    at(2096, 6, 1, 10);
    tender(SpinValues.jsonValue("[{}]").create());
    ClockUtil.reset();

    var bidders = statistics.biddersPerTender(TENDER_FIXTURE, 2097);
    assertThat(bidders.tendersByBidders()).containsExactly(Map.entry(2, 1L), Map.entry(3, 1L), Map.entry(5, 1L));
    assertThat(bidders.average()).isEqualTo(11.0 / 3);
    assertThat(statistics.biddersPerTender(TENDER_FIXTURE, 2096).tendersByBidders()).containsExactly(Map.entry(1, 1L));
    assertThat(statistics.evaluationGrades(EVALUATION_FIXTURE, 2097))
        .containsExactly(Map.entry("GOOD", 2L), Map.entry("FAIL", 1L));
    assertThat(statistics.evaluationGrades(EVALUATION_FIXTURE, 2096)).isEmpty();
  }

  @Test
  void aBadYearAnswers400WithTheReason() {
    ResponseEntity<String> letters = http.getForEntity("/portal/statistics?year=abc", String.class);
    assertThat(letters.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(letters.getBody()).contains("请求有误", "年份“abc”不是有效的数字。");
    ResponseEntity<String> early = http.getForEntity("/portal/statistics?year=1800", String.class);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody()).contains("年份应在2000至2100之间。");
    assertThat(http.getForEntity("/portal/statistics", String.class).getBody()).contains("全部年份");
  }

  private void deployFixtures() {
    var repository = engine.getRepositoryService();
    for (String key : List.of(TENDER_FIXTURE, EVALUATION_FIXTURE)) {
      if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
            Bpmn.createExecutableProcess(key).camundaStartableInTasklist(false).startEvent().endEvent().done()).deploy();
      }
    }
  }

  private void tender(Object openedBids) {
    engine.getRuntimeService().startProcessInstanceByKey(TENDER_FIXTURE,
        Variables.createVariables().putValue("openedBids", openedBids));
  }

  private void evaluation(String grade) {
    engine.getRuntimeService().startProcessInstanceByKey(EVALUATION_FIXTURE,
        Variables.createVariables().putValue("evaluationGrade", grade));
  }

  private static void at(int year, int month, int day, int hour) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, 0)
        .atZone(ProcurementTime.ZONE).toInstant()));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
