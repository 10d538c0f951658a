package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * Prepares the department's choice of the winner: the ranked candidates as select options and as text, candidate
 * no. 1, and the deadline of 5 working days after which no. 1 stands (87号令第六十八条, 实施条例第四十三条).
 */
@Component
public class OfferAwardCandidatesDelegate implements JavaDelegate {

  private final WorkingDayCalendar workingDays;

  public OfferAwardCandidatesDelegate(WorkingDayCalendar workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<RankedBid> ranking = RankedBid.of(execution.getVariable(RANKING));
    if (ranking.isEmpty()) {
      throw new IllegalStateException("AwardStage of " + execution.getProcessBusinessKey() + " started without ranking");
    }
    List<Map<String, String>> options = ranking.stream().map(bid -> {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", "第" + bid.rank() + "名 " + bid.bidderName() + "（" + RankedBid.score(bid.totalScore()) + "，"
          + Money.yuan(bid.price()) + "）");
      option.put("value", bid.bidder());
      return option;
    }).toList();
    execution.setVariable(CANDIDATE_OPTIONS, SpinValues.jsonValue(JsonValues.toJson(options)).create());
    execution.setVariable(RANKING_TEXT, ranking.stream().map(bid -> "第" + bid.rank() + "名：" + bid.bidderName()
            + "，报价" + Money.yuan(bid.price()) + "，价格分" + RankedBid.score(bid.priceScore()) + "，技术商务分"
            + RankedBid.score(bid.criteriaScore()) + "，总分" + RankedBid.score(bid.totalScore()))
        .collect(Collectors.joining("\n")));
    execution.setVariable(FIRST_CANDIDATE, ranking.get(0).bidder());
    execution.setVariable(DECISION_DEADLINE, workingDays.after(ProcurementTime.today(), 5));
  }
}
