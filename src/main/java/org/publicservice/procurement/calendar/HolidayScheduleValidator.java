package org.publicservice.procurement.calendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Rejects a holiday schedule an administrator submits with a mistake (start form of MaintainHolidaySchedule, or
 * the warning task of CheckHolidaySchedule), and remembers who submitted it.
 */
@Component
public class HolidayScheduleValidator implements ExecutionListener, TaskListener {

  @Override
  public void notify(DelegateExecution execution) {
    validate(execution, currentUser(execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication()));
  }

  @Override
  public void notify(DelegateTask task) {
    validate(task, currentUser(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication()));
  }

  private static void validate(VariableScope scope, String user) {
    HolidayScheduleForm.read(scope, user, ClockUtil.getCurrentTime().toInstant());
    scope.setVariable(HolidayScheduleVariables.ENTERED_BY, user);
  }

  private static String currentUser(Authentication authentication) {
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "system";
  }
}
