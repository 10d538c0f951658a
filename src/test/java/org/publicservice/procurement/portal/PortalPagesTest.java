package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.portal.PortalPages.href;
import static org.publicservice.procurement.portal.PortalPages.moveClockTo;
import static org.publicservice.procurement.portal.PortalPages.page;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public pages as a resident reads them, anonymously: a purchase approved through the real planning stage and
 * notices published into the real register (the database is shared with the other tests, so every search here is
 * narrowed to data this test made).
 */
@ProcurementSpringTest
class PortalPagesTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired DisclosureRegister register;
  @Autowired JdbcClient jdbc;

  String serviceName;
  String projectNumber;

  @BeforeEach
  void approveAPurchase() {
    serviceName = "通州区社区助餐服务" + UUID.randomUUID().toString().substring(0, 6);
    projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(serviceName, 1_234_567));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void homeShowsTheLatestNoticesAndTheOpenIntentionsWithTheirPlans() {
    // other tests publish with moved clocks into the shared database: this purchase is made the newest of all
    moveClockTo(2099, 6, 1);
    serviceName = serviceName + "（远期）";
    projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(serviceName, 1_234_567));
    String home = page(http, "/portal");
    assertThat(home).contains("政府购买公共服务信息公开", "正在公开的采购意向", "最新公告", "name=\"q\"")
        .contains(serviceName, projectNumber, "1,234,567.00元", "竞争性磋商", "南通市民政局")
        .contains("南通市民政局关于" + serviceName + "的采购意向公开");

    // a project that reached the tender stage is no longer an open intention
    moveClockTo(2099, 6, 2);
    register.publish(projectNumber, NoticeType.TENDER_NOTICE, serviceName + "竞争性磋商公告", "磋商文件获取时间：……",
        "南通市民政局", null);
    String after = page(http, "/portal");
    String intentions = after.substring(after.indexOf("正在公开的采购意向"), after.indexOf("最新公告"));
    assertThat(intentions).doesNotContain(serviceName);
    assertThat(after.substring(after.indexOf("最新公告"))).contains(serviceName + "竞争性磋商公告");
  }

  @Test
  void noticePageShowsTheNoticeWithItsLineBreaks() {
    DisclosureNotice intention = register.findByProject(projectNumber).get(0);
    String notice = page(http, "/portal/notices/" + intention.id());
    assertThat(notice).contains("<h1>南通市民政局关于" + serviceName + "的采购意向公开</h1>", "采购意向", "南通市民政局")
        .contains("项目编号：" + projectNumber + "\n采购单位：南通市民政局\n", "预算金额：1,234,567.00元\n")
        .contains("href=\"/portal/projects/" + projectNumber + "\"");
    assertThat(http.getForObject("/portal/portal.css", String.class))
        .containsPattern("\\.notice-content \\{[^}]*white-space: pre-wrap");
  }

  @Test
  void projectPageShowsThePlansPublicFactsAndEveryNoticeInOrder() {
    ClockUtil.setCurrentTime(Date.from(ProcurementTime.today().plusDays(20).atTime(9, 30)
        .atZone(ProcurementTime.ZONE).toInstant()));
    register.publish(projectNumber, NoticeType.TENDER_NOTICE, serviceName + "竞争性磋商公告", "第一轮", "南通市民政局",
        null);
    ClockUtil.setCurrentTime(Date.from(ProcurementTime.today().plusDays(5).atTime(10, 0)
        .atZone(ProcurementTime.ZONE).toInstant()));
    register.publish(projectNumber, NoticeType.CLARIFICATION, serviceName + "澄清公告", "更正", "南通市民政局", null);

    String project = page(http, "/portal/projects/" + projectNumber);
    assertThat(project).contains(serviceName, "养老服务", "南通市民政局", "1,234,567.00元", "竞争性磋商",
        "南通市崇川区", "计划批准日期");
    var plan = register.findByProject(projectNumber);
    assertThat(project).contains(ApprovedPlansDates.period(plan.get(0).content()));
    int intention = project.indexOf("的采购意向公开");
    int tender = project.indexOf("竞争性磋商公告");
    int clarification = project.indexOf("澄清公告");
    assertThat(intention).isPositive().isLessThan(tender);
    assertThat(tender).isLessThan(clarification);
    assertThat(project).contains("/ocds/records/" + projectNumber);
  }

  @Test
  void pagesShowNoOfficialsIdsAndNoProcessData() {
    DisclosureNotice intention = register.findByProject(projectNumber).get(0);
    // the home and first list page show whatever other tests published last, so the list is searched for this
    // project's notice; the home page is checked for what it must not show
    assertThat(page(http, "/portal")).doesNotContain(TestIdentities.PURCHASER, TestIdentities.FINANCE_OFFICIAL,
        intention.processInstanceId(), "dept-civil-affairs", "张敏", "王财");
    List<String> pages = List.of(page(http, "/portal/notices?q=" + serviceName),
        page(http, "/portal/notices/" + intention.id()), page(http, "/portal/projects/" + projectNumber));
    for (String page : pages) {
      assertThat(page).contains(serviceName)
          .doesNotContain(TestIdentities.PURCHASER, TestIdentities.FINANCE_OFFICIAL, intention.processInstanceId(),
              "dept-civil-affairs", "张敏", "王财");
    }
  }

  @Test
  void noticeTextIsShownAsTextNeverAsMarkup() {
    moveClockTo(2099, 12, 31);
    DisclosureNotice notice = register.publish(projectNumber, NoticeType.CLARIFICATION,
        "<script>alert('x')</script>更正公告", "第一行<b>加粗</b>\n<img src=x onerror=alert(1)>", "南通市民政局", null);
    for (String page : List.of(page(http, "/portal/notices/" + notice.id()), page(http, "/portal/projects/" + projectNumber),
        page(http, "/portal"))) {
      assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;更正公告")
          .doesNotContain("<script>", "<b>加粗", "<img src=x");
    }
    assertThat(page(http, "/portal/notices/" + notice.id())).contains("第一行&lt;b&gt;加粗&lt;/b&gt;\n&lt;img src=x");
  }

  @Test
  void listFiltersAndPagesInTheDatabase() {
    String publisher = "测试发布单位" + UUID.randomUUID().toString().substring(0, 8);
    String token = "检索词" + UUID.randomUUID().toString().substring(0, 6);
    List<DisclosureNotice> published = new ArrayList<>();
    for (int i = 1; i <= 45; i++) {
      int year = i <= 15 ? 2025 : 2026;
      ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, 3, 1, 9, 0, 0, 0, ProcurementTime.ZONE)
          .plusHours(i).toInstant()));
      NoticeType type = i % 3 == 0 ? NoticeType.AWARD_NOTICE : NoticeType.TENDER_NOTICE;
      published.add(register.publish("NT-TEST-" + i, type, "第" + i + "号测试公告",
          i % 5 == 0 ? "正文含" + token + "一处" : "正文", publisher, null));
    }
    String base = "/portal/notices?publisher=" + publisher;

    String first = page(http, base);
    assertThat(first).contains("共 <strong>45</strong> 条公告", "第\n    <span>1</span> / <span>3</span> 页");
    List<String> titles = titles(first);
    assertThat(titles).hasSize(20).first().isEqualTo("第45号测试公告");
    assertThat(titles.get(19)).isEqualTo("第26号测试公告");
    assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"")
        .contains(href(base + "&page=2")).contains(href(base + "&page=3"));

    String third = page(http, base + "&page=3");
    assertThat(titles(third)).containsExactly("第5号测试公告", "第4号测试公告", "第3号测试公告", "第2号测试公告",
        "第1号测试公告");
    assertThat(third).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    assertThat(titles(page(http, base + "&page=4"))).isEmpty();
    assertThat(page(http, base + "&page=4")).contains("没有符合条件的公告");

    assertThat(titles(page(http, base + "&q=" + token))).containsExactly("第45号测试公告", "第40号测试公告", "第35号测试公告",
        "第30号测试公告", "第25号测试公告", "第20号测试公告", "第15号测试公告", "第10号测试公告", "第5号测试公告");
    assertThat(titles(page(http, base + "&q=第7号"))).containsExactly("第7号测试公告");
    // the public's % and _ are literal characters, not wildcards
    assertThat(titles(page(http, base + "&q=%"))).isEmpty();
    assertThat(titles(page(http, base + "&q=第_号"))).isEmpty();
    assertThat(page(http, base + "&type=AWARD_NOTICE")).contains("共 <strong>15</strong> 条公告");
    assertThat(page(http, base + "&year=2025")).contains("共 <strong>15</strong> 条公告");
    assertThat(titles(page(http, base + "&year=2025&type=AWARD_NOTICE&q=" + token))).containsExactly("第15号测试公告");
    assertThat(titles(page(http, base + "&category=ELDERLY_CARE"))).isEmpty();
    assertThat(titles(page(http, "/portal/notices?category=ELDERLY_CARE&q=" + serviceName)))
        .containsExactly("南通市民政局关于" + serviceName + "的采购意向公开");
    assertThat(titles(page(http, "/portal/notices?category=LEGAL_AID&q=" + serviceName))).isEmpty();
    // the filters are offered and keep their choice
    assertThat(page(http, base + "&year=2025")).contains("<option value=\"2025\" selected=\"selected\">2025年</option>")
        .contains(">" + publisher + "</option>").contains(">中标（成交）结果公告</option>");
    // the publisher filter's loose index scan finds every publisher, in order, as a plain DISTINCT does
    assertThat(register.publishers()).contains(publisher).containsExactlyElementsOf(jdbc.sql(
        "SELECT DISTINCT publisher FROM disclosure_notice WHERE publisher IS NOT NULL ORDER BY publisher")
        .query(String.class).list());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown type         | /portal/notices?type=NOPE        | 公告类型“NOPE”不存在",
      "year not a number    | /portal/notices?year=abc         | 年份“abc”不是有效的数字",
      "year out of range    | /portal/notices?year=1800        | 年份应在2000至2100之间",
      "page zero            | /portal/notices?page=0           | 页码应从1开始",
      "page not a number    | /portal/notices?page=two         | 页码“two”不是有效的数字",
      "unknown category     | /portal/notices?category=WEAPONS | 服务类别“WEAPONS”不存在"})
  void badFilterAnswers400WithAChineseMessage(String what, String path, String message) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("请求有误", message, "返回首页").doesNotContain("Exception");
  }

  @Test
  void overLongKeywordAnswers400() {
    ResponseEntity<String> response = http.getForEntity(
        UriComponentsBuilder.fromPath("/portal/notices").queryParam("q", "养".repeat(51)).encode().toUriString(),
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("关键词不能超过50个字");
  }

  @ParameterizedTest
  @CsvSource({"/portal/notices/999999999", "/portal/notices/abc", "/portal/notices/99999999999999999999",
      "/portal/projects/NT-1999-9999", "/portal/projects/NT%20'x'"})
  void unknownIdsAnswerAChinese404Page(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(response.getBody()).contains("页面不存在", "没有找到").doesNotContain("Exception", "at org.");
  }

  @ParameterizedTest
  @CsvSource({"/portal/no-such-page", "/no-such-page"})
  void unknownAddressesAnswerBrowsersWithAChinese404Page(String path) {
    HttpHeaders browser = new HttpHeaders();
    browser.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(browser), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).contains("页面不存在", "您访问的地址不存在")
        .doesNotContain("Whitelabel", "Exception", "at org.");
  }

  private static List<String> titles(String page) {
    return PortalPages.all(page, "class=\"notice-title\" href=\"[^\"]*\">([^<]*)</a>");
  }

  /** The plan's period as the intention states it ("服务期限：2027-01-01 至 2027-12-31"). */
  static final class ApprovedPlansDates {
    static String period(String intentionContent) {
      Matcher m = Pattern.compile("服务期限：(\\S+ 至 \\S+)").matcher(intentionContent);
      assertThat(m.find()).isTrue();
      return m.group(1);
    }
  }
}
