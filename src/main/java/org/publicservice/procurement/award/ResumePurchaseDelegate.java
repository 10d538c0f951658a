package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Resumes what the complaint suspended, at the decision or when the 30 days of 政府采购法第五十七条 (94号令第二十八条)
 * are over,
 * whichever comes first; the second time finds nothing left to resume. Instances that ended meanwhile are skipped.
 */
@Component
public class ResumePurchaseDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object stored = execution.getVariable(SUSPENDED_INSTANCES);
    if (!(stored instanceof SpinJsonNode ids)) {
      return;
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (SpinJsonNode id : ids.elements()) {
      var instance = runtime.createProcessInstanceQuery().processInstanceId(id.stringValue()).singleResult();
      if (instance != null && instance.isSuspended()) {
        runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(instance.getId()).activate();
      }
    }
    execution.setVariable(SUSPENDED_INSTANCES, SpinValues.jsonValue("[]").create());
  }
}
