package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Start of process BidComplaint, from the Tasklist start form of a social organisation or from
 * {@link Complaints#file}: the complainant is the logged-in organisation (or the bidder the Java API files for),
 * never a submitted variable. A refusal rolls the start back, so nothing is saved.
 */
@Component
public class FileBidComplaintValidator implements ExecutionListener {

  private final Complaints complaints;

  public FileBidComplaintValidator(Complaints complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String bidder = Complaints.filingBidder();
    if (bidder == null) {
      Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (caller == null || caller.getUserId() == null) {
        throw reject(null, "请登录后再提出投诉。");
      }
      bidder = caller.getUserId();
    }
    FormRules form = FormRules.of(execution);
    String complainant = bidder;
    SystemAccess.run(() -> {
      complaints.register(execution, form.optionalText(PROJECT_NUMBER), complainant,
          form.optionalText(COMPLAINT_GROUNDS));
      return null;
    });
  }
}
