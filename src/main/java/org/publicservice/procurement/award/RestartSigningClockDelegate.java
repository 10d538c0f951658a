package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.contract.SigningHolds;
import org.springframework.stereotype.Component;

/**
 * After the procurement resumed: the signing clock runs again, the 30 days extended by the days suspended. In a
 * transaction of its own, after the one that activated the instances.
 */
@Component
public class RestartSigningClockDelegate implements JavaDelegate {
  private final SigningHolds holds;

  public RestartSigningClockDelegate(SigningHolds holds) {
    this.holds = holds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    holds.release(SuspendPurchaseDelegate.holdId(execution));
  }
}
