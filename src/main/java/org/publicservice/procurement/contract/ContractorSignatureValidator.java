package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The organisation signs the drafted contract or refuses it; a refusal states its reason, which the department reads.
 * It cannot sign while signing is held (实施条例第五十四条; {@link SigningHolds}); it may still refuse. Signing a
 * contract with a performance bond, it states how it lodged the bond (实施条例第四十八条, {@link PerformanceBond}).
 */
@Component
public class ContractorSignatureValidator implements TaskListener {

  private final SigningHolds holds;
  private final ContractRegister contracts;

  public ContractorSignatureValidator(SigningHolds holds, ContractRegister contracts) {
    this.holds = holds;
    this.contracts = contracts;
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(CONTRACTOR_DECISION, "签约意见", List.of(SIGN, REFUSE));
    if (REFUSE.equals(decision)) {
      form.requiredText(CONTRACTOR_REFUSAL_REASON, "拒绝签订合同的理由", 1000);
    } else {
      DepartmentSignatureValidator.refuseWhileHeld(holds, task);
      task.setVariable(CONTRACTOR_REFUSAL_REASON, null);
      var bond = contracts.currentDraft(task.getProcessInstanceId()).performanceBond();
      if (bond != null && bond.signum() > 0) {
        PerformanceBond lodged = PerformanceBond.stated(form);
        task.setVariable(PERFORMANCE_BOND_FORM, lodged.form());
        task.setVariable(PERFORMANCE_BOND_REFERENCE, lodged.reference());
      } else {
        task.setVariable(PERFORMANCE_BOND_FORM, null);
        task.setVariable(PERFORMANCE_BOND_REFERENCE, null);
      }
    }
  }
}
