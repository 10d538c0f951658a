package org.publicservice.procurement.review;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.review.ReviewVariables.*;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * The bidder's side of the abnormally-low-price procedure (87号令第六十条), for the portal: the organisation reads the
 * panel's requests to it and answers in writing before the deadline; the answer goes to the panel, whose review
 * waits for it. Refusals are {@link org.publicservice.procurement.purchase.SubmissionRejectedException} in Chinese, and
 * nothing is stored then. The organisation never touches the review's process beyond the message it may send.
 */
@Component
public class PriceExplanations {

  static final int MAX_ANSWER = 8000;

  private final BidReviewResults results;
  private final RuntimeService runtimeService;
  private final ProcessEngine processEngine;

  public PriceExplanations(BidReviewResults results, @Lazy RuntimeService runtimeService,
      @Lazy ProcessEngine processEngine) {
    this.results = results;
    this.runtimeService = runtimeService;
    this.processEngine = processEngine;
  }

  /** The organisation's requests, newest first. */
  public List<BidReviewResults.PriceQuery> of(String bidderUserId) {
    return results.queriesOf(bidderUserId);
  }

  @Transactional
  public void answer(String bidderUserId, long queryId, String answer) {
    BidReviewResults.PriceQuery query = results.query(queryId).filter(q -> q.bidder().equals(bidderUserId))
        .orElseThrow(() -> reject(null, "没有找到贵单位的这项报价说明要求。"));
    String text = answer == null ? "" : answer.strip();
    if (text.isEmpty()) {
      throw reject("answer", "请填写书面说明。");
    }
    if (text.length() > MAX_ANSWER) {
      throw reject("answer", "书面说明不能超过" + MAX_ANSWER + "个字。");
    }
    if (query.answer() != null) {
      throw reject(null, "贵单位已于" + ReviewRecords.MINUTE.format(query.answeredAt()) + "提交说明，不能重复提交。");
    }
    OffsetDateTime now = ProcurementTime.now();
    if (query.decision() != null || !now.isBefore(query.dueAt())) {
      throw reject(null, "说明期限（" + ReviewRecords.MINUTE.format(query.dueAt()) + "）已过，不再受理。");
    }
    if (!results.answer(queryId, text, now)) {
      throw reject(null, "这项报价说明要求已不再受理。");
    }
    SystemAccess.run(processEngine, () -> {
      Execution waiting = runtimeService.createExecutionQuery().processInstanceId(query.processInstanceId())
          .messageEventSubscriptionName(PRICE_EXPLAINED_MESSAGE).list().stream()
          .filter(e -> query.bidId().equals(runtimeService.getVariable(e.getId(), COMPLIANCE_BID))).findFirst()
          .orElseThrow(() -> reject(null, "这项报价说明要求已不再受理。"));
      runtimeService.messageEventReceived(PRICE_EXPLAINED_MESSAGE, waiting.getId());
      return null;
    });
  }
}
