package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.FILING_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** The filing names how the copy reached the finance bureau (reference of the filing system or of the letter). */
@Component
public class ContractFilingValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules.of(task).requiredText(FILING_REFERENCE, "备案编号或报送说明", 500);
  }
}
