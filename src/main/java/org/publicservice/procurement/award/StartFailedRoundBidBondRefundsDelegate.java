package org.publicservice.procurement.award;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The round ends after the opening without an award notice: too few qualified or valid bids (废标, 政府采购法第三十六条),
 * too few final offers of a consultation or negotiation, or no award candidate left. Every opened bid's stated bid
 * bond is due back within 5 working days of the failure notice the step before published (87号令第二十九条、
 * 第三十八条); a bond already owed (an earlier award notice, a withdrawal) is not owed twice. No bond stated, no task.
 */
@Component
public class StartFailedRoundBidBondRefundsDelegate implements JavaDelegate {

  private final BondRefunds refunds;

  public StartFailedRoundBidBondRefundsDelegate(BondRefunds refunds) {
    this.refunds = refunds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    refunds.startBidBondRefund(execution, bidder -> true);
  }
}
