package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** The department's written statement (94号令第二十二条) goes into the file. */
@Component
public class RecordComplaintStatementDelegate implements JavaDelegate {
  private final DisputeRecords records;

  public RecordComplaintStatementDelegate(DisputeRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules form = FormRules.of(execution);
    records.recordStatement(form.requiredText(COMPLAINT_ID, "投诉编号"),
        form.requiredText(DEPARTMENT_STATEMENT, "书面说明"), Challenges.offset(ClockUtil.getCurrentTime()));
  }
}
