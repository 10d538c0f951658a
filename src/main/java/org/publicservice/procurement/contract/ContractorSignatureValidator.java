package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The organisation signs the drafted contract or refuses it; a refusal states its reason, which the department reads.
 * It cannot sign while signing is held (实施条例第五十四条; {@link SigningHolds}); it may still refuse.
 */
@Component
public class ContractorSignatureValidator implements TaskListener {

  private final SigningHolds holds;

  public ContractorSignatureValidator(SigningHolds holds) {
    this.holds = holds;
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
    }
  }
}
