package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * Suspends the purchase while finance handles the complaint (政府采购法第五十七条): the main process and every stage
 * instance of the project, with their tasks and timers. The complaint's own instance goes on. Remembers which
 * instances it suspended, so that resuming touches only those.
 */
@Component
public class SuspendPurchaseDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    List<String> suspended = runtime.createProcessInstanceQuery().processInstanceBusinessKey(
            execution.getProcessBusinessKey()).processDefinitionKeyIn(ProcessKeys.PURCHASE_PROCESSES.toArray(String[]::new))
        .active().list().stream().map(ProcessInstance::getId).toList();
    for (String id : suspended) {
      runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend();
    }
    execution.setVariable(SUSPENDED_INSTANCES, SpinValues.jsonValue(JsonValues.toJson(suspended)).create());
  }
}
