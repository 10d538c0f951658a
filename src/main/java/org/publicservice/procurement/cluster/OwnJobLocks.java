package org.publicservice.procurement.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job executor locks jobs under the node's name instead of a random id per run, and a starting node gives back
 * the locks its previous run left behind. A node killed while it ran jobs (SIGKILL, out of memory, power) thus
 * continues them as soon as it is back instead of after the lock time, which matters most for the single H2 node,
 * where no other node could take them over. Safe only because every node of a cluster has a name of its own
 * (docs/operations.md): a restarting node's previous run is dead, so nobody is still running those jobs.
 */
@Component
public class OwnJobLocks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(OwnJobLocks.class);

  private final String nodeName;
  private final JdbcTemplate jdbc;

  public OwnJobLocks(@Value("${" + NodeName.PROPERTY + "}") String nodeName, JdbcTemplate jdbc) {
    this.nodeName = nodeName;
    this.jdbc = jdbc;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeName);
    }
  }

  /** Runs once the engine's tables exist and before the job executor acquires its first jobs. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    int released = jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null"
        + " where LOCK_OWNER_ = ?", nodeName);
    if (released > 0) {
      LOG.info("Released {} job lock(s) that this node's previous run held when it stopped", released);
    }
  }
}
