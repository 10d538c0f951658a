package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.BondVariables.*;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * Stores the refunds the department recorded ({@link BondRefundValidator} checked them); from then on the project's
 * portal page shows each with its date and whether it was on time.
 */
@Component
public class RecordBondRefundsDelegate implements JavaDelegate {

  private final BondRefunds refunds;

  public RecordBondRefundsDelegate(BondRefunds refunds) {
    this.refunds = refunds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (Map<String, Object> refund : JsonValues.rows(execution.getVariable(CHECKED_REFUNDS))) {
      refunds.refunded(((Number) refund.get("lineId")).longValue(),
          LocalDate.parse(refund.get(REFUNDED_ON).toString()), refund.get(REFUND_REFERENCE).toString());
    }
  }
}
