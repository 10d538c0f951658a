package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.publicservice.procurement.review.BidReviewResults;
import org.springframework.stereotype.Component;

/**
 * Publishes the award notice right after the winner is determined, so well within the 2 working days of
 * 实施条例第四十三条. It names the panel (87号令第四十七条: names secret until now), stays up 1 working day, and
 * opens the challenge period of 7 working days after that (94号令第十条). Each bidder's own score and rank is
 * stored for the bidder alone ({@link AwardResults}); the notice itself shows no other bidder's scores.
 */
@Component
public class PublishAwardNoticeDelegate implements JavaDelegate {


  private final DisclosureRegister register;
  private final AwardResults results;
  private final WorkingDayCalendar workingDays;
  private final BidReviewResults reviewResults;

  public PublishAwardNoticeDelegate(DisclosureRegister register, AwardResults results, WorkingDayCalendar workingDays,
      BidReviewResults reviewResults) {
    this.register = register;
    this.results = results;
    this.workingDays = workingDays;
    this.reviewResults = reviewResults;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules award = FormRules.of(execution);
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    List<RankedBid> ranking = RankedBid.of(execution.getVariable(RANKING));
    String winner = award.requiredText(WINNER, "中标供应商");
    String winnerName = award.requiredText(WINNER_NAME, "中标供应商名称");
    BigDecimal price = award.requiredAmount(AWARDED_PRICE, "中标金额");
    RankedBid winningBid = ranking.stream().filter(b -> b.bidder().equals(winner)).findFirst().orElseThrow();

    Date noticeEnd = workingDays.after(ProcurementTime.today(), 1);
    Date challengeEnd = WorkingDayCalendar.endOf(workingDays.addWorkingDays(
        noticeEnd.toInstant().atZone(ProcurementTime.ZONE).toLocalDate(), 7));

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
    // the panel's invalid-bid decisions and their reasons go out with the result (87号令第五十八条第四项、第六十三条)
    reviewResults.latestOfProject(purchase.projectNumber(), ProcurementTime.now()).stream()
        .filter(r -> BidReviewResults.INVALID.equals(r.outcome()))
        .forEach(r -> line(text, "无效投标", r.bidderName() + "，" + r.statement()));
    if (CHOSEN_BY_DEFAULT.equals(execution.getVariable(WINNER_CHOSEN_BY))) {
      line(text, "确定方式", "采购人未在评审报告送达后5个工作日内确定中标人，依法视为确定排名第一的中标候选人");
    } else if (winningBid.rank() != ranking.get(0).rank()) {
      line(text, "确定方式", "采购人确定排名第" + winningBid.rank() + "的中标候选人，理由："
          + award.requiredText(DEVIATION_REASON, "理由"));
    } else {
      line(text, "确定方式", "采购人确定排名第一的中标候选人");
    }
    line(text, "评审委员会成员", panelNames(execution.getVariable(PANEL)));
    line(text, "公告期限", "1个工作日，至" + MINUTE_IN_WORDS.format(noticeEnd.toInstant()));
    line(text, "质疑", "各投标人的得分和排名已分别告知本人。对中标（成交）结果有异议的投标人，可在公告期满之日起7个工作日内（至"
        + MINUTE_IN_WORDS.format(challengeEnd.toInstant()) + "）以书面形式向采购单位提出质疑。");
    DisclosureNotice notice = register.publish(purchase.projectNumber(), NoticeType.AWARD_NOTICE,
        purchase.noticeTitle("中标（成交）结果公告"), text.toString(), purchase.departmentName(),
        execution.getProcessInstanceId());

    results.store(purchase.projectNumber(), execution.getProcessInstanceId(), ranking, winner, winnerName,
        notice.publishedAt());
    execution.setVariable(AWARD_NOTICE_DATE, notice.publishedAt().toString());
    execution.setVariable(NOTICE_PERIOD_END, noticeEnd);
    execution.setVariable(CHALLENGE_WINDOW_END, challengeEnd);
  }

  /** "张三（组长）、李四、王五（采购人代表）": the panel's names, published with the award (实施条例第四十三条). */
  static String panelNames(Object panel) {
    List<Map<String, Object>> members = JsonValues.rows(panel);
    if (members.isEmpty()) {
      return "—";
    }
    return members.stream().map(member -> {
      String name = member.get("name") == null ? String.valueOf(member.get("userId")) : member.get("name").toString();
      String role = String.valueOf(member.get("role"));
      return switch (role) {
        case "CHAIR" -> name + "（组长）";
        case "DEPARTMENT_REPRESENTATIVE" -> name + "（采购人代表）";
        default -> name;
      };
    }).collect(Collectors.joining("、"));
  }
}
