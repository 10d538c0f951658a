package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.purchase.Money;

/**
 * The panel's compliance review (符合性审查) of one qualified bid: does it meet the substantive requirements of the
 * documents (87号令第五十条)? The chair records the panel's finding, reached by majority (第六十一条): compliant, or
 * invalid on a ground of 87号令第六十三条 with the reason, which is published with the result and mailed to the
 * bidder. For a compliant bid whose price is clearly below the other compliant bids' the panel may ask for a
 * written explanation within a set number of hours (第六十条). Bound as the task's start listener (prepares the
 * bid's fields, local to this bid's review) and its complete listener (checks and records the finding).
 */
@Component
public class ComplianceReviewValidator implements ExecutionListener, TaskListener {

  /** The longest time the panel may give for an explanation: the review must go on (87号令第六十条: 合理的时间). */
  static final int MAX_EXPLANATION_HOURS = 72;

  private final BidReviewResults results;

  public ComplianceReviewValidator(BidReviewResults results) {
    this.results = results;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<OpenedBid> qualified = OpenedBid.list(execution.getVariable(QUALIFIED_BIDS));
    String bidId = (String) execution.getVariable(COMPLIANCE_BID);
    OpenedBid bid = qualified.stream().filter(b -> b.bidId().equals(bidId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("bid " + bidId + " is not among the qualified bids"));
    execution.setVariableLocal(COMPLIANCE_BIDDER_NAME, bid.bidderName());
    // the whole bid (service plan, team, qualifications: up to 35,000 characters): more than a String variable holds
    execution.setVariableLocal(COMPLIANCE_BID_INFO, JsonValues.longText(info(bid, qualified)));
    for (String field : List.of(COMPLIANCE_OUTCOME, INVALIDITY_GROUND, INVALIDITY_REASON, QUERY_PRICE,
        PRICE_QUESTION, EXPLANATION_HOURS)) {
      execution.setVariableLocal(field, null);
    }
    execution.setVariableLocal(PRICE_QUERIED, false);
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    OpenedBid bid = OpenedBid.list(task.getVariable(QUALIFIED_BIDS)).stream()
        .filter(b -> b.bidId().equals(task.getVariable(COMPLIANCE_BID))).findFirst().orElseThrow();
    String outcome = form.requiredChoice(COMPLIANCE_OUTCOME, "符合性审查结论", List.of(COMPLIANT, INVALID));
    boolean queried = false;
    String project = task.getExecution().getProcessBusinessKey();
    if (INVALID.equals(outcome)) {
      String ground = form.requiredChoice(INVALIDITY_GROUND, "无效投标的情形", InvalidityGround.chosenInComplianceReview());
      String reason = form.requiredText(INVALIDITY_REASON, "认定投标无效的具体理由", 500);
      results.record(project, task.getProcessInstanceId(), bid, BidReviewResults.INVALID, ground, reason,
          task.getAssignee());
    } else {
      queried = form.flag(QUERY_PRICE);
      if (queried) {
        form.requiredText(PRICE_QUESTION, "要求投标人说明的事项", 2000);
        long hours = form.requiredWholeNumber(EXPLANATION_HOURS, "说明期限（小时）");
        if (hours < 1 || hours > MAX_EXPLANATION_HOURS) {
          throw FormRules.reject(EXPLANATION_HOURS, "说明期限应为1至" + MAX_EXPLANATION_HOURS + "小时。");
        }
      }
      results.record(project, task.getProcessInstanceId(), bid,
          queried ? BidReviewResults.PRICE_QUERIED : BidReviewResults.VALID, null, null, task.getAssignee());
    }
    task.getExecution().setVariableLocal(PRICE_QUERIED, queried);
  }

  /** The bid as the panel reads it, with its price against the average of the other qualified bids. */
  static String info(OpenedBid bid, List<OpenedBid> qualified) {
    StringBuilder text = new StringBuilder("#### ").append(bid.bidderName()).append("\n");
    text.append("报价：").append(Money.yuan(bid.price()));
    List<BigDecimal> others = qualified.stream().filter(b -> !b.bidId().equals(bid.bidId())).map(OpenedBid::price)
        .toList();
    if (!others.isEmpty()) {
      BigDecimal average = others.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
          .divide(BigDecimal.valueOf(others.size()), MathContext.DECIMAL64);
      BigDecimal percent = bid.price().multiply(BigDecimal.valueOf(100)).divide(average, 0, RoundingMode.HALF_UP);
      text.append("（为其他合格投标平均报价").append(Money.yuan(average.setScale(2, RoundingMode.HALF_UP)))
          .append("的").append(percent).append("%）");
    }
    text.append("\n\n服务方案：").append(dash(bid.servicePlan())).append("\n\n项目团队：").append(dash(bid.team()))
        .append("\n\n资格证明材料：").append(dash(bid.qualifications()));
    if (bid.bidBond() != null) {
      // a bid without the bond the documents ask for is invalid (87号令第六十三条第一项)
      text.append("\n\n投标保证金：").append(bid.bidBond());
    }
    return text.toString();
  }

  private static String dash(String text) {
    return text == null || text.isBlank() ? "—" : text;
  }
}
