package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.contract.PaymentSchedule;

/**
 * Starts the delivery of one milestone: its name, amount and due date become variables of that milestone's scope
 * (so that each milestone keeps its own report and acceptance), the report is due at the end of the milestone's due
 * date, and the milestone is added to the ledger.
 */
@Component
public class LoadMilestoneListener implements ExecutionListener {

  private final MilestoneLedger ledger;
  private final PerformanceMilestones milestones;

  public LoadMilestoneListener(MilestoneLedger ledger, PerformanceMilestones milestones) {
    this.ledger = ledger;
    this.milestones = milestones;
  }

  @Override
  public void notify(DelegateExecution execution) {
    int index = ((Number) execution.getVariable(MILESTONE_INDEX)).intValue();
    PaymentSchedule.Instalment milestone = milestones.at(execution, index);
    execution.setVariableLocal(MILESTONE_NAME, milestone.name());
    execution.setVariableLocal(MILESTONE_AMOUNT, milestone.amount());
    execution.setVariableLocal(MILESTONE_DUE_DATE, milestone.dueDate().toString());
    execution.setVariableLocal(REPORT_DUE, WorkingDayCalendar.endOf(milestone.dueDate()));
    execution.setVariableLocal(ACCEPTANCE_DUE, null);
    execution.setVariableLocal(PROGRESS_REPORT, null);
    execution.setVariableLocal(INDICATOR_RESULTS, IndicatorValues.emptyTable(execution.getVariable(INDICATORS)));
    execution.setVariableLocal(ACCEPTANCE_DECISION, null);
    execution.setVariableLocal(RECIPIENT_PARTICIPANTS, null);
    execution.setVariableLocal(RECIPIENT_SATISFACTION, null);
    execution.setVariableLocal(ACCEPTANCE_OPINION, null);
    execution.setVariableLocal(PAYMENT_DATE, null);
    ledger.ensure(execution.getVariable(CONTRACT_ID).toString(), index, execution.getProcessBusinessKey(),
        milestone.name(), milestone.amount(), milestone.dueDate());
  }
}
