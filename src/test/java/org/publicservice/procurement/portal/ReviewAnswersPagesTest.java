package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.review.ReviewStages;
import org.publicservice.procurement.review.ReviewVariables;
import org.publicservice.procurement.tender.FinalOffers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bidder's written answers to the panel over HTTP, logged in as demo social organisations: the explanation of
 * an abnormally low price (87号令第六十条) reaches the waiting review, and a final offer (最后报价) is sealed, read back
 * only by its own organisation and refused when it breaks a rule.
 */
@ProcurementSpringTest
class ReviewAnswersPagesTest {

  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, ProcurementTime.ZONE);

  @Autowired ProcessEngine engine;
  @Autowired FinalOffers finalOffers;
  @LocalServerPort int port;
  @Value("${procurement.demo.password}") String demoPassword;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void theBidderExplainsItsPriceOnThePortalAndThePanelGetsTheAnswer() {
    ReviewStages stages = new ReviewStages(engine, new TestIdentities(engine.getIdentityService()));
    ProcessInstance review = stages.start(ReviewStages.inputs("NT-2026-0951", 2_000_000, ReviewVariables.COMPREHENSIVE,
        3, ReviewStages.BIDS));
    stages.submitQualification(review, stages.qualificationForm(4, null));
    stages.acceptAll(review);
    for (int bid = 1; bid <= 3; bid++) {
      stages.reviewCompliance(review, bid, ReviewStages.compliant());
    }
    stages.reviewCompliance(review, 4, ReviewStages.queryPrice("请说明人工成本的测算。", 12));

    PortalClient anle = loggedIn("org-anle");
    String page = anle.get("/portal/bidder/price-explanations").body();
    assertThat(page).contains("NT-2026-0951", "请说明人工成本的测算。", "1,750,000.00元", "2026-12-07 21:00（北京时间）");
    java.util.regex.Matcher form = java.util.regex.Pattern
        .compile("action=\"(/portal/bidder/price-explanations/\\d+)\"").matcher(page);
    assertThat(form.find()).isTrue();
    String action = form.group(1);
    assertThat(anle.submit("/portal/bidder/price-explanations", action, Map.of("answer", " ")).statusCode())
        .isEqualTo(400);
    HttpResponse<String> answered = anle.submit("/portal/bidder/price-explanations", action,
        Map.of("answer", "护理员为本社长期聘用人员，按南通市最低工资标准测算，附测算表。"));
    assertThat(answered.statusCode()).isEqualTo(302);
    assertThat(anle.get("/portal/bidder/price-explanations").body()).contains("书面说明已提交评标委员会。",
        "按南通市最低工资标准测算").doesNotContain("price-explanation-form");
    assertThat(review).isWaitingAt("Task_AssessPriceExplanation");
    // another organisation sees nothing of it
    assertThat(loggedIn("org-huimin").get("/portal/bidder/price-explanations").body())
        .doesNotContain("NT-2026-0951", "最低工资标准");
  }

  @Test
  void aFinalOfferIsSealedReadBackByItsOwnOrganisationOnlyAndRefusedAboveTheBudget() {
    OffsetDateTime deadline = MONDAY.plusHours(24).toOffsetDateTime();
    long call = finalOffers.open("NT-2026-0952", "review-instance-0952", "崇川区助餐服务", "南通市民政局",
        "COMPETITIVE_CONSULTATION", new BigDecimal("900000"), deadline,
        List.of(new FinalOffers.Invitee("org-xinyu", "南通心语社会工作服务社", "NT-2026-0952-B1"),
            new FinalOffers.Invitee("org-qingchun", "南通青春志愿服务协会", "NT-2026-0952-B2")));
    PortalClient xinyu = loggedIn("org-xinyu");
    String page = xinyu.get("/portal/bidder/final-offers").body();
    assertThat(page).contains("崇川区助餐服务", "900,000.00元", "2026-12-08 09:00（北京时间）", "提交最后报价");
    String action = "/portal/bidder/final-offers/" + call;
    HttpResponse<String> tooHigh = xinyu.submit("/portal/bidder/final-offers", action, Map.of("price", "900000.01"));
    assertThat(tooHigh.statusCode()).isEqualTo(400);
    assertThat(tooHigh.body()).contains("最后报价未提交：最后报价900,000.01元超过采购预算900,000.00元，不能提交。");
    assertThat(xinyu.submit("/portal/bidder/final-offers", action, Map.of("price", "abc")).statusCode())
        .isEqualTo(400);
    assertThat(xinyu.submit("/portal/bidder/final-offers", action,
        Map.of("price", "856,000.00", "note", "含营养师1名")).statusCode()).isEqualTo(302);
    assertThat(xinyu.get("/portal/bidder/final-offers").body()).contains("856,000.00元", "含营养师1名", "替换最后报价");

    // the other invitee and an outsider read none of it; the outsider is refused
    assertThat(loggedIn("org-qingchun").get("/portal/bidder/final-offers").body()).contains("崇川区助餐服务")
        .doesNotContain("856,000.00", "营养师");
    PortalClient huimin = loggedIn("org-huimin");
    assertThat(huimin.get("/portal/bidder/final-offers").body()).doesNotContain("崇川区助餐服务");
    HttpResponse<String> outsider = huimin.submit("/portal/bidder/challenges", action, Map.of("price", "800000"));
    assertThat(outsider.statusCode()).isEqualTo(400);
    assertThat(outsider.body()).contains("贵单位不是本次最后报价的受邀供应商。");
    assertThat(finalOffers.countOffers(call)).isEqualTo(1);
  }

  private PortalClient loggedIn(String organisation) {
    return PortalClient.loggedIn(port, organisation, demoPassword);
  }
}
