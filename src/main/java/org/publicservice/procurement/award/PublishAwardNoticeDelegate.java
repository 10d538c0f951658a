package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.purchase.ProcurementTime.DAY_IN_WORDS;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.publicservice.procurement.review.PriceDeduction;
import org.publicservice.procurement.review.BidReviewResults;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.review.PanelMember;
import org.publicservice.procurement.review.RankedBid;

/**
 * Publishes the award notice right after the winner is determined, so well within the 2 working days of
 * 实施条例第四十三条, and issues the 中标（成交）通知书 to the winner with it (87号令第六十九条第五款; 74号令第十八条),
 * from which the 30 days to sign run (政府采购法第四十六条, 87号令第七十一条). The notice names the panel (87号令第四十七条:
 * names secret until now), stays up 1 working day (87号令第六十九条第三款), and opens the 7 working days in which
 * suppliers may challenge the result (实施条例第五十三条第三项, 94号令第十条). A replacement award, after the winner
 * declined or its award was found invalid, is a new decision with a notice of its own that says whom it replaces and
 * why, and a challenge window of its own. Each bidder's own score and rank is stored for that bidder alone
 * ({@link AwardResults}); the notice shows no other bidder's scores.
 */
@Component
public class PublishAwardNoticeDelegate implements JavaDelegate {

  private final DisclosureRegister register;
  private final AwardResults results;
  private final AwardDecisions decisions;
  private final WorkingDayCalendar workingDays;
  private final BidReviewResults reviewResults;

  public PublishAwardNoticeDelegate(DisclosureRegister register, AwardResults results, AwardDecisions decisions,
      WorkingDayCalendar workingDays, BidReviewResults reviewResults) {
    this.register = register;
    this.results = results;
    this.decisions = decisions;
    this.workingDays = workingDays;
    this.reviewResults = reviewResults;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules award = FormRules.of(execution);
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    String projectNumber = purchase.projectNumber();
    String serviceName = purchase.serviceName();
    String department = purchase.departmentName();
    List<RankedBid> ranking = RankedBid.of(execution.getVariable(RANKING));
    String winner = award.requiredText(WINNER, "中标供应商");
    String winnerName = award.requiredText(WINNER_NAME, "中标供应商名称");
    BigDecimal price = award.requiredAmount(AWARDED_PRICE, "中标金额");
    RankedBid winningBid = ranking.stream().filter(b -> b.bidder().equals(winner)).findFirst().orElseThrow();
    List<ExcludedBidder> excluded = AwardCandidates.excluded(execution);
    // a replacement: the last award of this purchase went to a candidate excluded since (declined, invalid, ...)
    Optional<AwardDecisions.Decision> replaced = decisions.ofProject(projectNumber).stream().reduce((a, b) -> b)
        .filter(last -> excluded.stream().anyMatch(bidder -> last.winner().equals(bidder.bidder())));

    LocalDate today = ProcurementTime.today();
    Date noticeEnd = workingDays.after(today, 1);
    Date challengeEnd = WorkingDayCalendar.endOf(workingDays.addWorkingDays(
        noticeEnd.toInstant().atZone(ProcurementTime.ZONE).toLocalDate(), 7));
    Date signBy = workingDays.calendarDaysAfter(today, 30);

    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "项目名称", purchase.serviceName());
    line(text, "采购单位", purchase.departmentName());
    Object method = execution.getVariable("procurementMethodName");
    if (method != null) {
      line(text, "采购方式", method.toString());
    }
    line(text, "中标（成交）供应商", winnerName);
    line(text, "中标（成交）金额", Money.yuan(price));
    line(text, "评审排名", "第" + winningBid.rank() + "名（共" + ranking.size() + "家有效投标）");
    // the winner's 中小企业声明函 is published with the result (财库〔2020〕46号第十三条), with the deduction it earned
    String sme = PriceDeduction.describe(winningBid.smeDeclaration(), winningBid.smeDeductionPercent(),
        Money.yuan(winningBid.evaluatedPrice()));
    if (!sme.isEmpty()) {
      line(text, "中小企业声明函", "中标供应商声明：" + sme.replace("中小企业声明：", "")
          + "（政府采购促进中小企业发展管理办法第十三条）");
    }
    if (replaced.isPresent()) {
      line(text, "变更说明", "原中标（成交）供应商" + replaced.get().winnerName() + "的中标（成交）结果不再有效："
          + reasonFor(replaced.get().winner(), excluded, execution) + "。依照政府采购法实施条例第四十三条、第四十九条，"
          + "按评审报告推荐的顺序另行确定中标（成交）供应商。");
    }
    List<ExcludedBidder> passedNow = excluded.stream()
        .filter(passed -> ranking.stream().anyMatch(b -> b.bidder().equals(passed.bidder())
            && b.rank() < winningBid.rank()))
        .filter(passed -> replaced.map(r -> !r.winner().equals(passed.bidder())).orElse(true)).toList();
    // the panel's invalid-bid decisions and their reasons go out with the result (87号令第五十八条第四项、第六十三条)
    reviewResults.latestOfProject(purchase.projectNumber(), ProcurementTime.now()).stream()
        .filter(r -> BidReviewResults.INVALID.equals(r.outcome()))
        .forEach(r -> line(text, "无效投标", r.bidderName() + "，" + r.statement()));
    if (CHOSEN_BY_DEFAULT.equals(execution.getVariable(WINNER_CHOSEN_BY))) {
      line(text, "确定方式", "采购人未在评审报告送达后5个工作日内确定中标人，依法视为按评审报告推荐的顺序确定排名第一的中标候选人");
    } else if (!passedNow.isEmpty()) {
      line(text, "确定方式", "按评审报告推荐的顺序确定；排名在前的候选人"
          + passedNow.stream().map(passed -> passed.bidderName() + "：" + passed.groundText())
              .collect(Collectors.joining("；")));
    } else {
      line(text, "确定方式", "采购人按评审报告推荐的顺序确定排名第一的中标候选人");
    }
    Object tieNote = execution.getVariable(TIE_NOTE);
    if (tieNote != null && !tieNote.toString().isBlank()) {
      line(text, "并列排序", tieNote.toString());
    }
    line(text, "评审委员会成员", panelNames(execution.getVariable(PANEL)));
    line(text, "公告期限", "1个工作日，至" + MINUTE_IN_WORDS.format(noticeEnd.toInstant()));
    line(text, "中标（成交）通知书", "已于公告同日发出；采购人与中标（成交）供应商应自通知书发出之日起30日内签订合同");
    line(text, "质疑", "各投标人的得分和排名已分别告知本人，未通过资格审查的投标人已被告知原因。对中标（成交）结果有异议的供应商，"
        + "可在公告期满之日起7个工作日内（至" + MINUTE_IN_WORDS.format(challengeEnd.toInstant())
        + "）以书面形式向采购单位提出质疑。");
    String title = purchase.noticeTitle(replaced.isPresent() ? "中标（成交）结果变更公告" : "中标（成交）结果公告");
    DisclosureNotice notice = register.publish(projectNumber, NoticeType.AWARD_NOTICE, title, text.toString(),
        department, execution.getProcessInstanceId());

