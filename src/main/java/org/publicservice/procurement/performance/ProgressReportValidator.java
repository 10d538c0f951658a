package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/** The organisation's progress report of a milestone: what was delivered and the value reached for every indicator. */
@Component
public class ProgressReportValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    form.requiredText(PROGRESS_REPORT, "服务进展情况", 4000);
    var results = IndicatorValues.parse(form.requiredText(INDICATOR_VALUES_TEXT, "各项指标达到值"),
        JsonValues.rows(task.getVariable(INDICATORS)));
    task.setVariable(INDICATOR_RESULTS, SpinValues.jsonValue(JsonValues.toJson(results)).create());
  }
}
