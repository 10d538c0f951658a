package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.contract.SigningHolds;
import org.springframework.stereotype.Component;

/**
 * Files the department's reply with the challenge and ends the challenge's hold on signing: answered, it can no
 * longer change the result by itself (实施条例第五十四条); a complaint may follow within 15 working days after the reply
 * period (政府采购法第五十五条, 94号令第十七条), which holds nothing unless finance suspends the procurement.
 */
@Component
public class RecordChallengeReplyDelegate implements JavaDelegate {

  private final DisputeRecords records;
  private final SigningHolds holds;

  public RecordChallengeReplyDelegate(DisputeRecords records, SigningHolds holds) {
    this.records = records;
    this.holds = holds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String challengeId = (String) execution.getVariable(CHALLENGE_ID);
    records.recordReply(challengeId, (String) execution.getVariable(CHALLENGE_DECISION),
        (String) execution.getVariable(CHALLENGE_REMEDY), (String) execution.getVariable(CHALLENGE_REPLY),
        Challenges.offset(ClockUtil.getCurrentTime()));
    Object remedy = execution.getVariable(CHALLENGE_REMEDY);
    execution.setVariable(CHALLENGE_REMEDY_NAME, remedy == null ? "" : Remedies.LABELS.get(remedy.toString()));
    holds.release(Challenges.holdId(challengeId));
  }
}
