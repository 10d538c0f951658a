package org.publicservice.procurement.contract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stamps the contract as filed with the finance bureau (政府采购法第四十七条), when the filing task is done. */
@Component
public class RecordContractFilingDelegate implements JavaDelegate {

  private final ContractRegister contracts;

  public RecordContractFilingDelegate(ContractRegister contracts) {
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    contracts.markFiled(contracts.signedOf(execution.getProcessInstanceId()).contractId());
  }
}
