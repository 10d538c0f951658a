package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.PERFORMANCE_BOND_FORM;
import static org.publicservice.procurement.contract.ContractVariables.PERFORMANCE_BOND_REFERENCE;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.tender.BidBond;

/**
 * How the contractor lodged the contract's performance bond: 实施条例第四十八条 wants it in non-cash form (cheques,
 * drafts, promissory notes, guarantees of financial or guarantee institutions), the form the supplier's choice, and at
 * most 10% of the contract amount (the draft's limit, {@link ContractDraftValidator}). The same forms as a bid bond.
 */
record PerformanceBond(String form, String reference) {

  static final int MAX_REFERENCE = 100;

  /** The bond as the signing form states it; refused in Chinese when its form or reference is missing or cash. */
  static PerformanceBond stated(FormRules form) {
    String chosen = form.optionalText(PERFORMANCE_BOND_FORM);
    if ("CASH".equals(chosen)) {
      throw reject(PERFORMANCE_BOND_FORM, "履约保证金不得以现金形式提交（政府采购法实施条例第四十八条）。");
    }
    if (chosen == null || !BidBond.FORMS.containsKey(chosen)) {
      throw reject(PERFORMANCE_BOND_FORM, "请选择履约保证金的提交方式（转账、银行保函或担保机构保函，不接受现金）。");
    }
    String reference = form.optionalText(PERFORMANCE_BOND_REFERENCE);
    if (reference == null) {
      throw reject(PERFORMANCE_BOND_REFERENCE, "请填写履约保证金的转账流水号或保函编号。");
    }
    if (reference.length() > MAX_REFERENCE) {
      throw reject(PERFORMANCE_BOND_REFERENCE, "履约保证金凭证编号不能超过" + MAX_REFERENCE + "个字。");
    }
    return new PerformanceBond(chosen, reference);
  }

  /**
   * The bid bond the contractor's opened bid stated, which 87号令第三十八条 lets become its performance bond at signing
   * instead of going back; empty when it stated none or the documents asked for none.
   */
  static Optional<BondRefunds.Owed> convertibleBidBond(DelegateExecution execution) {
    Object contractor = execution.getVariable(ContractVariables.CONTRACTOR);
    return BondRefunds.bidBondsLodged(execution).stream().filter(bond -> bond.supplier().equals(contractor))
        .findFirst();
  }

  /** "银行保函（编号BH2027-001）". */
  String text() {
    return BidBond.FORMS.get(form) + "（编号" + reference + "）";
  }
}
