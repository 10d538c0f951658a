package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.CONTRACT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.form.FormRules;
import org.springframework.stereotype.Component;

/** Stamps the contract as filed with the finance bureau (政府采购法第四十七条), when the filing task is done. */
@Component("recordContractFiling")
public class RecordContractFilingDelegate implements JavaDelegate {

  private final ContractRegister contracts;

  public RecordContractFilingDelegate(ContractRegister contracts) {
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    contracts.markFiled(FormRules.of(execution).requiredText(CONTRACT_ID, "合同编号"));
  }
}
