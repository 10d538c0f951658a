package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fewer qualified bids than the method requires: no evaluation takes place (87号令第四十四条). The stage ends with
 * TOO_FEW_QUALIFIED and the reason the tender stage shows when it decides how to go on; the failed tender is
 * published and the department and every bidder are told ({@link FailedReview}).
 */
@Component
public class CloseTooFewQualifiedDelegate implements JavaDelegate {

  static final String MAIL_TOO_FEW = "review-too-few-qualified";

  private final FailedReview failedReview;

  public CloseTooFewQualifiedDelegate(FailedReview failedReview) {
    this.failedReview = failedReview;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long qualified = ((Number) execution.getVariable(QUALIFIED_COUNT)).longValue();
    long minimum = ((Number) execution.getVariable(MINIMUM_BIDS)).longValue();
    String reason = "资格审查后合格投标人只有" + qualified + "家，不足" + minimum + "家，不进行评标（政府采购货物和服务招标投标管理办法第四十四条）。";
    failedReview.close(execution, TOO_FEW_QUALIFIED, reason, List.of(), QUALIFIED_BIDS, MAIL_TOO_FEW);
  }
}
