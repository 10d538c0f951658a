package org.publicservice.procurement.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the engine at {@link ProcurementHistoryLevel} ({@code camunda.bpm.history-level: procurement}). A database
 * that recorded the engine's default level (full) is moved to it once: the engine refuses to start when the recorded
 * level differs from the configured one, and the new level only keeps less from now on.
 */
@Component
public class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryLevelPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<HistoryLevel>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(ProcurementHistoryLevel.INSTANCE);
    configuration.setCustomHistoryLevels(levels);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!ProcurementHistoryLevel.NAME.equals(configuration.getHistory())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        var update = connection.prepareStatement(
            "UPDATE " + configuration.getDatabaseTablePrefix() + "ACT_GE_PROPERTY SET VALUE_ = ? "
                + "WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
      update.setString(1, Integer.toString(ProcurementHistoryLevel.ID));
      update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
      if (update.executeUpdate() > 0) {
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        LOG.info("History level of the database changed from full to {}", ProcurementHistoryLevel.NAME);
      }
    } catch (SQLException e) {
      // a new database has no property table yet: the engine creates it with the configured level
      LOG.debug("No history level to change: {}", e.getMessage());
    }
  }
}
