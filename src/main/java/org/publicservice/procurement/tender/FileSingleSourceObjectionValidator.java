package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Start of an objection (process SingleSourceObjection): checks that the project is in single source and its
 * notice period is open, then hands the objection to that project's stage, where the department answers it.
 * A refused objection saves nothing: the listener throws before the objection process exists.
 */
@Component
public class FileSingleSourceObjectionValidator implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    FormRules form = FormRules.of(execution);
    String projectNumber = form.requiredText(OBJECTION_PROJECT_NUMBER, "项目编号").toUpperCase(java.util.Locale.ROOT);
    String grounds = form.requiredText(OBJECTION_GROUNDS, "异议事项及理由", 4000);
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw reject(null, "请登录后再提出异议。");
    }
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    var identity = execution.getProcessEngineServices().getIdentityService();

    SystemAccess.run(() -> {
      ProcessInstance stage = runtime.createProcessInstanceQuery().processDefinitionKey(STAGE_PROCESS_KEY)
          .processInstanceBusinessKey(projectNumber).active().singleResult();
      if (stage == null) {
        throw reject(OBJECTION_PROJECT_NUMBER, "项目" + projectNumber + "不在单一来源采购公示中，请核对项目编号。");
      }
      Date periodEnd = (Date) runtime.getVariable(stage.getId(), OBJECTION_PERIOD_END);
      if (periodEnd == null) {
        throw reject(OBJECTION_PROJECT_NUMBER, "项目" + projectNumber + "的单一来源采购公示尚未发布。");
      }
      if (ClockUtil.getCurrentTime().after(periodEnd)) {
        throw reject(OBJECTION_PROJECT_NUMBER, "项目" + projectNumber + "的公示期已于"
            + MINUTE_IN_WORDS.format(periodEnd.toInstant()) + "结束，不再受理异议。");
      }
      User user = identity.createUserQuery().userId(caller.getUserId()).singleResult();
      runtime.createMessageCorrelation(OBJECTION_MESSAGE).processInstanceId(stage.getId())
          // transient: the stage keeps them in the objection's own scope (KeepObjectionInItsScopeListener)
          .setVariables(Variables.createVariables()
              .putValueTyped(OBJECTOR, Variables.stringValue(caller.getUserId(), true))
              .putValueTyped(OBJECTOR_NAME, Variables.stringValue(displayName(user, caller.getUserId()), true))
              .putValueTyped(OBJECTION_GROUNDS, Variables.stringValue(grounds, true)))
          .correlate();
      return null;
    });
    execution.setProcessBusinessKey(projectNumber);
    execution.setVariable(OBJECTION_PROJECT_NUMBER, projectNumber);
    execution.setVariable(OBJECTOR, caller.getUserId());
  }

  private static String displayName(User user, String userId) {
    if (user == null) {
      return userId;
    }
    String name = (user.getFirstName() == null ? "" : user.getFirstName().trim())
        + (user.getLastName() == null ? "" : user.getLastName().trim());
    return name.isEmpty() ? userId : name;
  }
}
