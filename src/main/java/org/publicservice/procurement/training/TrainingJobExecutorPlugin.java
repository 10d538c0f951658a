package org.publicservice.procurement.training;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor under the training clock. Its lock time is counted on the engine clock (a job's lock expires at
 * engine now + lock time), so at 2016 times real time a 60 s lock would expire in 30 real milliseconds, and another
 * acquisition would take the job while it still runs: the lock time is multiplied by the speed (capped at what the
 * executor can hold, about 25 engine days). Its waits are real time, so an idle executor that looks for due timers
 * every 10 s would let a timer fire 5 engine hours late: in training it looks every half second to a second.
 */
@Component
public class TrainingJobExecutorPlugin extends AbstractProcessEnginePlugin {

  /** Real time between acquisitions of an idle executor in training mode. */
  static final int WAIT_MILLIS = 500;
  static final long MAX_WAIT_MILLIS = 1_000;

  private final TrainingMode mode;

  public TrainingJobExecutorPlugin(TrainingMode mode) {
    this.mode = mode;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor executor = configuration.getJobExecutor();
    if (!mode.enabled() || executor == null) {
      return;
    }
    executor.setLockTimeInMillis((int) Math.min(Integer.MAX_VALUE, executor.getLockTimeInMillis() * mode.speed()));
    executor.setWaitTimeInMillis(WAIT_MILLIS);
    executor.setMaxWait(MAX_WAIT_MILLIS);
  }
}
