package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.BUDGET;
import static org.publicservice.procurement.planning.PlanningVariables.SINGLE_SOURCE_JUSTIFICATION;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.Money;
import org.springframework.stereotype.Component;

/**
 * Checks the single-source notice before it is published: the supplier must be a registered social organisation,
 * its qualifications and the justification (政府采购法第三十一条) stated, and the proposed price within the budget
 * (实施条例 / 74号令: the price may not exceed the approved budget).
 */
@Component
public class SingleSourceNoticeValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String supplier = form.optionalText(SUPPLIER);
    if (supplier == null) {
      throw reject(SUPPLIER, "请选择拟定的唯一供应商。");
    }
    String name = OrganisationNames.nameOf(task.getProcessEngineServices().getIdentityService(), supplier);
    if (name == null) {
      throw reject(SUPPLIER, "所选供应商不是在平台注册并确认的供应商。");
    }
    form.requiredText(SUPPLIER_QUALIFICATIONS, "供应商资质情况", 4000);
    form.requiredText(SINGLE_SOURCE_JUSTIFICATION, "采用单一来源采购的理由", 4000);
    BigDecimal price = form.requiredAmount(PROPOSED_PRICE, "拟定成交价格");
    requireWithinBudget(form, PROPOSED_PRICE, price, "拟定成交价格");
    task.setVariable(SUPPLIER_NAME, name);
  }

  static void requireWithinBudget(FormRules form, String field, BigDecimal price, String label) {
    if (price.signum() <= 0) {
      throw reject(field, label + "必须大于0元。");
    }
    BigDecimal budget = form.requiredAmount(BUDGET, "预算金额");
    if (price.compareTo(budget) > 0) {
      throw reject(field, label + "不得超过采购预算（" + Money.yuan(budget) + "）。");
    }
  }
}
