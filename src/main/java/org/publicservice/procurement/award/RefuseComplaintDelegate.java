package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** 不予受理 (94号令第二十一条第一项、第二项): with the reasons given, or because the completion did not come in time. */
@Component
public class RefuseComplaintDelegate implements JavaDelegate {
  private final DisputeRecords records;

  public RefuseComplaintDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules form = FormRules.of(execution);
    String reason = NOT_ADMISSIBLE.equals(execution.getVariable(COMPLAINT_EXAMINATION))
        ? form.requiredText(NOT_ADMISSIBLE_REASON, "不予受理的理由")
        : "投诉人未在补正期限（" + execution.getVariable(COMPLETION_DUE_TEXT) + "）内补正（财政部令第94号第二十一条第一项）。";
    execution.setVariable(NOT_ADMISSIBLE_REASON, reason);
    records.recordDecision(form.requiredText(COMPLAINT_ID, "投诉编号"), DisputeRecords.NOT_ACCEPTED, null, reason,
        Challenges.offset(ClockUtil.getCurrentTime()));
  }
}
