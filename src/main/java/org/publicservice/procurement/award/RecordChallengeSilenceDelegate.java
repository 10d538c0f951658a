package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The 7 working days to reply passed without a reply: the challenger may now complain to finance within 15 working
 * days (政府采购法第五十五条, 94号令第十七条: "未在规定时间内作出答复的，可以在答复期满后15个工作日内…投诉"). The
 * department must still reply (94号令第三十六条), so its task stays open.
 */
@Component
public class RecordChallengeSilenceDelegate implements JavaDelegate {

  private final DisputeRecords records;

  public RecordChallengeSilenceDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.recordReplyOverdue((String) execution.getVariable(CHALLENGE_ID),
        Challenges.offset(ClockUtil.getCurrentTime()));
  }
}
