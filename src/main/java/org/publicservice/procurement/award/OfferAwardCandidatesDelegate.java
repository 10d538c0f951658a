package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeText;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.review.RankedBid;

/**
 * Prepares the department's decision: the candidates still eligible in the order of the ranking, candidate no. 1 of
 * them, and the deadline of 5 working days after which that candidate stands (87号令第六十八条, 实施条例第四十三条).
 * When no candidate is left (all declined or were found in breach), the purchase is organised again
 * (实施条例第四十九条, 94号令第十六条第二项): {@link #CANDIDATES_LEFT} is false and the stage hands back RE_TENDER.
 */
@Component
public class OfferAwardCandidatesDelegate implements JavaDelegate {

  static final String CANDIDATES_LEFT = "candidatesLeft";

  private final WorkingDayCalendar workingDays;
  private final DisclosureRegister register;

  public OfferAwardCandidatesDelegate(WorkingDayCalendar workingDays, DisclosureRegister register) {
    this.workingDays = workingDays;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<RankedBid> ranking = RankedBid.of(execution.getVariable(RANKING));
    if (ranking.isEmpty()) {
      throw new IllegalStateException("AwardStage of " + execution.getProcessBusinessKey() + " started without ranking");
    }
    List<RankedBid> remaining = AwardCandidates.remaining(execution);
    Set<String> left = remaining.stream().map(RankedBid::bidder).collect(Collectors.toSet());
    Map<String, String> excludedWhy = AwardCandidates.excluded(execution).stream().collect(Collectors.toMap(
        excluded -> String.valueOf(excluded.bidder()), ExcludedBidder::groundText, (a, b) -> a));
    // as long as the ranking (60 bids need more than a String variable's 4,000 characters)
    execution.setVariable(RANKING_TEXT, JsonValues.longText(ranking.stream().map(bid -> "第" + bid.rank() + "名："
            + bid.bidderName() + "，报价" + Money.yuan(bid.price()) + "，价格分" + RankedBid.score(bid.priceScore())
            + "，技术商务分" + RankedBid.score(bid.criteriaScore()) + "，总分" + RankedBid.score(bid.totalScore())
            + (left.contains(bid.bidder()) ? "" : "（已不再作为候选人：" + excludedWhy.get(bid.bidder()) + "）"))
        .collect(Collectors.joining("\n"))));
    execution.setVariable(CANDIDATES_LEFT, !remaining.isEmpty());
    if (remaining.isEmpty()) {
      String reason = "评审报告推荐的中标（成交）候选人均已放弃、不能履行或被认定中标（成交）无效，"
          + "依法重新开展采购活动（政府采购法实施条例第四十九条，财政部令第94号第十六条）。";
      execution.setVariable(AWARD_OUTCOME, OUTCOME_RE_TENDER);
      execution.setVariable(FAILED_TENDER_REASON, reason);
      // a new round ranks anew: nobody stays excluded from it
      execution.setVariable(EXCLUDED_BIDDERS, ExcludedBidder.json(List.of()));
      String department = String.valueOf(execution.getVariable("departmentName"));
      String serviceName = String.valueOf(execution.getVariable("serviceName"));
      StringBuilder text = new StringBuilder();
      NoticeText.line(text, "项目编号", execution.getProcessBusinessKey());
      NoticeText.line(text, "项目名称", serviceName);
      NoticeText.line(text, "采购单位", department);
      NoticeText.line(text, "原因", reason);
      register.publish(execution.getProcessBusinessKey(), NoticeType.FAILED_TENDER,
          department + "关于" + serviceName + "的采购终止公告", text.toString(), department,
          execution.getProcessInstanceId());
      return;
    }
    List<Map<String, String>> options = remaining.stream().map(bid -> {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", "第" + bid.rank() + "名 " + bid.bidderName() + "（" + RankedBid.score(bid.totalScore()) + "，"
          + Money.yuan(bid.price()) + "）");
      option.put("value", bid.bidder());
      return option;
    }).toList();
    execution.setVariable(CANDIDATE_OPTIONS, SpinValues.jsonValue(JsonValues.toJson(options)).create());
    execution.setVariable(FIRST_CANDIDATE, remaining.get(0).bidder());
    execution.setVariable(DECISION_DEADLINE, workingDays.after(ProcurementTime.today(), 5));
  }
}
