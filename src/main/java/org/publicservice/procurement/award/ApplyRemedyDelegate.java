package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * Carries out the remedy of an upheld challenge (process BidChallenge) or complaint (process BidComplaint) in the
 * purchase ({@link Remedies}). Runs in a transaction of its own (asynchronous continuation), so that a purchase that
 * cannot take the remedy right now becomes an incident to retry instead of undoing the reply or the decision.
 */
@Component
public class ApplyRemedyDelegate implements JavaDelegate {

  private final Remedies remedies;
  private final Notifications notifications;

  public ApplyRemedyDelegate(Remedies remedies, Notifications notifications) {
    this.remedies = remedies;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean complaint = execution.getVariable(COMPLAINT_ID) != null;
    String remedy = (String) execution.getVariable(complaint ? COMPLAINT_REMEDY : CHALLENGE_REMEDY);
    String reasons = (String) execution.getVariable(complaint ? COMPLAINT_DECISION_TEXT : CHALLENGE_REPLY);
    remedies.apply(execution.getProcessBusinessKey(), remedy,
        complaint ? "投诉成立（财政部门处理决定）" : "质疑成立（采购单位质疑答复）", reasons,
        (String) execution.getVariable(AMENDMENT_TEXT),
        complaint ? notifications.groupName(Groups.FINANCE) : (String) execution.getVariable("departmentName"));
  }
}
