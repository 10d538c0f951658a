package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * The organisation's progress report of a milestone: what was delivered and, in a table with a row per indicator
 * of the contract, the value reached.
 */
@Component
public class ProgressReportValidator implements TaskListener {

  private final PerformanceMilestones milestones;

  public ProgressReportValidator(PerformanceMilestones milestones) {
    this.milestones = milestones;
  }

  @Override
  public void notify(DelegateTask task) {
    milestones.refuseBeforePeriod(task, "提交进度报告");
    FormRules form = FormRules.of(task);
    form.requiredText(PROGRESS_REPORT, "服务进展情况", 4000);
    var results = IndicatorValues.read(task);
    task.setVariable(INDICATOR_RESULTS, SpinValues.jsonValue(JsonValues.toJson(results)).create());
  }
}
