package org.publicservice.procurement.notification;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step of the test process that fails as often as a test asks, like a technical fault that later clears. A bean
 * bound with delegateExpression: deployments may not name Java classes (security/DeploymentVetting).
 */
@Component
public class FailingStepDelegate implements JavaDelegate {

  static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  @Override
  public void execute(DelegateExecution execution) {
    if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("budget system unreachable (simulated)");
    }
  }
}
