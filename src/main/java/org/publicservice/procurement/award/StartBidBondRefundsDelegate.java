package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.WINNER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * With the 中标通知书: the bid bonds of the unsuccessful bidders are due back within 5 working days
 * (实施条例第三十三条, 87号令第三十八条). Starts the department's refund task for every opened bid that stated a bond,
 * except the winner's (refunded after signing) and any already owed (a replacement award refunds nobody twice).
 * Bids that stated no bond get no line; no bond at all, no task.
 */
@Component
public class StartBidBondRefundsDelegate implements JavaDelegate {

  private final BondRefunds refunds;

  public StartBidBondRefundsDelegate(BondRefunds refunds) {
    this.refunds = refunds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object winner = execution.getVariable(WINNER);
    refunds.startBidBondRefund(execution, bidder -> !bidder.equals(winner));
  }
}
