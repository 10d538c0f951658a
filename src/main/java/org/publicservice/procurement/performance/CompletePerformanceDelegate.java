package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** Hands the delivered service on to the evaluation: what has been paid so far, read from the payments made. */
@Component
public class CompletePerformanceDelegate implements JavaDelegate {

  private final MilestonePayments payments;

  public CompletePerformanceDelegate(MilestonePayments payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PAID_SO_FAR, payments.paidSoFar(FormRules.of(execution).requiredText(CONTRACT_ID, "合同编号")));
    execution.setVariable(OUTCOME, OUTCOME_DELIVERED);
  }
}
