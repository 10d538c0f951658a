package org.publicservice.procurement.tender;

import static org.publicservice.procurement.tender.TenderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * At the bid deadline: how many valid bids arrived, and whether they are enough to open (87号令第四十一条: fewer than 3
 * in open tender means no opening; 2 suffice for consultation or negotiation of services). Only the number is known.
 */
@Component
public class CountBidsDelegate implements JavaDelegate {

  private final BidBox bidBox;

  public CountBidsDelegate(BidBox bidBox) {
    this.bidBox = bidBox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules tender = FormRules.of(execution);
    int round = (int) tender.requiredWholeNumber(TENDER_ROUND, "招标轮次");
    long minimum = tender.requiredWholeNumber(MINIMUM_BIDS, "最少投标人数");
    long count = bidBox.countActive(execution.getProcessBusinessKey(), round);
    execution.setVariable(BID_COUNT, count);
    execution.setVariable(ENOUGH_BIDS, count >= minimum);
  }
}
