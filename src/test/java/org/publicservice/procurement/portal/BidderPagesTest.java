package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.publicservice.procurement.tender.BidBox;
import org.publicservice.procurement.tender.BidContent;
import org.publicservice.procurement.tender.BidForm;
import org.publicservice.procurement.tender.BidderController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The organisations' area over HTTP, logged in as demo social organisations, against the real bid box: what an
 * organisation submits, replaces and withdraws is what the bid box holds, and it sees only its own bid.
 */
@ProcurementSpringTest
class BidderPagesTest {

  static final String HUIMIN = "org-huimin";
  static final String QINGCHUN = "org-qingchun";
  private static final Pattern RECEIPT = Pattern.compile("class=\"receipt-code\">([^<]+)<");

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @LocalServerPort int port;
  @Value("${procurement.demo.password}") String demoPassword;

  OpenTenders tenders;
  String serviceName;
  String projectNumber;
  String tenderPage;

  @BeforeEach
  void openATender() {
    serviceName = "海门区困境儿童关爱服务" + UUID.randomUUID().toString().substring(0, 6);
    tenders = new OpenTenders(engine);
    projectNumber = tenders.open(serviceName, 800_000);
    tenderPage = "/portal/bidder/tenders/" + projectNumber;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void organisationSubmitsReadsBackReplacesAndWithdrawsItsBid() {
    PortalClient huimin = loggedIn(HUIMIN);
    String area = huimin.get("/portal/bidder").body();
    assertThat(area).contains("我的投标", "南通惠民社区服务中心", serviceName, projectNumber, "800,000.00元", "公开招标",
        "2026-12-28 09:30（北京时间）");
    assertThat(callCard(area)).contains("未投标");
    assertThat(huimin.get("/portal/bidder").headers().firstValue("Cache-Control")).contains("no-store");

    String empty = huimin.get(tenderPage).body();
    assertThat(empty).contains(serviceName, "提交投标", "报价（元）", "服务方案", "团队", "资格证明材料",
        OpenTenders.QUALIFICATIONS).doesNotContain("投标回执");

    HttpResponse<String> submitted = huimin.submit(tenderPage, tenderPage + "/bid",
        bid("760,000.00", "每周入户探访两次，建立一人一档。", "社工3名、心理咨询师1名。", "法人登记证书；2025年度检查合格。"));
    assertThat(submitted.statusCode()).isEqualTo(302);
    assertThat(PortalClient.location(submitted)).isEqualTo(tenderPage);
    String receiptCode = bidBox.receiptOf(projectNumber, HUIMIN).orElseThrow().receiptCode();
    String afterSubmit = huimin.get(tenderPage).body();
    assertThat(afterSubmit).contains("投标已提交。回执编号 " + receiptCode, "投标回执", "替换投标", "撤回投标");
    assertThat(receiptIn(afterSubmit)).isEqualTo(receiptCode);
    // the own bid comes back into the form, for reading and replacing
    assertThat(afterSubmit).contains("value=\"760000.00\"", "每周入户探访两次，建立一人一档。", "社工3名、心理咨询师1名。");
    assertThat(bidBox.ownBid(projectNumber, HUIMIN)).contains(new BidContent(new BigDecimal("760000.00"),
        "每周入户探访两次，建立一人一档。", "社工3名、心理咨询师1名。", "法人登记证书；2025年度检查合格。"));
    assertThat(callCard(huimin.get("/portal/bidder").body())).contains("已投标", receiptCode);

    HttpResponse<String> replaced = huimin.submit(tenderPage, tenderPage + "/bid",
        bid("735000元", "每周入户探访三次。", "社工4名。", "法人登记证书。"));
    assertThat(replaced.statusCode()).isEqualTo(302);
    String newCode = bidBox.receiptOf(projectNumber, HUIMIN).orElseThrow().receiptCode();
    assertThat(newCode).isNotEqualTo(receiptCode);
    String afterReplace = huimin.get(tenderPage).body();
    assertThat(afterReplace).contains("投标已替换，原投标作废。回执编号 " + newCode, "value=\"735000.00\"", "每周入户探访三次。");
    assertThat(receiptIn(afterReplace)).isEqualTo(newCode);
    assertThat(bidBox.countBids(projectNumber)).isEqualTo(1);

    HttpResponse<String> withdrawn = huimin.submit(tenderPage, tenderPage + "/withdraw", Map.of());
    assertThat(withdrawn.statusCode()).isEqualTo(302);
    String afterWithdraw = huimin.get(tenderPage).body();
    // the withdrawn content is offered back in the form, to this organisation (BidDraftPagesTest: to it only)
    assertThat(afterWithdraw).contains("投标已撤回", "撤回的投标内容", "每周入户探访三次。").doesNotContain("投标回执");
    assertThat(bidBox.receiptOf(projectNumber, HUIMIN)).isEmpty();
    assertThat(bidBox.countBids(projectNumber)).isZero();
  }

  @Test
  void thePublicHomeListsTheOpenTenderWithItsDeadlinesButNotItsBids() {
    loggedIn(HUIMIN).submit(tenderPage, tenderPage + "/bid", bid("700000", "入户探访方案甲", "社工2名", "登记证书"));

    String home = new PortalClient(port).get("/portal").body();
    String card = home.substring(home.indexOf("正在招标的项目"), home.indexOf("正在公开的采购意向"));
    assertThat(card).contains(serviceName, projectNumber, "南通市民政局", "800,000.00元", "公开招标",
        "2026-12-28 09:30", "2026-12-14 23:59", "/portal/bidder/tenders/" + projectNumber);
    // before the opening the public learns nothing of the bids, not even their number
    assertThat(card).doesNotContain("700,000", "700000", "入户探访方案甲", "南通惠民社区服务中心", "1家");

    // after the deadline the tender is no longer open for bids
    ClockUtil.setCurrentTime(Date.from(OpenTenders.DEADLINE.plusMinutes(1).toInstant()));
    // (its notice may still be among the latest notices further down the page)
    String after = new PortalClient(port).get("/portal").body();
    assertThat(after.substring(after.indexOf("正在招标的项目"), after.indexOf("正在公开的采购意向")))
        .doesNotContain(serviceName);
  }

  @Test
  void anOrganisationSeesOnlyItsOwnBid() {
    PortalClient huimin = loggedIn(HUIMIN);
    huimin.submit(tenderPage, tenderPage + "/bid", bid("612345.67", "惠民机密服务方案XYZ", "惠民团队", "惠民资质"));
    String huiminReceipt = bidBox.receiptOf(projectNumber, HUIMIN).orElseThrow().receiptCode();

    PortalClient qingchun = loggedIn(QINGCHUN);
    String page = qingchun.get(tenderPage).body();
    assertThat(page).contains(serviceName, "提交投标")
        .doesNotContain("612345.67", "612,345.67", "惠民机密服务方案XYZ", "惠民团队", huiminReceipt, "投标回执");
    assertThat(callCard(qingchun.get("/portal/bidder").body())).contains("未投标").doesNotContain(huiminReceipt);
    // the withdraw button acts on the logged-in organisation's bid only, whatever the page was
    assertThat(qingchun.submit(tenderPage, tenderPage + "/withdraw", Map.of()).body())
        .contains("投标未撤回", "没有可撤回的投标");
    assertThat(bidBox.receiptOf(projectNumber, HUIMIN).orElseThrow().receiptCode()).isEqualTo(huiminReceipt);
    // a bidder field sent along is no way to act as another organisation
    Map<String, String> forged = bid("500000", "冒名方案", "冒名团队", "冒名资质");
    forged.put("bidder", HUIMIN);
    forged.put("bidderUserId", HUIMIN);
    qingchun.submit(tenderPage, tenderPage + "/bid", forged);
    assertThat(bidBox.ownBid(projectNumber, HUIMIN).orElseThrow().servicePlan()).isEqualTo("惠民机密服务方案XYZ");
    assertThat(bidBox.ownBid(projectNumber, QINGCHUN).orElseThrow().servicePlan()).isEqualTo("冒名方案");
  }

  @Test
  void anonymousVisitorsAndOfficialsCannotReachTheBidderPages() {
    PortalClient anonymous = new PortalClient(port);
    for (String path : new String[] {"/portal/bidder", tenderPage}) {
      HttpResponse<String> answer = anonymous.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(302);
      assertThat(PortalClient.location(answer)).isEqualTo("/portal/login?next=" + path);
    }
    for (String action : new String[] {"/bid", "/withdraw", "/questions"}) {
      HttpResponse<String> answer = anonymous.post(tenderPage + action, bid("1000", "a", "b", "c"));
      assertThat(answer.statusCode()).as(action).isEqualTo(403);
    }
    // a session with a token but no login: still refused
    anonymous.get("/portal/login");
    HttpResponse<String> noLogin = anonymous.submit("/portal/login", tenderPage + "/bid", bid("1000", "a", "b", "c"));
    assertThat(noLogin.statusCode()).isEqualTo(403);
    assertThat(noLogin.body()).contains("请先以供应商账号登录");

    // an official logged into Tasklist in the same browser is no organisation on the portal
    PortalClient official = new PortalClient(port);
    assertThat(official.logIntoWebapp("minzheng", demoPassword, "tasklist")).isEqualTo(200);
    assertThat(official.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    assertThat(PortalClient.location(official.get(tenderPage))).startsWith("/portal/login");
    assertThat(official.logIn("minzheng", demoPassword).statusCode()).isEqualTo(401);
    assertThat(PortalClient.location(official.get("/portal/bidder"))).startsWith("/portal/login");
    assertThat(bidBox.countBids(projectNumber)).isZero();
  }

  @Test
  void badBidsComeBackInChineseNextToTheFormAndNothingIsStored() {
    PortalClient huimin = loggedIn(HUIMIN);

    HttpResponse<String> notAnAmount = huimin.submit(tenderPage, tenderPage + "/bid",
        bid("七十万", "方案", "团队", "资质"));
    assertThat(notAnAmount.statusCode()).isEqualTo(400);
    assertThat(notAnAmount.body()).contains("投标未提交", "报价应为以元为单位的金额", "value=\"七十万\"");

    HttpResponse<String> overBudget = huimin.submit(tenderPage, tenderPage + "/bid",
        bid("900000", "<script>alert('x')</script>方案", "团队", "资质"));
    assertThat(overBudget.statusCode()).isEqualTo(400);
    assertThat(overBudget.body()).contains("投标未提交：投标报价900,000.00元超过项目预算800,000.00元，不能提交。")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;方案").doesNotContain("<script>");

    for (String price : new String[] {"0", "-5", "1.234", "1e5", "1,2", "7,00000"}) {
      assertThat(huimin.submit(tenderPage, tenderPage + "/bid", bid(price, "方案", "团队", "资质")).statusCode())
          .as(price).isEqualTo(400);
    }
    HttpResponse<String> noPlan = huimin.submit(tenderPage, tenderPage + "/bid", bid("700000", " ", "团队", "资质"));
    assertThat(noPlan.statusCode()).isEqualTo(400);
    assertThat(noPlan.body()).contains("请填写服务方案。");

    HttpResponse<String> tooLong = huimin.submit(tenderPage, tenderPage + "/bid",
        bid("700000", "长".repeat(BidForm.MAX_SERVICE_PLAN + 1), "团队", "资质"));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("服务方案不能超过20000个字");

    HttpResponse<String> nothing = huimin.submit(tenderPage, tenderPage + "/bid", Map.of());
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body()).contains("请填写报价（元）。");

    assertThat(bidBox.receiptOf(projectNumber, HUIMIN)).isEmpty();
    assertThat(bidBox.countBids(projectNumber)).isZero();

    HttpResponse<String> badNumber = huimin.get("/portal/bidder/tenders/%3Cb%3E");
    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.body()).contains("项目编号格式不正确").doesNotContain("<b>");
    HttpResponse<String> unknown = huimin.get("/portal/bidder/tenders/NT-1999-9999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("目前没有接受投标的招标");
    assertThat(huimin.submit(tenderPage, "/portal/bidder/tenders/NT-1999-9999/bid", bid("1", "a", "b", "c"))
        .statusCode()).isEqualTo(404);
  }

  @Test
  void afterTheDeadlineTheReceiptStaysAndNothingChanges() {
    PortalClient huimin = loggedIn(HUIMIN);
    huimin.submit(tenderPage, tenderPage + "/bid", bid("700000", "方案", "团队", "资质"));
    String receiptCode = bidBox.receiptOf(projectNumber, HUIMIN).orElseThrow().receiptCode();
    String formBeforeDeadline = huimin.get(tenderPage).body();

    ClockUtil.setCurrentTime(Date.from(OpenTenders.DEADLINE.plusMinutes(1).toInstant()));
    String page = huimin.get(tenderPage).body();
    assertThat(page).contains("投标截止时间已过", receiptCode).doesNotContain("撤回投标</button>");
    assertThat(huimin.get("/portal/bidder").body()).doesNotContain(serviceName);

    // a form opened before the deadline and sent after it is refused by the bid box
    Map<String, String> late = bid("650000", "迟到的方案", "团队", "资质");
    late.put("_csrf", PortalClient.csrfTokenIn(formBeforeDeadline));
    HttpResponse<String> lateBid = huimin.post(tenderPage + "/bid", late);
    assertThat(lateBid.statusCode()).isEqualTo(400);
    assertThat(lateBid.body()).contains("投标未提交：", "投标截止时间", "已过，不能再投标");
    HttpResponse<String> lateWithdraw = huimin.post(tenderPage + "/withdraw",
        Map.of("_csrf", PortalClient.csrfTokenIn(formBeforeDeadline)));
    assertThat(lateWithdraw.statusCode()).isEqualTo(400);
    assertThat(lateWithdraw.body()).contains("投标未撤回：");
    assertThat(bidBox.receiptOf(projectNumber, HUIMIN).orElseThrow().receiptCode()).isEqualTo(receiptCode);
  }

  @Test
  void aQuestionReachesTheDepartmentWithoutAnythingElseChanging() {
    PortalClient xinyu = loggedIn("org-xinyu");
    String page = xinyu.get(tenderPage).body();
    assertThat(page).contains("提出疑问", "提问截止", "2026-12-14 23:59（北京时间）");
    HttpResponse<String> asked = xinyu.submit(tenderPage, tenderPage + "/questions",
        Map.of("question", "上门服务是否包括法定节假日？"));
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(xinyu.get(tenderPage).body()).contains("问题已提交给采购单位");

    var answer = tenders.questionToAnswer(projectNumber);
    assertThat(answer).as("the department's task to answer").isNotNull();
    assertThat(engine.getTaskService().getVariables(answer.getId()))
        .containsEntry("questionText", "上门服务是否包括法定节假日？").containsEntry("questionAsker", "org-xinyu");
    assertThat(bidBox.countBids(projectNumber)).isZero();
  }

  @Test
  void questionsAreRefusedInChineseWhenEmptyTooLongOrAfterTheClarificationDeadline() {
    PortalClient huimin = loggedIn(HUIMIN);
    String page = huimin.get(tenderPage).body();
    assertThat(page).contains("提出疑问", "提交问题");

    HttpResponse<String> empty = huimin.submit(tenderPage, tenderPage + "/questions", Map.of("question", "  "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("问题未提交：请填写问题内容。");
    String tooLongText = "问".repeat(BidderController.MAX_QUESTION + 1);
    HttpResponse<String> tooLong = huimin.submit(tenderPage, tenderPage + "/questions",
        Map.of("question", tooLongText));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("问题不能超过4000个字");

    ClockUtil.setCurrentTime(Date.from(OpenTenders.CLARIFICATION_END.plusMinutes(2).toInstant()));
    String afterClarification = huimin.get(tenderPage).body();
    assertThat(afterClarification).doesNotContain("提出疑问").contains("提交投标");
    Map<String, String> late = new LinkedHashMap<>(Map.of("question", "<b>服务范围</b>是否包括节假日？"));
    late.put("_csrf", PortalClient.csrfTokenIn(page));
    HttpResponse<String> refused = huimin.post(tenderPage + "/questions", late);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("问题未提交：项目" + projectNumber + "的提问截止时间", "已过，不再受理提问。")
        .contains("&lt;b&gt;服务范围&lt;/b&gt;是否包括节假日？").doesNotContain("<b>服务范围");
  }

  private PortalClient loggedIn(String organisation) {
    return PortalClient.loggedIn(port, organisation, demoPassword);
  }

  @Test
  void theBidFormAsksHowTheBidBondWasLodgedRefusesCashAndKeepsTheGuaranteesNumber() {
    PortalClient huimin = loggedIn(HUIMIN);
    // the documents ask for a bid bond of 10,000.00 yuan (OpenTenders)
    assertThat(huimin.get(tenderPage).body()).contains("投标保证金提交方式", "本项目投标保证金10,000.00元", "银行保函",
        "转账流水号或保函编号");

    Map<String, String> cash = bid("700000", "方案", "团队", "资质");
    cash.put("bondForm", "CASH");
    cash.put("bondReference", "收据001");
    HttpResponse<String> inCash = huimin.submit(tenderPage, tenderPage + "/bid", cash);
    assertThat(inCash.statusCode()).isEqualTo(400);
    assertThat(inCash.body()).contains("投标保证金不得以现金形式提交（政府采购法实施条例第三十三条）", "value=\"收据001\"");
    assertThat(bidBox.countBids(projectNumber)).isZero();

    Map<String, String> guaranteed = bid("700000", "方案", "团队", "资质");
    guaranteed.put("bondForm", "BANK_GUARANTEE");
    guaranteed.put("bondReference", "BH-2026-1204");
    assertThat(huimin.submit(tenderPage, tenderPage + "/bid", guaranteed).statusCode()).isEqualTo(302);
    // the bidder reads its own bid back with the bond it stated
    assertThat(huimin.get(tenderPage).body()).contains("value=\"BH-2026-1204\"")
        .containsPattern("value=\"BANK_GUARANTEE\"\\s+selected");
  }

  private static Map<String, String> bid(String price, String servicePlan, String team, String qualifications) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("price", price);
    form.put("servicePlan", servicePlan);
    form.put("team", team);
    form.put("qualifications", qualifications);
    return form;
  }

  /** The card of this test's tender in the list of open tenders. */
  private String callCard(String area) {
    int start = area.indexOf("data-project=\"" + projectNumber + "\"");
    assertThat(start).as("the tender is listed").isNotNegative();
    return area.substring(start, area.indexOf("</li>", start));
  }

  private static String receiptIn(String page) {
    Matcher code = RECEIPT.matcher(page);
    assertThat(code.find()).as("a receipt code on the page").isTrue();
    return code.group(1);
  }
}
