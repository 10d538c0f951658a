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
 * Suspends the purchase while finance handles the complaint (政府采购法第五十七条, 94号令第二十八条): the main process
 * and every stage instance of the project, with their tasks and timers. The complaint's own instance goes on, and so
 * do challenges. Remembers which instances it suspended, so that resuming touches only those. Signing was held when
 * the complaint was accepted ({@link AcceptComplaintDelegate}), so the days suspended are added to the signing period. Runs in a
 * transaction of its own: the suspension is a bulk update of the instances' jobs.
 */
@Component
public class SuspendPurchaseDelegate implements JavaDelegate {

  /** The hold a complaint's suspension puts on signing. */
  static String holdId(DelegateExecution complaint) {
    return "suspension:" + complaint.getVariable(COMPLAINT_ID);
  }

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
