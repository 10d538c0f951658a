package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands finance's decision to the handling of the challenge in the award stage, which waits for it: an upheld
 * complaint overturns the award there, a rejected one lets it stand. Runs after the purchase was resumed, in a
 * transaction of its own (asynchronous continuation): the resumed stage is read afresh, and a failure here becomes an
 * incident to retry instead of undoing finance's decision.
 */
@Component
public class ReportComplaintDecisionDelegate implements JavaDelegate {

  private final DisputeRecords records;

  public ReportComplaintDecisionDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeRecords.Challenge challenge = records.challenge((String) execution.getVariable(CHALLENGE_ID)).orElseThrow();
    Map<String, Object> decision = new HashMap<>();
    decision.put(COMPLAINT_DECISION, execution.getVariable(COMPLAINT_DECISION));
    decision.put(COMPLAINT_REMEDY, execution.getVariable(COMPLAINT_REMEDY));
    decision.put(COMPLAINT_DECISION_TEXT, execution.getVariable(COMPLAINT_DECISION_TEXT));
    Complaints.messageChallengeScope(execution.getProcessEngineServices().getRuntimeService(),
        challenge.stageInstanceId(), COMPLAINT_DECIDED_MESSAGE, challenge.id(), decision);
  }
}
