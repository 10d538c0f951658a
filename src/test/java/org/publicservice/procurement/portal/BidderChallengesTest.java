package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.portal.AwardedProjects.NON_BIDDER;
import static org.publicservice.procurement.portal.AwardedProjects.SECOND;
import static org.publicservice.procurement.portal.AwardedProjects.THIRD;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.award.DisputeRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Challenges (质疑) from the portal against the award stage's real challenge window: a losing bidder files one and
 * reads the department's reply; who did not bid, a second challenge, bad input and a closed window are refused in
 * Chinese and nothing is saved.
 */
@ProcurementSpringTest
class BidderChallengesTest {

  static final String PAGE = "/portal/bidder/challenges";

  @Autowired ProcessEngine engine;
  @Autowired DisputeRecords disputes;
  @LocalServerPort int port;
  @Value("${procurement.demo.password}") String demoPassword;

  AwardedProjects awards;
  String projectNumber;

  @BeforeEach
  void publishAnAward() {
    awards = new AwardedProjects(engine);
    projectNumber = awards.awarded();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aLosingBidderFilesAChallengeAndReadsTheReply() {
    PortalClient huimin = loggedIn(SECOND);
    assertThat(huimin.get("/portal/bidder").body()).contains("提出质疑");
    String page = huimin.get(PAGE + "?project=" + projectNumber.toLowerCase()).body();
    assertThat(page).contains("贵机构在本项目的评审结果", "第2名（共3家）", "87.25", "260,000.00元",
        AwardedProjects.WINNER_NAME, "value=\"" + projectNumber + "\"")
        // nothing of the other bidders' scores
        .doesNotContain("90.50", "77.04", "268,000.00元");

    HttpResponse<String> filed = huimin.submit(PAGE, PAGE,
        form(projectNumber, "中标供应商的持证护理员人数不足招标文件要求的20人。"));
    assertThat(filed.statusCode()).isEqualTo(302);
    assertThat(PortalClient.location(filed)).isEqualTo(PAGE + "?project=" + projectNumber);

    assertThat(disputes.challengesOf(projectNumber)).singleElement().satisfies(challenge -> {
      assertThat(challenge.bidder()).isEqualTo(SECOND);
      assertThat(challenge.grounds()).isEqualTo("中标供应商的持证护理员人数不足招标文件要求的20人。");
    });
    assertThat(awards.challengeToReply(projectNumber)).as("the department's task to reply").isNotNull();
    String afterFiling = huimin.get(PAGE + "?project=" + projectNumber).body();
    assertThat(afterFiling).contains("质疑已提交", "贵机构对本项目的质疑", "待答复", "2026-12-07 09:30",
        "中标供应商的持证护理员人数不足招标文件要求的20人。");

    awards.reject(projectNumber, "经核查，中标供应商持证护理员23人，符合招标文件要求。");
    String replied = huimin.get(PAGE + "?project=" + projectNumber).body();
    assertThat(replied).contains("质疑不成立", "采购单位答复", "经核查，中标供应商持证护理员23人，符合招标文件要求。");

    // another bidder sees neither the challenge nor the reply
    String third = loggedIn(THIRD).get(PAGE + "?project=" + projectNumber).body();
    assertThat(third).contains("第3名（共3家）").doesNotContain("持证护理员", "贵机构对本项目的质疑");

    // one challenge per step of the procedure (94号令第十条)
    HttpResponse<String> again = huimin.submit(PAGE, PAGE, form(projectNumber, "再次质疑。"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("质疑未提交：贵单位已于", "一次性提出", "再次质疑。");
    assertThat(disputes.challengesOf(projectNumber)).hasSize(1);

    // not satisfied with the reply: a complaint to finance from the same page (94号令第十七条)
    Map<String, String> complaint = new LinkedHashMap<>();
    complaint.put("project", projectNumber);
    complaint.put("grounds", "采购单位未核实证书真伪，请求认定中标无效。");
    HttpResponse<String> complained = huimin.submit(PAGE, "/portal/bidder/complaints", complaint);
    assertThat(complained.statusCode()).isEqualTo(302);
    assertThat(disputes.complaintsOf(projectNumber)).singleElement()
        .satisfies(c -> assertThat(c.bidder()).isEqualTo(SECOND));
    assertThat(huimin.get(PAGE + "?project=" + projectNumber).body()).contains("投诉已提交财政部门", "贵机构对本项目的投诉",
        "财政部门审查中", "采购单位未核实证书真伪");
    assertThat(loggedIn(THIRD).get(PAGE + "?project=" + projectNumber).body()).doesNotContain("未核实证书真伪");
    HttpResponse<String> noChallenge = loggedIn(THIRD).submit(PAGE, "/portal/bidder/complaints", Map.of("project",
        projectNumber, "grounds", "评分不公。"));
    assertThat(noChallenge.statusCode()).isEqualTo(400);
    assertThat(noChallenge.body()).contains("投诉未提交：投诉前须先向采购单位提出质疑");
  }

  @Test
  void whoDidNotBidBadInputAndAClosedWindowAreRefusedAndNothingIsSaved() {
    PortalClient xinyu = loggedIn(NON_BIDDER);
    HttpResponse<String> notABidder = xinyu.submit(PAGE, PAGE, form(projectNumber, "<script>alert(1)</script>理由"));
    assertThat(notABidder.statusCode()).isEqualTo(400);
    assertThat(notABidder.body()).contains("质疑未提交：只有参加本项目采购活动的供应商才能对中标（成交）结果提出质疑。")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;理由").doesNotContain("<script>");
    assertThat(xinyu.get(PAGE + "?project=" + projectNumber).body()).doesNotContain("贵机构在本项目的评审结果");

    PortalClient third = loggedIn(THIRD);
    HttpResponse<String> empty = third.submit(PAGE, PAGE, form(projectNumber, "   "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("质疑未提交：请填写质疑事项及理由。");
    HttpResponse<String> tooLong = third.submit(PAGE, PAGE, form(projectNumber, "长".repeat(4001)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("质疑事项及理由不能超过4000个字");
    HttpResponse<String> badNumber = third.submit(PAGE, PAGE, form("NT-2026-<b>", "理由"));
    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.body()).contains("项目编号格式不正确").doesNotContain("NT-2026-<b>");
    HttpResponse<String> unknown = third.submit(PAGE, PAGE, form("NT-1999-0001", "理由"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("没有正在进行的采购活动");
    assertThat(third.get(PAGE + "?project=%3Cscript%3E").statusCode()).isEqualTo(400);

    // after the 7 working days from the end of the notice period (94号令第十条)
    ClockUtil.setCurrentTime(Date.from(AwardedProjects.CHALLENGE_DAY.plusDays(14).toInstant()));
    HttpResponse<String> late = third.submit(PAGE, PAGE, form(projectNumber, "价格分计算有误。"));
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("质疑期已于", "不再受理质疑");
    assertThat(disputes.challengesOf(projectNumber)).isEmpty();
    assertThat(awards.challengeToReply(projectNumber)).isNull();
  }

  @Test
  void onlyALoggedInOrganisationReachesTheChallenges() {
    PortalClient anonymous = new PortalClient(port);
    assertThat(PortalClient.location(anonymous.get(PAGE))).isEqualTo("/portal/login?next=" + PAGE);
    assertThat(anonymous.post(PAGE, form(projectNumber, "理由")).statusCode()).isEqualTo(403);
    PortalClient official = new PortalClient(port);
    assertThat(official.logIn("minzheng", demoPassword).statusCode()).isEqualTo(401);
    assertThat(official.submit("/portal/login", PAGE, form(projectNumber, "理由")).statusCode()).isEqualTo(403);
    assertThat(disputes.challengesOf(projectNumber)).isEmpty();
  }

  private PortalClient loggedIn(String organisation) {
    return PortalClient.loggedIn(port, organisation, demoPassword);
  }

  private static Map<String, String> form(String project, String grounds) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("project", project);
    form.put("subject", "RESULT");
    form.put("grounds", grounds);
    return form;
  }
}
