package org.publicservice.procurement.contract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the signing starts (its timers are armed by then), a hold that began earlier, such as a challenge filed
 * before the award notice and still unanswered, stops the signing clock at once ({@link SigningHolds}).
 */
@Component
public class ApplySigningHoldListener implements ExecutionListener {

  private final SigningHolds holds;

  public ApplySigningHoldListener(SigningHolds holds) {
    this.holds = holds;
  }

  @Override
  public void notify(DelegateExecution execution) {
    holds.synchronise(execution.getProcessBusinessKey());
  }
}
