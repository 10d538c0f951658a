package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.planning.PlanningVariables.SERVICE_CATEGORY;
import static org.publicservice.procurement.portal.PortalPages.href;
import static org.publicservice.procurement.portal.PortalPages.moveClockTo;
import static org.publicservice.procurement.portal.PortalPages.page;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.disclosure.ProjectStatus;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The project list (/portal/projects) as a resident reads it: plans approved through the real planning stage,
 * statuses from notices published into the real register. The database is shared with the other tests, so every
 * list here is narrowed by a keyword only this test's service names contain.
 */
@ProcurementSpringTest
class ProjectListTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired DisclosureRegister register;

  ApprovedPlans plans;
  String token;

  @BeforeEach
  void setUp() {
    plans = new ApprovedPlans(engine);
    token = "项目检索" + UUID.randomUUID().toString().substring(0, 6);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyNoticeTypeGivesExactlyOneStatus() {
    for (NoticeType type : NoticeType.values()) {
      assertThat(Arrays.stream(ProjectStatus.values()).filter(s -> s.noticeTypes().contains(type)))
          .as(type.name()).hasSize(1);
    }
    assertThat(ProjectStatus.after(NoticeType.SINGLE_SOURCE_NOTICE)).contains(ProjectStatus.TENDERING);
    assertThat(ProjectStatus.after(NoticeType.COMPLAINT_DECISION)).contains(ProjectStatus.AWARDED);
    assertThat(ProjectStatus.after(null)).isEmpty();
  }

  @Test
  void listShowsAnApprovedPlanWithItsStatusAndNoOfficialsIds() {
    String serviceName = token + "崇川区助餐服务";
    String projectNumber = plans.approve(ApprovedPlans.request(serviceName, 1_234_567));
    String processInstanceId = register.findByProject(projectNumber).get(0).processInstanceId();

    String list = page(http, "/portal/projects?q=" + token);
    assertThat(list).contains("<h1>项目列表</h1>", "共 <strong>1</strong> 个项目")
        .contains("href=\"/portal/projects/" + projectNumber + "\">" + serviceName + "</a>")
        .contains(">" + projectNumber + "</a>", "养老服务", "南通市民政局", "1,234,567.00元", "竞争性磋商")
        .contains("<span class=\"tag\">意向公开</span>")
        .contains("批准于 <time>" + ProcurementTime.today() + "</time>")
        .contains("href=\"/portal/projects\">项目</a>");
    assertThat(page(http, "/portal/projects/" + projectNumber)).contains("项目状态：", ">意向公开</span>");
    // the project number finds the project too
    assertThat(rows(page(http, "/portal/projects?q=" + projectNumber))).containsExactly(projectNumber);

    register.publish(projectNumber, NoticeType.TENDER_NOTICE, serviceName + "竞争性磋商公告", "磋商文件获取时间：……",
        "南通市民政局", null);
    assertThat(page(http, "/portal/projects?q=" + token)).contains("<span class=\"tag\">招标中</span>")
        .doesNotContain("意向公开</span>");
    assertThat(page(http, "/portal/projects/" + projectNumber)).contains(">招标中</span>");

    for (String page : List.of(list, page(http, "/portal/projects?q=" + token), page(http, "/portal/projects"))) {
      assertThat(page).doesNotContain(TestIdentities.PURCHASER, TestIdentities.FINANCE_OFFICIAL, processInstanceId,
          "dept-civil-affairs", "张敏", "王财");
    }
  }

  @Test
  void statusFollowsTheLatestNotice() {
    String tendering = plans.approve(ApprovedPlans.request(token + "甲", 500_000));
    String intention = plans.approve(ApprovedPlans.request(token + "乙", 500_000));
    register.publish(tendering, NoticeType.TENDER_NOTICE, token + "甲磋商公告", "正文", "南通市民政局", null);
    // published later but dated earlier: the latest notice is the latest by publication time, not by id
    ClockUtil.setCurrentTime(Date.from(ProcurementTime.today().minusDays(1).atTime(10, 0)
        .atZone(ProcurementTime.ZONE).toInstant()));
    register.publish(intention, NoticeType.CONTRACT, token + "乙合同公告", "正文", "南通市民政局", null);
    ClockUtil.reset();

    String base = "/portal/projects?q=" + token;
    assertThat(rows(page(http, base + "&status=TENDERING"))).containsExactly(tendering);
    assertThat(rows(page(http, base + "&status=INTENTION"))).containsExactly(intention);
    assertThat(rows(page(http, base + "&status=PERFORMING"))).isEmpty();
    assertThat(page(http, base + "&status=PERFORMING")).contains("没有符合条件的项目");
    assertThat(page(http, base + "&status=TENDERING")).contains("<option value=\"TENDERING\" selected=\"selected\">招标中</option>");

    register.publish(tendering, NoticeType.OPENING_RECORD, token + "甲开标记录", "正文", "南通市民政局", null);
    assertThat(rows(page(http, base + "&status=EVALUATING"))).containsExactly(tendering);
    register.publish(tendering, NoticeType.FAILED_TENDER, token + "甲废标公告", "正文", "南通市民政局", null);
    assertThat(rows(page(http, base + "&status=FAILED"))).containsExactly(tendering);
    assertThat(page(http, base + "&status=FAILED")).contains("废标待重新采购</span>");
    register.publish(tendering, NoticeType.AWARD_NOTICE, token + "甲成交公告", "正文", "南通市民政局", null);
    assertThat(rows(page(http, base + "&status=AWARDED"))).containsExactly(tendering);
    register.publish(tendering, NoticeType.PAYMENT, token + "甲支付信息", "正文", "南通市民政局", null);
    assertThat(rows(page(http, base + "&status=PERFORMING"))).containsExactly(tendering);
    register.publish(tendering, NoticeType.EVALUATION_RESULT, token + "甲评价结果", "正文", "南通市民政局", null);
    assertThat(rows(page(http, base + "&status=COMPLETED"))).containsExactly(tendering);
    assertThat(rows(page(http, base + "&status=TENDERING"))).isEmpty();
  }

  @Test
  void eachFilterNarrowsTheList() {
    String elderly = plans.approve(ApprovedPlans.request(token + "养老", 800_000));
    String legalAid = plans.approve(ApprovedPlans.request(token + "法援", 800_000)
        .putValue(SERVICE_CATEGORY, "LEGAL_AID"));
    String health = plans.approve(ApprovedPlans.request(token + "体检", 800_000), TestIdentities.HEALTH_PURCHASER);
    String singleSource = plans.approve(ApprovedPlans.singleSourceRequest(token + "盲文", 300_000));
    // other tests read the years after this one, so the year filter is proven with an earlier year
    moveClockTo(2023, 4, 15);
    String earlier = plans.approve(ApprovedPlans.request(token + "往年", 800_000));
    ClockUtil.reset();

    String base = "/portal/projects?q=" + token;
    assertThat(rows(page(http, base))).containsExactly(singleSource, health, legalAid, elderly, earlier);
    assertThat(rows(page(http, base + "&category=LEGAL_AID"))).containsExactly(legalAid);
    assertThat(rows(page(http, base + "&category=ELDERLY_CARE"))).containsExactly(singleSource, health, elderly, earlier);
    assertThat(rows(page(http, base + "&department=南通市卫生健康委员会"))).containsExactly(health);
    assertThat(page(http, base + "&department=南通市卫生健康委员会")).contains("南通市卫生健康委员会</span>");
    assertThat(rows(page(http, base + "&department=南通市民政局"))).containsExactly(singleSource, legalAid, elderly, earlier);
    assertThat(rows(page(http, base + "&department=没有这个单位"))).isEmpty();
    assertThat(rows(page(http, base + "&year=2023"))).containsExactly(earlier);
    assertThat(rows(page(http, base + "&year=" + ProcurementTime.today().getYear())))
        .containsExactly(singleSource, health, legalAid, elderly);
    assertThat(rows(page(http, base + "&method=SINGLE_SOURCE"))).containsExactly(singleSource);
    assertThat(page(http, base + "&method=SINGLE_SOURCE")).contains("单一来源采购");
    assertThat(rows(page(http, base + "&method=OPEN_TENDER"))).isEmpty();
    assertThat(rows(page(http, base + "&method=COMPETITIVE_CONSULTATION&department=南通市民政局&category=ELDERLY_CARE")))
        .containsExactly(elderly, earlier);
    assertThat(rows(page(http, "/portal/projects?q=" + token + "法援"))).containsExactly(legalAid);
    // the public's % and _ are literal characters, not wildcards
    assertThat(rows(page(http, base + "%"))).isEmpty();
    assertThat(rows(page(http, "/portal/projects?q=" + token.substring(0, 4) + "_"))).isEmpty();
    // the filters are offered and keep their choice
    assertThat(page(http, base + "&department=南通市卫生健康委员会&method=SINGLE_SOURCE&category=LEGAL_AID&year=2026"))
        .contains("<option value=\"南通市卫生健康委员会\" selected=\"selected\">南通市卫生健康委员会</option>")
        .contains("<option value=\"SINGLE_SOURCE\" selected=\"selected\">单一来源采购</option>")
        .contains("<option value=\"LEGAL_AID\" selected=\"selected\">法律援助与调解</option>")
        .contains("清除条件");
  }

  @Test
  void listPagesNewestFirstInTheDatabase() {
    List<String> approved = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2024, 5, 6, 9, 0, 0, 0, ProcurementTime.ZONE)
          .plusMinutes(i).toInstant()));
      approved.add(plans.approve(ApprovedPlans.request(token + "第" + i + "号", 100_000 + i)));
    }
    ClockUtil.reset();
    List<String> newestFirst = new ArrayList<>(approved);
    java.util.Collections.reverse(newestFirst);
    String base = "/portal/projects?q=" + token;

    String first = page(http, base);
    assertThat(first).contains("共 <strong>25</strong> 个项目", "第\n    <span>1</span> / <span>2</span> 页");
    assertThat(rows(first)).containsExactlyElementsOf(newestFirst.subList(0, 20));
    assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"").contains(href(base + "&page=2"));
    String second = page(http, base + "&page=2");
    assertThat(rows(second)).containsExactlyElementsOf(newestFirst.subList(20, 25));
    assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"").contains(token + "第1号");
    String beyond = page(http, base + "&page=3");
    assertThat(rows(beyond)).isEmpty();
    assertThat(beyond).contains("共 <strong>25</strong> 个项目", "没有符合条件的项目");
    // the page links keep the filters
    assertThat(page(http, base + "&year=2024")).contains(href(base + "&year=2024&page=2"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown status       | /portal/projects?status=NOPE       | 项目状态“NOPE”不存在",
      "unknown method       | /portal/projects?method=BRIBE      | 采购方式“BRIBE”不存在",
      "unknown category     | /portal/projects?category=WEAPONS  | 服务类别“WEAPONS”不存在",
      "year not a number    | /portal/projects?year=abc          | 年份“abc”不是有效的数字",
      "year out of range    | /portal/projects?year=1800         | 年份应在2000至2100之间",
      "page zero            | /portal/projects?page=0            | 页码应从1开始",
      "page not a number    | /portal/projects?page=two          | 页码“two”不是有效的数字"})
  void badFilterAnswers400WithAChineseMessage(String what, String path, String message) {
    assertBadRequest(path, message);
  }

  @Test
  void overLongKeywordOrDepartmentAnswers400() {
    assertBadRequest(UriComponentsBuilder.fromPath("/portal/projects").queryParam("q", "养".repeat(51))
        .encode().toUriString(), "关键词不能超过50个字");
    assertBadRequest(UriComponentsBuilder.fromPath("/portal/projects").queryParam("department", "局".repeat(201))
        .encode().toUriString(), "采购单位名称过长");
  }

  private void assertBadRequest(String path, String message) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(response.getBody()).contains("请求有误", message, "返回首页").doesNotContain("Exception");
  }

  /** The project numbers of the list's rows, in order. */
  private static List<String> rows(String page) {
    return PortalPages.all(page, "class=\"project-number\" href=\"/portal/projects/([^\"]+)\"");
  }
}
