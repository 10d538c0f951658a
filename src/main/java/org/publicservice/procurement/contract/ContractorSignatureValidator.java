package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.tender.BidBox;
import org.springframework.stereotype.Component;

/**
 * The organisation signs the drafted contract or refuses it; a refusal states its reason, which the department reads.
 * It cannot sign while signing is held (实施条例第五十四条; {@link SigningHolds}); it may still refuse. Signing a
 * contract with a performance bond, it states how it lodged the bond (实施条例第四十八条, {@link PerformanceBond}), or
 * has its bid bond turned into the performance bond where the documents allow it (87号令第三十八条) and states only
 * how it lodged the rest, if any.
 */
@Component
public class ContractorSignatureValidator implements TaskListener {

  private final SigningHolds holds;
  private final ContractRegister contracts;
  private final BidBox bidBox;

  public ContractorSignatureValidator(SigningHolds holds, ContractRegister contracts, BidBox bidBox) {
    this.holds = holds;
    this.contracts = contracts;
    this.bidBox = bidBox;
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
      boolean converted = bond != null && bond.signum() > 0 && form.flag(BID_BOND_CONVERTED);
      BigDecimal covered = BigDecimal.ZERO;
      if (converted && !bidBox.bidBondConvertible(task.getExecution().getProcessBusinessKey())) {
        throw reject(BID_BOND_CONVERTED, "本项目采购文件未规定投标保证金可以转为履约保证金，请按合同约定另行提交履约保证金。");
      }
      if (converted) {
        covered = PerformanceBond.convertibleBidBond(task.getExecution()).map(BondRefunds.Owed::amount)
            .orElseThrow(() -> reject(BID_BOND_CONVERTED, "贵单位在本项目投标时未提交投标保证金，不能转为履约保证金，"
                + "请按合同约定另行提交履约保证金。"));
      }
      if (bond != null && bond.compareTo(covered) > 0) {
        PerformanceBond lodged = PerformanceBond.stated(form);
        task.setVariable(PERFORMANCE_BOND_FORM, lodged.form());
        task.setVariable(PERFORMANCE_BOND_REFERENCE, lodged.reference());
      } else {
        task.setVariable(PERFORMANCE_BOND_FORM, null);
        task.setVariable(PERFORMANCE_BOND_REFERENCE, null);
      }
      task.setVariable(BID_BOND_CONVERTED, converted);
    }
  }
}
