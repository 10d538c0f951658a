package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * The department signs after the organisation: the contract is signed on that day, which starts the 2 and 7 working
 * days. Not while signing is held (实施条例第五十四条; {@link SigningHolds}).
 */
@Component
public class DepartmentSignatureValidator implements TaskListener {

  private final SigningHolds holds;

  public DepartmentSignatureValidator(SigningHolds holds) {
    this.holds = holds;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!FormRules.of(task).flag(DEPARTMENT_SIGNS)) {
      throw reject(DEPARTMENT_SIGNS, "请确认采购单位签订合同（勾选“采购单位确认签订本合同”）。");
    }
    refuseWhileHeld(holds, task);
    task.setVariable(CONTRACT_SIGNED_DATE, ProcurementTime.today().toString());
  }

  /** Refuses a signature while a hold is in force, naming why (实施条例第五十四条, 政府采购法第五十七条). */
  static void refuseWhileHeld(SigningHolds holds, DelegateTask task) {
    java.util.List<String> reasons = holds.reasons(task.getExecution().getProcessBusinessKey());
    if (!reasons.isEmpty()) {
      throw reject(null, "本项目暂停签订合同：" + String.join("；", reasons)
          + "。暂停期间不计入30日签约期限，暂停结束后可继续签订。");
    }
  }
}
