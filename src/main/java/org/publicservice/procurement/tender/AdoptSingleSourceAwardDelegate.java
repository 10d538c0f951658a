package org.publicservice.procurement.tender;

import static org.publicservice.procurement.tender.SingleSourceVariables.AGREED_PRICE;
import static org.publicservice.procurement.tender.SingleSourceVariables.SUPPLIER;
import static org.publicservice.procurement.tender.SingleSourceVariables.SUPPLIER_NAME;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.review.RankedBid;

/**
 * A concluded single source is an award like any other for the contract stage: the supplier is the winner and sole
 * candidate, the agreed price the awarded price, and the result notice (published by the stage just now) starts the
 * 30 days for signing (政府采购法第四十六条; 74号令第十九条).
 */
@Component
public class AdoptSingleSourceAwardDelegate implements JavaDelegate {

  static final String WINNER = "winner";
  static final String WINNER_NAME = "winnerName";
  static final String AWARDED_PRICE = "awardedPrice";
  static final String AWARD_NOTICE_DATE = "awardNoticeDate";
  static final String CANDIDATES = "candidates";

  @Override
  public void execute(DelegateExecution execution) {
    FormRules result = FormRules.of(execution);
    String supplier = result.requiredText(SUPPLIER, "成交供应商");
    String supplierName = result.requiredText(SUPPLIER_NAME, "成交供应商");
    BigDecimal agreed = result.requiredAmount(AGREED_PRICE, "成交价格").stripTrailingZeros();
    // amounts travel as Long or Double: the engine has no decimal type and would serialise a BigDecimal
    Number price = agreed.scale() <= 0 ? (Number) agreed.longValueExact() : (Number) agreed.doubleValue();

    // the contract stage's candidates, as an award leaves them: the one supplier, first
    SerializableValue candidates = RankedBid.json(List.of(
        new RankedBid(1, null, supplier, supplierName, new BigDecimal(price.toString()), null, null, null)));

    execution.setVariable(WINNER, supplier);
    execution.setVariable(WINNER_NAME, supplierName);
    execution.setVariable(AWARDED_PRICE, price);
    execution.setVariable(AWARD_NOTICE_DATE,
        ProcurementTime.now().toString());
    execution.setVariable(CANDIDATES, candidates);
  }
}
