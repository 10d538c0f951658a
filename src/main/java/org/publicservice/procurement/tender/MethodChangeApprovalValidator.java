package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD;
import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD_NAME;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The finance bureau's approval of a change of method after a failed tender (政府采购法第二十七条; 实施条例第二十三条).
 * A refusal needs its reason; an approval changes the purchase's method and the minimum number of suppliers, with
 * the provision it rests on: a negotiation after a failed open tender that left exactly two suppliers goes on with
 * those two (74号令第二十七条第二款), any other negotiation needs 3 (第三十三条).
 */
@Component
public class MethodChangeApprovalValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.approval(METHOD_CHANGE_APPROVAL, APPROVE, REFUSE, METHOD_CHANGE_COMMENT);
    if (APPROVE.equals(decision)) {
      ProcurementMethod method = TenderRules.method(form.requiredText(PROPOSED_METHOD, "拟变更的采购方式"));
      List<String> twoLeft = twoSuppliersOfAFailedOpenTender(task);
      boolean twoException = method == ProcurementMethod.COMPETITIVE_NEGOTIATION && twoLeft != null;
      TenderRules.Minimum minimum = TenderRules.minimumSuppliers(method, twoException);
      task.setVariable(PROCUREMENT_METHOD, method.name());
      task.setVariable(PROCUREMENT_METHOD_NAME, method.label());
      task.setVariable(MINIMUM_BIDS, (long) minimum.suppliers());
      task.setVariable(MINIMUM_BIDS_BASIS, minimum.basis());
      task.setVariable(TWO_SUPPLIER_EXCEPTION, twoException);
      // 74号令第二十七条第二款: the negotiation is with those two suppliers
      task.setVariable(INVITED_SUPPLIERS, twoException ? new ArrayList<>(twoLeft) : null);
    }
  }

  /** The two suppliers a failed open tender left, or null when it left another number or was no open tender. */
  private static List<String> twoSuppliersOfAFailedOpenTender(DelegateTask task) {
    if (!ProcurementMethod.OPEN_TENDER.name().equals(task.getVariable(FAILED_TENDER_METHOD))) {
      return null;
    }
    List<String> suppliers = strings(task.getVariable(FAILED_TENDER_SUPPLIERS));
    return suppliers.size() == 2 ? suppliers : null;
  }

  private static List<String> strings(Object value) {
    if (value instanceof org.camunda.spin.json.SpinJsonNode node) {
      return node.elements().stream().map(org.camunda.spin.json.SpinJsonNode::stringValue).toList();
    }
    if (value instanceof java.util.Collection<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
