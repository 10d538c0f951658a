package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/** The department signs after the organisation: the contract is signed on that day, which starts the 2 and 7 working days. */
@Component
public class DepartmentSignatureValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!FormRules.of(task).flag(DEPARTMENT_SIGNS)) {
      throw reject(DEPARTMENT_SIGNS, "请确认采购单位签订合同（勾选“采购单位确认签订本合同”）。");
    }
    task.setVariable(CONTRACT_SIGNED_DATE, ProcurementTime.today().toString());
  }
}
