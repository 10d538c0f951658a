package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Files the department's reply with the challenge, and keeps in the challenge's scope how long the challenger may
 * still complain: 15 working days after the reply deadline (政府采购法第五十五条, 94号令第十七条).
 */
@Component
public class RecordChallengeReplyDelegate implements JavaDelegate {

  private final DisputeRecords records;

  public RecordChallengeReplyDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String challengeId = (String) execution.getVariable(CHALLENGE_ID);
    DisputeRecords.Challenge challenge = records.challenge(challengeId).orElseThrow();
    records.recordReply(challengeId, (String) execution.getVariable(CHALLENGE_DECISION),
        (String) execution.getVariable(CHALLENGE_REMEDY), (String) execution.getVariable(CHALLENGE_REPLY),
        Challenges.offset(ClockUtil.getCurrentTime()));
    execution.setVariable(COMPLAINT_WINDOW_END, Date.from(challenge.complaintDeadline().toInstant()));
  }
}
