package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.award.AwardScenario.*;
import static org.publicservice.procurement.award.AwardVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The award decision driven as the department drives it, inside the running purchase: the winner in the order of the
 * ranking (or the default to no. 1), the notice with the panel, the 中标通知书 to the winner, each bidder's own result,
 * the disqualified bidder's reason, and the contract stage starting the same day with its full 30 days.
 */
@ProcurementSpringTest
class AwardStageProcessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(THURSDAY_MORNING).withOfficials();

  /** A Thursday in December 2026 (no holidays before New Year). */
  static final ZonedDateTime THURSDAY_MORNING = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired AwardResults results;
  @Autowired AwardDecisions decisions;

  AwardScenario award;

  @BeforeEach
  void setUp() {
    award = new AwardScenario(engine, session.people());
  }

  @Test
  void theFirstCandidateWinsTheLetterGoesOutWithTheNoticeAndTheContractStageStartsWithItsFullPeriod() throws Exception {
    ProcessInstance purchase = award.purchaseAtAward();
    ProcessInstance stage = award.award(purchase);
    String project = purchase.getBusinessKey();
    assertThat(stage).isWaitingAt("Task_ChooseWinner");
    Task choose = award.task(stage, "Task_ChooseWinner");
    assertThat(engine.getTaskService().getIdentityLinksForTask(choose.getId())).extracting(l -> l.getGroupId())
        .contains(Groups.DEPT_CIVIL_AFFAIRS);
    assertThat(choose.getDueDate()).isEqualTo(workingDays.after(THURSDAY_MORNING.toLocalDate(), 5));
    assertThat((String) runtimeService.getVariable(stage.getId(), RANKING_TEXT))
        .contains("第1名：南通安乐居家养老服务社，报价268,000.00元，价格分29.10分，技术商务分61.40分，总分90.50分");
    assertThat(results.ownResult(project, SECOND)).as("nothing before the notice").isEmpty();

    award.choose(stage, FIRST);

    assertThat(stage).isEnded().hasPassed("EndEvent_Awarded");
    assertThat(award.historicVariable(stage, AWARD_OUTCOME)).isEqualTo(OUTCOME_AWARDED);
    DisclosureNotice notice = session.notices(project, NoticeType.AWARD_NOTICE).get(0);
    assertThat(notice.title()).isEqualTo("南通市民政局关于崇川区居家养老上门服务的中标（成交）结果公告");
    assertThat(notice.content()).contains("中标（成交）供应商：南通安乐居家养老服务社", "中标（成交）金额：268,000.00元",
        "评审委员会成员：周立群（组长）、吴海燕、郑国强、孙晓梅、钱文（采购人代表）", "确定方式：采购人按评审报告推荐的顺序确定排名第一的中标候选人",
        "1个工作日，至2026年12月4日 23:59", "中标（成交）通知书：已于公告同日发出", "至2026年12月15日 23:59")
        .doesNotContain("87.25", SECOND_NAME);

    // the award decision with its letter; the contract stage runs from the same day with 30 days
    AwardDecisions.Decision decision = decisions.active(project).orElseThrow();
    assertThat(decision.winner()).isEqualTo(FIRST);
    assertThat(decision.noticeId()).isEqualTo(notice.id());
    assertThat(decision.letterText()).startsWith("中标（成交）通知书").contains("南通安乐居家养老服务社：",
        "中标（成交）金额268,000.00元", "自本通知书发出之日起30日内", "依法暂停签订合同的期间不计入上述期限");
    assertThat(purchase).isWaitingAt("Task_ContractStage");
    ProcessInstance contract = award.contract(purchase);
    assertThat(contract).isWaitingAt("Task_DraftContract");
    Date signBy = workingDays.calendarDaysAfter(THURSDAY_MORNING.toLocalDate(), 30);
    assertThat(runtimeService.getVariable(contract.getId(), "signingDeadline")).isEqualTo(signBy);
    assertThat(runtimeService.getVariable(contract.getId(), "awardId")).isEqualTo(decision.id());

    assertThat(results.ownResult(project, SECOND)).hasValueSatisfying(own -> {
      assertThat(own.rank()).isEqualTo(2);
      assertThat(own.bidderCount()).isEqualTo(3);
      assertThat(own.totalScore()).isEqualByComparingTo("87.25");
      assertThat(own.winner()).isFalse();
      assertThat(own.winnerName()).isEqualTo(FIRST_NAME);
    });
    assertThat(results.ownResult(project, NON_BIDDER)).isEmpty();

    session.mails().deliver(project);
    MimeMessage toSecond = mail(project, SECOND, "【中标结果】");
    assertThat(toSecond.getSubject()).isEqualTo("【中标结果】" + project + " 崇川区居家养老上门服务 您的得分与排名");
    assertThat(toSecond.getContent().toString()).contains("南通惠民社区服务中心，您好", "排名：第2名（共3家）",
        "总分：87.25分", "贵单位未中标", "中标（成交）供应商：南通安乐居家养老服务社", "2026年12月15日 23:59",
        "/portal/projects/" + project).doesNotContain("90.50", "77.04");
    assertThat(mail(project, FIRST, "【中标（成交）通知书】").getContent().toString())
        .contains("中标（成交）通知书", "南通安乐居家养老服务社：", "总分：90.50分").doesNotContain("87.25");
    // 87号令第六十九条: the bidder that failed the qualification review is told why
    assertThat(mail(project, DISQUALIFIED, "【资格审查结果】").getContent().toString())
        .contains("未通过资格审查的原因：" + DISQUALIFIED_REASON).doesNotContain("90.50", "87.25");
    assertThat(MailDeliveries.mailsTo(greenMail, NON_BIDDER + "@demo.local"))
        .noneMatch(m -> MailDeliveries.subject(m).contains(project));
  }

  @Test
  void whenTheDepartmentDoesNotDecideWithinFiveWorkingDaysCandidateNumberOneStands() {
    ProcessInstance purchase = award.purchaseAtAward();
    ProcessInstance stage = award.award(purchase);
    assertThat(award.timer(stage, "Timer_DecisionDeadline").getDuedate())
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 10, 23, 59, 59, 0, ProcurementTime.ZONE).toInstant()));

    award.fire(stage, "Timer_DecisionDeadline");

    assertThat(stage).isEnded().hasPassed("Task_DeemFirstCandidateChosen", "Task_PublishAwardNotice");
    assertThat(award.historicVariable(stage, WINNER)).isEqualTo(FIRST);
    assertThat(award.historicVariable(stage, WINNER_CHOSEN_BY)).isEqualTo(CHOSEN_BY_DEFAULT);
    assertThat(session.notices(purchase.getBusinessKey(), NoticeType.AWARD_NOTICE)).singleElement().satisfies(n ->
        assertThat(n.content()).contains("中标（成交）供应商：南通安乐居家养老服务社",
            "采购人未在评审报告送达后5个工作日内确定中标人，依法视为按评审报告推荐的顺序确定排名第一的中标候选人"));
  }

  @Test
  void candidateNumberTwoOnlyWhenNumberOneDeclinesCannotPerformOrIsInBreachAndNumberOneIsNotOfferedAgain() {
    ProcessInstance purchase = award.purchaseAtAward("OPEN_TENDER", "公开招标", 3,
        "第2名起评审结果相同的南通惠民社区服务中心、南通青春志愿服务协会，招标文件未规定确定方式，以随机抽取方式确定排序");
    ProcessInstance stage = award.award(purchase);

    assertThatThrownBy(() -> award.choose(stage, SECOND, null, "排名第一的供应商价格偏高。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("中标候选人应按排名顺序确定");
    assertThatThrownBy(() -> award.choose(stage, SECOND, "DECLINED", "  "))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请写明排名在前的候选人放弃中标（成交）或拒绝签订合同的具体情况。");
    assertThatThrownBy(() -> award.choose(stage, NON_BIDDER, null, null)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("所选供应商不在评审委员会推荐的中标候选人名单中。");
    assertThat(stage).isWaitingAt("Task_ChooseWinner");
    assertThat(runtimeService.getVariable(stage.getId(), WINNER)).isNull();
    assertThat(session.notices(purchase.getBusinessKey(), NoticeType.AWARD_NOTICE)).isEmpty();

    award.choose(stage, SECOND, "DECLINED", "排名第一的供应商已于12月3日书面放弃中标资格。");

    assertThat(award.historicVariable(stage, WINNER)).isEqualTo(SECOND);
    assertThat(award.historicVariable(stage, AWARDED_PRICE)).isEqualTo(260000L);
    assertThat(JsonValues.rows(award.historicVariable(stage, CANDIDATES))).extracting(r -> r.get("bidder"))
        .containsExactly(SECOND, THIRD);
    assertThat(JsonValues.rows(runtimeService.getVariable(purchase.getId(), EXCLUDED_BIDDERS)))
        .extracting(r -> r.get("bidder"), r -> r.get("ground")).containsExactly(org.assertj.core.groups.Tuple.tuple(FIRST,
            "DECLINED"));
    assertThat(session.notices(purchase.getBusinessKey(), NoticeType.AWARD_NOTICE)).singleElement().satisfies(n ->
        assertThat(n.content()).contains("中标（成交）供应商：南通惠民社区服务中心", "评审排名：第2名（共3家有效投标）",
            "排名在前的候选人南通安乐居家养老服务社：放弃中标（成交）或拒绝签订合同（排名第一的供应商已于12月3日书面放弃中标资格。）",
            "并列排序：第2名起评审结果相同的南通惠民社区服务中心、南通青春志愿服务协会"));
  }

  // --- helpers --------------------------------------------------------------------------------------------

  private MimeMessage mail(String project, String organisation, String subjectStart) {
    return MailDeliveries.mailsTo(greenMail, organisation + "@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith(subjectStart) && MailDeliveries.subject(m).contains(project))
        .reduce((a, b) -> b).orElseThrow();
  }
}
