package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The department's decision after a failed tender (政府采购法第三十六条、第三十七条): tender again, ask the finance bureau to
 * change to competitive consultation or negotiation (政府采购法第三十条第一项; 实施条例第二十三条), or abandon the purchase.
 */
@Component
public class FailedTenderDecisionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(FAILED_TENDER_DECISION, "处理决定", Set.of(RE_TENDER, CHANGE_METHOD, ABANDON));
    form.requiredText(DECISION_REASON, "决定理由", 2000);
    if (CHANGE_METHOD.equals(decision)) {
      String proposed = form.requiredChoice(PROPOSED_METHOD, "拟变更的采购方式",
          Set.of(ProcurementMethod.COMPETITIVE_CONSULTATION.name(), ProcurementMethod.COMPETITIVE_NEGOTIATION.name()));
      if (proposed.equals(task.getVariable(PROCUREMENT_METHOD))) {
        throw reject(PROPOSED_METHOD, "本项目已采用" + ProcurementMethod.valueOf(proposed).label()
            + "，请选择其他采购方式或重新组织采购。");
      }
    }
    // a new request for approval starts without the finance bureau's earlier answer
    task.setVariable(METHOD_CHANGE_APPROVAL, null);
  }
}
