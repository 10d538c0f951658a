package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.publicservice.procurement.rating.ServiceRatings;
import org.springframework.stereotype.Component;

/**
 * Tells the residents who rated and asked for it the published outcome, with a link to the notice. Their addresses
 * are deleted as the mails are queued: the product keeps no list of residents.
 */
@Component
public class MailRatingFollowersDelegate implements JavaDelegate {

  static final String TEMPLATE = "evaluation-outcome-resident";

  private final ServiceRatings ratings;
  private final Notifications notifications;
  private final DisclosureRegister register;
  private final PublicLinks links;

  public MailRatingFollowersDelegate(ServiceRatings ratings, Notifications notifications, DisclosureRegister register,
      PublicLinks links) {
    this.ratings = ratings;
    this.notifications = notifications;
    this.register = register;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long evaluationId = ((Number) execution.getVariable(EVALUATION_ID)).longValue();
    DisclosureNotice notice = register.findByProject(execution.getProcessBusinessKey()).stream()
        .filter(n -> n.type() == NoticeType.EVALUATION_RESULT
            && execution.getProcessInstanceId().equals(n.processInstanceId()))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("the result is published before residents are told"));
    var summary = ratings.summary(evaluationId);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("departmentName", execution.getVariable(PurchaseIdentity.DEPARTMENT_NAME));
    model.put("contractorName", execution.getVariable(CONTRACTOR_NAME));
    model.put(GRADE_NAME, execution.getVariable(GRADE_NAME));
    model.put("ratingCount", summary.ratings());
    model.put("averageStars", summary.rated() ? summary.average().toPlainString() : "—");
    model.put("noticeLink", links.notice(notice.id()));
    for (String address : ratings.takeFollowers(evaluationId)) {
      notifications.toAddress(execution, address, TEMPLATE, model);
    }
  }
}
