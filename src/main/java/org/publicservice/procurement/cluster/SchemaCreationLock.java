package org.publicservice.procurement.cluster;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on an empty PostgreSQL database create the engine's tables one after the other: the
 * engine's schema step (check, create or update the tables) runs after taking {@link StartupLock#ENGINE_SCHEMA} on
 * its own transaction's connection, so the second node finds the tables the first one committed instead of failing
 * on "duplicate key pg_type_typname_nsp_index". Flyway, which creates the application's tables, locks on
 * PostgreSQL by itself.
 */
@Component
public class SchemaCreationLock extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SchemaOperationsCommand schemaOperations = configuration.getSchemaOperationsCommand();
    configuration.setSchemaOperationsCommand((SchemaOperationsCommand) commandContext -> {
      try {
        StartupLock.lock(commandContext.getDbSqlSession().getSqlSession().getConnection(), StartupLock.ENGINE_SCHEMA);
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not take the schema creation lock", e);
      }
      return schemaOperations.execute(commandContext);
    });
  }
}
