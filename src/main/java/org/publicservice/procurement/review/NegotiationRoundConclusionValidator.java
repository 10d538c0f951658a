package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.notification.Notifications;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * The end of a round: the panel may change the documents' technical and service requirements and the draft
 * contract (74号令第三十二条; 214号 for a consultation), and every supplier still in receives the changes in
 * writing at the same time; then another round follows, or every supplier still in is asked for its final offer
 * (最后报价, 74号令第三十三条) by a deadline the panel sets. Suppliers that left in this round are out.
 */
@Component
public class NegotiationRoundConclusionValidator implements TaskListener {

  static final String MAIL = "negotiation-documents-changed";

  private final NegotiationRecords records;
  private final Notifications notifications;

  public NegotiationRoundConclusionValidator(NegotiationRecords records, Notifications notifications) {
    this.records = records;
    this.notifications = notifications;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // the form starts empty in every round
      for (String field : List.of(DOCUMENT_CHANGES, NEXT_STEP, FINAL_OFFER_HOURS)) {
        task.setVariable(field, null);
      }
      return;
    }
    FormRules form = FormRules.of(task);
    String next = form.requiredChoice(NEXT_STEP, "下一步", List.of(ANOTHER_ROUND, FINAL_OFFERS));
    String changes = form.optionalText(DOCUMENT_CHANGES);
    if (changes != null && changes.length() > 4000) {
      throw FormRules.reject(DOCUMENT_CHANGES, "文件变动内容不能超过4000个字。");
    }
    int round = ((Number) task.getVariable(NEGOTIATION_ROUND)).intValue();
    Set<String> left = records.ofReview(task.getProcessInstanceId()).stream()
        .filter(e -> e.round() == round && e.withdrew()).map(NegotiationRecords.Entry::bidder)
        .collect(Collectors.toSet());
    List<OpenedBid> stillIn = new ArrayList<>();
    for (String bidId : (List<String>) task.getVariable(NEGOTIATING_BIDS)) {
      OpenedBid bid = NegotiationTalkValidator.bid(task.getVariable(VALID_BIDS), bidId);
      if (!left.contains(bid.bidder())) {
        stillIn.add(bid);
      }
    }
    if (ANOTHER_ROUND.equals(next) && stillIn.isEmpty()) {
      throw FormRules.reject(NEXT_STEP, "已没有继续参加的供应商，不能再进行下一轮。");
    }
    if (FINAL_OFFERS.equals(next)) {
      long hours = form.requiredWholeNumber(FINAL_OFFER_HOURS, "最后报价期限（小时）");
      if (hours < 1 || hours > ComplianceReviewValidator.MAX_EXPLANATION_HOURS) {
        throw FormRules.reject(FINAL_OFFER_HOURS, "最后报价期限应为1至" + ComplianceReviewValidator.MAX_EXPLANATION_HOURS
            + "小时。");
      }
      task.setVariable(FINAL_OFFER_DUE, Date.from(ProcurementTime.now().plusHours(hours).toInstant()));
    }
    task.setVariable(NEGOTIATING_BIDS, stillIn.stream().map(OpenedBid::bidId).toList());
    if (changes != null) {
      String project = task.getExecution().getProcessBusinessKey();
      records.documentChange(project, task.getProcessInstanceId(), round, changes, task.getAssignee());
      for (OpenedBid bid : stillIn) {
        notifications.toUser(bid.bidder(), MAIL, MAIL + ":" + task.getProcessInstanceId() + ":" + round,
            notifications.projectModel(task.getExecution(), Map.of("round", round,
                "negotiationLabel", task.getVariable(NEGOTIATION_LABEL), "changes", changes)));
      }
    }
  }
}