    String letter = letter(projectNumber, serviceName, department, winnerName, price, notice, signBy);
    AwardDecisions.Decision decision = decisions.record(projectNumber, execution.getProcessInstanceId(), winningBid,
        notice.id(), notice.publishedAt(), letter, replaced, replaced.map(r -> "中标（成交）结果变更："
            + reasonFor(r.winner(), excluded, execution)).orElse(null));
    results.store(projectNumber, execution.getProcessInstanceId(), ranking, winner, winnerName, notice.publishedAt());
    execution.setVariable(AWARD_ID, decision.id());
    execution.setVariable(AWARD_NOTICE_DATE, notice.publishedAt().toString());
    execution.setVariable(NOTICE_PERIOD_END, noticeEnd);
    execution.setVariable(CHALLENGE_WINDOW_END, challengeEnd);
    execution.setVariable(AWARD_LETTER, letter);
  }

  /** The 中标（成交）通知书: legally binding on both sides once issued (政府采购法第四十六条第二款). */
  private static String letter(String project, String serviceName, String department, String winnerName,
      BigDecimal price, DisclosureNotice notice, Date signBy) {
    return "中标（成交）通知书\n\n" + winnerName + "：\n"
        + "　　" + department + "组织的" + serviceName + "（项目编号" + project + "）采购项目，经评审并由采购人按评审报告推荐的"
        + "顺序确定，贵单位为中标（成交）供应商，中标（成交）金额" + Money.yuan(price) + "。\n"
        + "　　请贵单位自本通知书发出之日起30日内（至" + DAY_IN_WORDS.format(signBy.toInstant())
        + "），按照采购文件和贵单位的投标（响应）文件与采购人签订政府采购合同（政府采购法第四十六条，财政部令第87号第七十一条）。"
        + "本通知书对采购人和贵单位均具有法律效力：采购人不得违法改变中标（成交）结果，贵单位无正当理由不得放弃中标（成交）"
        + "（财政部令第87号第七十条）。依法暂停签订合同的期间不计入上述期限。\n"
        + "　　采购人：" + department + "\n　　发出日期：" + DAY_IN_WORDS.format(notice.publishedAt());
  }

  /** Why the previous winner no longer holds the award: its exclusion, or the remedy that invalidated it. */
  private static String reasonFor(String previousWinner, List<ExcludedBidder> excluded,
      DelegateExecution execution) {
    Object remedyReason = execution.getVariable(REPLACEMENT_REASON);
    return excluded.stream().filter(passed -> previousWinner.equals(passed.bidder())).reduce((a, b) -> b)
        .map(ExcludedBidder::groundText)
        .orElse(remedyReason == null ? "中标（成交）结果变更" : remedyReason.toString());
  }

  /** "张三（组长）、李四、王五（采购人代表）": the panel's names, published with the award (实施条例第四十三条). */
  static String panelNames(Object panel) {
    List<PanelMember> members = PanelMember.list(panel);
    return members.isEmpty() ? "—" : members.stream().map(PanelMember::publicName).collect(Collectors.joining("、"));
  }
}
