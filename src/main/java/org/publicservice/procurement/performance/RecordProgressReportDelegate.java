package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Keeps the milestone's progress report and gives the department its time for the phased acceptance: 10 working days
 * from the report (a rule of this platform: 实施条例第四十五条 sets no period; change {@code ACCEPTANCE_WORKING_DAYS}).
 */
@Component
public class RecordProgressReportDelegate implements JavaDelegate {

  private final MilestoneLedger ledger;
  private final WorkingDayCalendar workingDays;

  public RecordProgressReportDelegate(MilestoneLedger ledger, WorkingDayCalendar workingDays) {
    this.ledger = ledger;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules report = FormRules.of(execution);
    ledger.recordReport(report.requiredText(CONTRACT_ID, "合同编号"),
        ((Number) execution.getVariable(MILESTONE_INDEX)).intValue(), report.requiredText(PROGRESS_REPORT, "服务进展情况"),
        execution.getVariable(INDICATOR_RESULTS).toString());
    execution.setVariable(ACCEPTANCE_DUE, workingDays.after(ClockUtil.getCurrentTime(), ACCEPTANCE_WORKING_DAYS));
  }
}
