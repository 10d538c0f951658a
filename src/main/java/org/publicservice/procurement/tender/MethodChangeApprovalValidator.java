package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD;
import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD_NAME;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The finance bureau's approval of a change of method after a failed tender (政府采购法第二十七条; 实施条例第二十三条).
 * A refusal needs its reason; an approval changes the purchase's method and the minimum number of bids.
 */
@Component
public class MethodChangeApprovalValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(METHOD_CHANGE_APPROVAL, "审批结论", Set.of(APPROVE, REFUSE));
    String comment = form.optionalText(METHOD_CHANGE_COMMENT);
    if (REFUSE.equals(decision) && comment == null) {
      throw reject(METHOD_CHANGE_COMMENT, "不予批准时请填写理由。");
    }
    if (comment != null && comment.length() > 2000) {
      throw reject(METHOD_CHANGE_COMMENT, "审批意见不能超过2000个字。");
    }
    if (APPROVE.equals(decision)) {
      ProcurementMethod method = TenderRules.method(form.requiredText(PROPOSED_METHOD, "拟变更的采购方式"));
      task.setVariable(PROCUREMENT_METHOD, method.name());
      task.setVariable(PROCUREMENT_METHOD_NAME, method.label());
      task.setVariable(MINIMUM_BIDS, (long) TenderRules.minimumBids(method));
    }
  }
}
