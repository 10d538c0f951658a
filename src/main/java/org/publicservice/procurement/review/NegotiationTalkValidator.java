package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.purchase.Money;

/**
 * The panel's talk with one supplier in one round (74号令第三十一条: all members together with one supplier at a time;
 * 214号 likewise for a consultation). The chair records what was discussed and agreed; the record goes to
 * the file and to that supplier alone, never to another. A supplier may leave before the final offers
 * (74号令第三十四条). Bound as the task's start listener (the supplier's fields, local to its talk) and its complete
 * listener.
 */
@Component
public class NegotiationTalkValidator implements ExecutionListener, TaskListener {

  static final String MAIL = "negotiation-record";

  private final NegotiationRecords records;
  private final BidReviewResults results;
  private final Notifications notifications;

  public NegotiationTalkValidator(NegotiationRecords records, BidReviewResults results, Notifications notifications) {
    this.records = records;
    this.results = results;
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateExecution execution) {
    OpenedBid bid = bid(execution.getVariable(VALID_BIDS), (String) execution.getVariable(NEGOTIATION_BID));
    execution.setVariableLocal(NEGOTIATION_BIDDER_NAME, bid.bidderName());
    // the whole service plan and team (up to 25,000 characters): more than a String variable holds
    execution.setVariableLocal(NEGOTIATION_BID_INFO, JsonValues.longText("#### " + bid.bidderName() + "\n首次报价："
        + Money.yuan(bid.price()) + "\n\n服务方案：" + bid.servicePlan() + "\n\n项目团队：" + bid.team()));
    execution.setVariableLocal(NEGOTIATION_NOTES, null);
    execution.setVariableLocal(SUPPLIER_WITHDREW, null);
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String notes = form.requiredText(NEGOTIATION_NOTES, "本轮" + task.getVariable(NEGOTIATION_LABEL) + "记录", 4000);
    boolean withdrew = form.flag(SUPPLIER_WITHDREW);
    OpenedBid bid = bid(task.getVariable(VALID_BIDS), (String) task.getVariable(NEGOTIATION_BID));
    int round = ((Number) task.getVariable(NEGOTIATION_ROUND)).intValue();
    String project = task.getExecution().getProcessBusinessKey();
    records.talk(project, task.getProcessInstanceId(), round, bid, notes, withdrew, task.getAssignee());
    if (withdrew) {
      results.record(project, task.getProcessInstanceId(), bid, BidReviewResults.WITHDRAWN, null,
          "在提交最后报价前退出" + task.getVariable(NEGOTIATION_LABEL) + "（74号令第三十四条）", task.getAssignee());
    }
    notifications.toUser(bid.bidder(), MAIL, MAIL + ":" + task.getProcessInstanceId() + ":" + round + ":" + bid.bidId(),
        notifications.projectModel(task.getExecution(), Map.of("round", round,
            "negotiationLabel", task.getVariable(NEGOTIATION_LABEL), "record", notes,
            "withdrawn", withdrew ? "贵单位已在本轮退出，不再参加后续程序。" : "")));
  }

  static OpenedBid bid(Object bids, String bidId) {
    List<OpenedBid> all = OpenedBid.list(bids);
    return all.stream().filter(b -> b.bidId().equals(bidId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("bid " + bidId + " is not among the valid bids"));
  }
}
