package org.publicservice.procurement.tender;

import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The negotiation record with the single supplier: the agreed price must be above zero and must not exceed the
 * budget (实施条例 / 74号令: a price above the budget cannot be awarded). It may exceed the price proposed
 * in the notice, since negotiation can show that price to have been too low, as long as it stays within budget.
 */
@Component
public class SingleSourceNegotiationValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    SingleSourceNoticeValidator.requireWithinBudget(form, AGREED_PRICE,
        form.requiredAmount(AGREED_PRICE, "协商确定的成交价格"), "协商确定的成交价格");
    form.requiredText(NEGOTIATION_RECORD, "协商情况记录", 4000);
  }
}
