package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fewer valid bids than the method's minimum remain after the compliance review, or fewer final offers after the
 * rounds of a consultation or negotiation (74号令第三十七条第三项): the procurement fails (废标, 政府采购法第三十六条第一项:
 * 对招标文件作实质响应的供应商不足三家). The failure is published with the invalid bids and their reasons, every bidder is
 * told why (第三十六条第二款), the department is mailed, and the stage ends with TOO_FEW_VALID: the main process goes
 * back to the tender stage, whose department decides to tender again, change the method with the finance bureau's
 * approval or abandon (第三十七条).
 */
@Component
public class CloseTooFewValidDelegate implements JavaDelegate {

  static final String MAIL_DEPARTMENT = "review-too-few-valid";

  private final BidReviewResults results;
  private final FailedReview failedReview;

  public CloseTooFewValidDelegate(BidReviewResults results, FailedReview failedReview) {
    this.results = results;
    this.failedReview = failedReview;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long valid = ((Number) execution.getVariable(VALID_COUNT)).longValue();
    long minimum = ((Number) execution.getVariable(MINIMUM_BIDS)).longValue();
    Object basis = execution.getVariable(MINIMUM_BIDS_BASIS);
    String reason = execution.getVariable(FINAL_OFFER_CALL) != null
        ? "提交最后报价的供应商只有" + valid + "家，不足" + minimum + "家，终止本次" + execution.getVariable(NEGOTIATION_LABEL)
            + "（74号令第三十七条第三项）。" + (basis == null ? "" : "最少供应商家数的依据：" + basis + "。")
        : "符合性审查后有效投标只有" + valid + "家，不足" + minimum + "家，本次采购废标（政府采购法第三十六条第一项）。";
    List<String[]> invalid = results.ofReview(execution.getProcessInstanceId()).stream()
        .filter(r -> BidReviewResults.INVALID.equals(r.outcome()))
        .map(r -> new String[] {"无效投标", r.bidderName() + "，" + r.statement()}).toList();
    failedReview.close(execution, TOO_FEW_VALID, reason, invalid, VALID_BIDS, MAIL_DEPARTMENT);
  }
}
