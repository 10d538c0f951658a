package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.notification.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fewer qualified bids than the method requires: no evaluation takes place (87 Art 44). The stage ends with
 * TOO_FEW_QUALIFIED and the reason the tender stage shows when it decides how to go on; the department is told.
 */
@Component("closeTooFewQualified")
public class CloseTooFewQualifiedDelegate implements JavaDelegate {

  static final String MAIL_TOO_FEW = "review-too-few-qualified";

  private final Notifications notifications;
  private final String tasklistUrl;

  public CloseTooFewQualifiedDelegate(Notifications notifications,
      @Value("${procurement.public-url}") String publicUrl) {
    this.notifications = notifications;
    this.tasklistUrl = TasklistLink.of(publicUrl);
  }

  @Override
  public void execute(DelegateExecution execution) {
    long qualified = ((Number) execution.getVariable(QUALIFIED_COUNT)).longValue();
    long minimum = ((Number) execution.getVariable(MINIMUM_BIDS)).longValue();
    String reason = "资格审查后合格投标人只有" + qualified + "家，不足" + minimum + "家，不进行评标（政府采购货物和服务招标投标管理办法第四十四条）。";
    execution.setVariable(REVIEW_OUTCOME, TOO_FEW_QUALIFIED);
    execution.setVariable(FAILED_TENDER_REASON, reason);
    notifications.toGroup(execution, (String) execution.getVariable(DEPARTMENT_GROUP), MAIL_TOO_FEW,
        Map.of("reason", reason, "tasklistLink", tasklistUrl));
  }
}
