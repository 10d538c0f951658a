package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * The panel's decision on a bidder's written explanation of its price (87号令第六十条): accepted, the bid stays valid;
 * not accepted, with the reason, the bid is invalid. On creation the task shows the question and the answer.
 */
@Component
public class PriceExplanationDecisionValidator implements TaskListener {

  private final BidReviewResults results;

  public PriceExplanationDecisionValidator(BidReviewResults results) {
    this.results = results;
  }

  @Override
  public void notify(DelegateTask task) {
    String bidId = (String) task.getVariable(COMPLIANCE_BID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      BidReviewResults.PriceQuery query = results.query(task.getProcessInstanceId(), bidId).orElseThrow();
      // the answer alone may have 8,000 characters (PriceExplanations.MAX_ANSWER): more than a String variable holds
      task.getExecution().setVariableLocal(EXPLANATION_TEXT, JsonValues.longText("**评标委员会要求说明的事项：** "
          + query.question() + "\n\n**投标人的书面说明（" + ReviewRecords.MINUTE.format(query.answeredAt()) + "）：**\n\n"
          + query.answer()));
      TaskFields.declareLocal(task, List.of(EXPLANATION_DECISION, EXPLANATION_DECISION_REASON));
      return;
    }
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(EXPLANATION_DECISION, "对报价说明的结论", List.of(ACCEPT, REJECT));
    String reason = form.optionalText(EXPLANATION_DECISION_REASON);
    if (REJECT.equals(decision) && reason == null) {
      throw FormRules.reject(EXPLANATION_DECISION_REASON, "认定投标人不能证明其报价合理性的，请写明理由。");
    }
    if (reason != null && reason.length() > 500) {
      throw FormRules.reject(EXPLANATION_DECISION_REASON, "理由不能超过500个字。");
    }
    OpenedBid bid = OpenedBid.list(task.getVariable(QUALIFIED_BIDS)).stream()
        .filter(b -> b.bidId().equals(bidId)).findFirst().orElseThrow();
    String project = task.getExecution().getProcessBusinessKey();
    if (ACCEPT.equals(decision)) {
      results.decide(task.getProcessInstanceId(), bidId, BidReviewResults.ACCEPTED, reason, task.getAssignee());
      results.record(project, task.getProcessInstanceId(), bid, BidReviewResults.VALID, null, null, task.getAssignee());
    } else {
      results.decide(task.getProcessInstanceId(), bidId, BidReviewResults.REJECTED, reason, task.getAssignee());
      results.record(project, task.getProcessInstanceId(), bid, BidReviewResults.INVALID,
          InvalidityGround.PRICE_NOT_JUSTIFIED.name(), reason, task.getAssignee());
    }
  }
}
