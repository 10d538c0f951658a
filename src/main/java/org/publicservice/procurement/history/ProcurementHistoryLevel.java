package org.publicservice.procurement.history;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.FORM_PROPERTY_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_MIGRATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_RESOLVE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_FAIL;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_SUCCESS;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.PROCESS_INSTANCE_END;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.PROCESS_INSTANCE_START;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.USER_OPERATION_LOG;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * What the engine keeps in its history: the procedure, and not every technical step of it.
 *
 * <p>The purchase file is kept 15 years (政府采购法第四十二条, 实施条例第四十六条) in the archive (evaluation/PurchaseArchive)
 * and the disclosure register; the engine's history is the record of who did what and when. Of the purchase
 * processes it keeps what {@link HistoryLevel#HISTORY_LEVEL_FULL full} keeps (instances, activities, tasks, the final
 * value of every variable, decisions, candidates and assignees, the user operation log, incidents) except
 * <ul>
 *   <li>a copy of every intermediate value of a variable (historic details) and of a form property: the final values
 *       and the archive are the file, and each write cost three rows;</li>
 *   <li>the job log: each asynchronous step and timer wrote a row when created and one when done; a step that fails
 *       still becomes an incident, which is kept.</li>
 * </ul>
 * Of the technical process that only serves the others (the deadline scan every quarter hour) it keeps that an
 * instance ran and its incidents. The daily holiday schedule check is kept in full: it can give administrators a
 * task, and who entered the schedule, when, is part of the record.
 */
public final class ProcurementHistoryLevel extends AbstractHistoryLevel {

  public static final ProcurementHistoryLevel INSTANCE = new ProcurementHistoryLevel();
  /** Recorded in the database (ACT_GE_PROPERTY historyLevel); the engine's own levels use 0 to 3. */
  public static final int ID = 18;
  public static final String NAME = "procurement";

  static final Set<HistoryEventType> NOT_KEPT = Set.of(VARIABLE_INSTANCE_UPDATE_DETAIL, FORM_PROPERTY_UPDATE,
      JOB_CREATE, JOB_FAIL, JOB_SUCCESS, JOB_DELETE);
  static final Set<HistoryEventType> KEPT_OF_TECHNICAL = Set.of(PROCESS_INSTANCE_START, PROCESS_INSTANCE_END,
      INCIDENT_CREATE, INCIDENT_UPDATE, INCIDENT_RESOLVE, INCIDENT_DELETE, INCIDENT_MIGRATE, USER_OPERATION_LOG);
  /** Keys of the technical processes (mail is delivered from the outbox, outside the engine). */
  static final List<String> TECHNICAL = List.of("TaskDeadlineWatch");

  private ProcurementHistoryLevel() {
  }

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (NOT_KEPT.contains(eventType)) {
      return false;
    }
    return KEPT_OF_TECHNICAL.contains(eventType) || !technical(processDefinitionId(entity));
  }

  static boolean technical(String processDefinitionId) {
    // definition ids are "<key>:<version>:<id>" (the engine drops the key only when that exceeds 64 characters)
    return processDefinitionId != null && TECHNICAL.stream().anyMatch(key -> processDefinitionId.startsWith(key + ":"));
  }

  private static String processDefinitionId(Object entity) {
    if (entity instanceof ExecutionEntity execution) {
      return execution.getProcessDefinitionId();
    } else if (entity instanceof TaskEntity task) {
      return task.getProcessDefinitionId();
    } else if (entity instanceof VariableInstanceEntity variable) {
      return variable.getProcessDefinitionId();
    } else if (entity instanceof IncidentEntity incident) {
      return incident.getProcessDefinitionId();
    } else if (entity instanceof JobEntity job) {
      return job.getProcessDefinitionId();
    }
    return null;
  }
}
