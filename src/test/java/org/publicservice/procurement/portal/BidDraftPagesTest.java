package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.planning.PurchasePlans;
import org.publicservice.procurement.tender.BidBox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drafts, withdrawn content, the form kept across an expired login, the login's waiting time and the category
 * feed, over HTTP against the real bid box (issue 20): what an organisation typed is sealed, its own, and gone at
 * the deadline; nobody else gets it, not another organisation and not a forged post.
 */
@ProcurementSpringTest
class BidDraftPagesTest {

  static final String HUIMIN = "org-huimin";
  static final String QINGCHUN = "org-qingchun";
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired PurchasePlans plans;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  @Value("${procurement.demo.password}") String demoPassword;

  String serviceName;
  String projectNumber;
  String tenderPage;

  @BeforeEach
  void openATender() {
    serviceName = "通州区社区矫正帮扶服务" + UUID.randomUUID().toString().substring(0, 6);
    projectNumber = new OpenTenders(engine).openPlanned(serviceName, 600_000, plans);
    tenderPage = "/portal/bidder/tenders/" + projectNumber;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDraftIsSealedOnlyItsOrganisationSeesItAndTheDeadlineDestroysIt() {
    PortalClient huimin = loggedIn(HUIMIN);
    HttpResponse<String> saved = huimin.submit(tenderPage, tenderPage + "/draft",
        form("", "惠民草稿方案DRAFT-7Q", "", ""));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(huimin.get(tenderPage).body()).contains("惠民草稿方案DRAFT-7Q", "保存的草稿");
    assertThat(bidBox.receiptOf(projectNumber, HUIMIN)).as("a draft is no bid").isEmpty();
    assertThat(huimin.get("/portal/bidder").body()).contains("有草稿（未提交）");
    assertThat(jdbc.sql("SELECT sealed_content FROM tender_bid_draft WHERE project_number = :p")
        .param("p", projectNumber).query(String.class).list())
        .hasSize(1).allSatisfy(sealed -> assertThat(sealed).doesNotContain("DRAFT-7Q"));

    PortalClient qingchun = loggedIn(QINGCHUN);
    assertThat(qingchun.get(tenderPage).body()).doesNotContain("DRAFT-7Q", "保存的草稿");

    // the deadline passes: the draft is no longer offered, and the opening destroys it
    ClockUtil.setCurrentTime(Date.from(OpenTenders.DEADLINE.plusMinutes(1).toInstant()));
    assertThat(bidBox.draft(projectNumber, HUIMIN)).isEmpty();
    assertThat(huimin.get(tenderPage).body()).doesNotContain("DRAFT-7Q");
    bidBox.openBids(projectNumber, 1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM tender_bid_draft WHERE project_number = :p")
        .param("p", projectNumber).query(Integer.class).single()).isZero();
  }

  @Test
  void aFormSentAfterTheLoginExpiredIsKeptForItsOrganisationOnly() {
    PortalClient huimin = loggedIn(HUIMIN);
    String page = huimin.get(tenderPage).body();
    String token = formToken(page);

    // the session is gone (expired): the same browser posts the form it still shows
    PortalClient expired = new PortalClient(port);
    Map<String, String> typed = form("590000", "过期前输入的方案EXP-3", "社工2名", "登记证书");
    typed.put("formToken", token);
    typed.put("_csrf", PortalClient.csrfTokenIn(page));
    HttpResponse<String> kept = expired.post(tenderPage + "/bid", typed);
    assertThat(kept.statusCode()).isEqualTo(303);
    assertThat(PortalClient.location(kept)).isEqualTo("/portal/login?next=" + tenderPage + "&kept=1");
    assertThat(expired.get(PortalClient.location(kept)).body()).contains("登录已超时", "已密封保存为草稿");
    assertThat(bidBox.receiptOf(projectNumber, HUIMIN)).as("nothing is submitted").isEmpty();
    assertThat(expired.logIn(HUIMIN, demoPassword).statusCode()).isEqualTo(302);
    assertThat(expired.get(tenderPage).body()).contains("过期前输入的方案EXP-3", "590000");

    // another organisation's login sees nothing of it; a post without a token of this portal is refused
    assertThat(loggedIn(QINGCHUN).get(tenderPage).body()).doesNotContain("EXP-3");
    Map<String, String> forged = form("1", "伪造EXP-4", "x", "y");
    forged.put("formToken", HUIMIN + ":" + token.substring(token.indexOf(':') + 1, token.length() - 4) + "0000");
    HttpResponse<String> refused = new PortalClient(port).post(tenderPage + "/bid", forged);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("重新登录");
    String qingchunToken = formToken(loggedIn(QINGCHUN).get(tenderPage).body());
    forged.put("formToken", qingchunToken.replace(QINGCHUN + ":", HUIMIN + ":"));
    assertThat(new PortalClient(port).post(tenderPage + "/bid", forged).statusCode()).isEqualTo(403);
    assertThat(bidBox.draft(projectNumber, HUIMIN).orElseThrow().form().servicePlan()).isEqualTo("过期前输入的方案EXP-3");
  }

  @Test
  void withdrawingAsksFirstAndTheContentComesBackToItsOwnerOnly() {
    PortalClient huimin = loggedIn(HUIMIN);
    huimin.submit(tenderPage, tenderPage + "/bid", form("580000", "撤回前的方案WD-1", "社工5名", "登记证书"));
    String confirm = huimin.get(tenderPage + "/withdraw").body();
    assertThat(confirm).contains("确认撤回投标", "不撤回，返回");
    assertThat(bidBox.receiptOf(projectNumber, HUIMIN)).as("opening the confirmation withdraws nothing").isPresent();
    HttpResponse<String> withdrawn = huimin.submit(tenderPage + "/withdraw", tenderPage + "/withdraw", Map.of());
    assertThat(withdrawn.statusCode()).isEqualTo(302);
    assertThat(bidBox.receiptOf(projectNumber, HUIMIN)).isEmpty();
    assertThat(huimin.get(tenderPage).body()).contains("撤回的投标内容", "撤回前的方案WD-1", "580000.00");
    assertThat(loggedIn(QINGCHUN).get(tenderPage).body()).doesNotContain("WD-1");
  }

  @Test
  void anEmptyBidIsRefusedWithEveryMissingFieldAndAQuestionIsListed() {
    PortalClient huimin = loggedIn(HUIMIN);
    HttpResponse<String> empty = huimin.submit(tenderPage, tenderPage + "/bid", form("", "", "", ""));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("以下4处需要修改", "请填写报价（元）。", "请填写服务方案。", "请填写项目团队。",
        "请填写资格证明材料。", "id=\"team-error\"", "aria-describedby=\"team-error\"", "aria-invalid=\"true\"");

    HttpResponse<String> asked = huimin.submit(tenderPage, tenderPage + "/questions",
        Map.of("question", "服务对象名单何时提供？"));
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(huimin.get(tenderPage).body()).contains("贵机构的提问", "服务对象名单何时提供？");
    assertThat(loggedIn(QINGCHUN).get(tenderPage).body()).doesNotContain("服务对象名单何时提供？");
  }

  @Test
  void aWrongPasswordSaysWhenToTryAgainAndTheFeedListsTheTender() {
    String organisation = "t-org-" + UUID.randomUUID().toString().substring(0, 8);
    var identity = engine.getIdentityService();
    var user = identity.newUser(organisation);
    user.setFirstName("测试社会组织");
    user.setPassword("pw-" + organisation);
    identity.saveUser(user);
    identity.createMembership(organisation, Groups.SOCIAL_ORGANISATION);
    PortalClient browser = new PortalClient(port);
    HttpResponse<String> wrong = browser.logIn(organisation, "wrong-password");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("等待期间即使密码正确也无法登录", "秒后）再试");
    // the engine's delay, which the page announced, still applies to the right password
    assertThat(browser.logIn(organisation, "pw-" + organisation).statusCode()).isEqualTo(401);

    HttpResponse<String> feed = browser.get("/portal/feeds/ELDERLY_CARE.atom");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
    assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", serviceName, "【招标公告】",
        "/portal/projects/" + projectNumber);
    assertThat(browser.get("/portal/feeds/LEGAL_AID.atom").body()).doesNotContain(serviceName);
    assertThat(browser.get("/portal/feeds/NOTHING.atom").statusCode()).isEqualTo(404);
  }

  private PortalClient loggedIn(String organisation) {
    return PortalClient.loggedIn(port, organisation, demoPassword);
  }

  private static String formToken(String page) {
    Matcher m = FORM_TOKEN.matcher(page);
    assertThat(m.find()).as("the bid form carries its token").isTrue();
    return m.group(1);
  }

  private static Map<String, String> form(String price, String servicePlan, String team, String qualifications) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("price", price);
    form.put("servicePlan", servicePlan);
    form.put("team", team);
    form.put("qualifications", qualifications);
    return form;
  }
}
