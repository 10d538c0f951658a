package org.publicservice.procurement.credit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Rejects a credit-record form with a mistake before the process starts (start event of MaintainCreditRecord), and
 * remembers which administrator submitted it.
 */
@Component
public class CreditRecordValidator implements ExecutionListener {

  private final CreditRegister register;

  public CreditRecordValidator(CreditRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CreditRecordForm.read(execution, execution.getProcessEngineServices().getIdentityService(), register);
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    execution.setVariable(CreditVariables.ENTERED_BY,
        user != null && user.getUserId() != null ? user.getUserId() : "system");
  }
}
