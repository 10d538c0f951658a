package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.credit.CreditEffect;
import org.publicservice.procurement.credit.CreditListing;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.credit.NewCreditRecord;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The public record of a social organisation: what the notices say about it and its credit records in force. */
@ProcurementSpringTest
class OrganisationPagesTest {

  static final String YANGGUANG = "南通阳光养老服务中心";

  @Autowired TestRestTemplate http;
  @Autowired DisclosureRegister register;
  @Autowired CreditRegister credit;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theListNamesEveryRegisteredOrganisation() {
    String list = http.getForObject("/portal/organisations", String.class);
    assertThat(list).contains("承接主体", YANGGUANG, "南通心语社会工作服务社", "南通惠民社区服务中心", "南通青春志愿服务协会",
        "南通安乐居家养老服务社", "href=\"/portal/organisations/org-yangguang\"", "合同公告");
    assertThat(list).doesNotContain("@demo.local", "t-minzheng");
  }

  @Test
  void anOrganisationsPageShowsItsContractsAwardsAndGradesFromTheNotices() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String project = "NT-2026-T" + tag;
    DisclosureNotice award = register.publish(project, NoticeType.AWARD_NOTICE, "社区助餐服务中标结果公告" + tag,
        "中标供应商：" + YANGGUANG + "\n中标金额：980,000.00元\n", "南通市民政局", null);
    DisclosureNotice contract = register.publish(project, NoticeType.CONTRACT, "社区助餐服务政府采购合同公告" + tag,
        "供应商：" + YANGGUANG + "\n合同金额：980,000.00元\n", "南通市民政局", null);
    register.publish(project, NoticeType.EVALUATION_RESULT, "社区助餐服务绩效评价结果" + tag,
        "承接主体：" + YANGGUANG + "\n评价得分：86.50\n评价等级：良好（合格线60分）\n", "南通市民政局", null);
    register.publish(project + "X", NoticeType.CONTRACT, "其他组织的合同公告" + tag,
        "供应商：南通心语社会工作服务社\n", "南通市民政局", null);

    String page = http.getForObject("/portal/organisations/org-yangguang", String.class);
    assertThat(page).contains("<h1>" + YANGGUANG + "</h1>", "政府采购合同", "绩效评价", "中标（成交）", "信用记录")
        .contains("社区助餐服务政府采购合同公告" + tag, "社区助餐服务中标结果公告" + tag, "社区助餐服务绩效评价结果" + tag)
        .contains("评价等级：<strong>良好</strong>")
        .doesNotContain("其他组织的合同公告" + tag);

    // a notice that names the organisation links to its page
    String notice = http.getForObject("/portal/notices/" + contract.id(), String.class);
    assertThat(notice).contains("本公告涉及的承接主体", "href=\"/portal/organisations/org-yangguang\"");
    assertThat(http.getForObject("/portal/notices/" + award.id(), String.class))
        .contains("href=\"/portal/organisations/org-yangguang\"")
        .doesNotContain("href=\"/portal/organisations/org-xinyu\"");
  }

  @Test
  void creditRecordsInForceAreShownWithoutWhoEnteredThemOrTheirInternalWording() {
    // a year no other test lives in, so that the record binds no other test's bidding
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2095, 5, 1, 10, 0).atZone(ProcurementTime.ZONE).toInstant()));
    var record = credit.add(new NewCreditRecord("org-anle", "南通安乐居家养老服务社", CreditListing.FAILED_EVALUATION,
        CreditEffect.PENALISE, "南通市民政局绩效评价结果", "内部意见：回访记录造假嫌疑" , LocalDate.of(2095, 1, 1),
        LocalDate.of(2095, 12, 31), "NT-2095-0001", "t-caizheng"));
    try {
      String page = http.getForObject("/portal/organisations/org-anle", String.class);
      assertThat(page).contains("绩效评价不合格", "扣分/警示", "2095-01-01 至 2095-12-31", "南通市民政局绩效评价结果",
          "href=\"/portal/projects/NT-2095-0001\"")
          .doesNotContain("回访记录造假嫌疑", "t-caizheng", "当前没有有效的不良信用记录");
      ClockUtil.reset();
      assertThat(http.getForObject("/portal/organisations/org-anle", String.class))
          .contains("当前没有有效的不良信用记录").doesNotContain("NT-2095-0001");
    } finally {
      credit.revoke(record.id(), "t-caizheng", "test data");
    }
  }

  @Test
  void anUnknownOrganisationIs404AndAnOfficialIsNoOrganisation() {
    for (String id : java.util.List.of("org-nobody", "t-minzheng", "minzheng", "a%20b")) {
      ResponseEntity<String> page = http.getForEntity("/portal/organisations/" + id, String.class);
      assertThat(page.getStatusCode()).as(id).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(page.getBody()).contains("页面不存在", "没有找到这个承接主体");
    }
  }

  @Test
  void theGradeIsTheOneTheNoticeNames() {
    assertThat(PublicOrganisations.gradeIn(notice("得分：55\n评价等级：不合格\n"))).contains("不合格");
    assertThat(PublicOrganisations.gradeIn(notice("合格线60分\n评价等级：优秀\n"))).contains("优秀");
    assertThat(PublicOrganisations.gradeIn(notice("结论：良好\n"))).contains("良好");
    assertThat(PublicOrganisations.gradeIn(notice("尚无结论\n"))).isEmpty();
  }

  private static DisclosureNotice notice(String content) {
    return new DisclosureNotice(1, "NT-2026-0001", NoticeType.EVALUATION_RESULT, "绩效评价结果", content,
        java.time.OffsetDateTime.now(), "南通市民政局", null);
  }
}
