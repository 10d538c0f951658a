package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.Money;
import org.springframework.stereotype.Component;

/**
 * Records the final payment: the contract's last milestone (the one with the highest index) times the share the
 * decision EvaluationGrade gives the grade (the contract's terms: e.g. 优秀/良好 100%, 合格 80%, 不合格 nothing).
 * Exactly once per evaluation, even when the step runs again.
 */
@Component
public class RecordFinalPaymentDelegate implements JavaDelegate {

  private final FinalPayments payments;

  public RecordFinalPaymentDelegate(FinalPayments payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long evaluationId = ((Number) execution.getVariable(EVALUATION_ID)).longValue();
    List<Map<String, Object>> milestones = FormRules.of(execution).rows(MILESTONES);
    if (milestones.isEmpty()) {
      throw new IllegalStateException("EvaluationStage started without milestones");
    }
    // the final payment is the milestone with the highest index (the list order when a row has none)
    int lastPosition = 0;
    for (int i = 1; i < milestones.size(); i++) {
      if (index(milestones.get(i), i) > index(milestones.get(lastPosition), lastPosition)) {
        lastPosition = i;
      }
    }
    Map<String, Object> last = milestones.get(lastPosition);
    BigDecimal share = new BigDecimal(execution.getVariable(FINAL_PAYMENT_SHARE).toString());
    String grade = (String) execution.getVariable(GRADE);
    var payment = payments.record(evaluationId, execution.getProcessBusinessKey(),
        FormRules.of(execution).optionalText(CONTRACT_ID), index(last, lastPosition),
        String.valueOf(last.getOrDefault("name", "尾款")), new BigDecimal(last.get("amount").toString()), share, grade);
    payments.recordGrade(evaluationId, grade, new BigDecimal(execution.getVariable(SCORE).toString()));
    execution.setVariable(FINAL_PAYMENT_AMOUNT, payment.amount().doubleValue());
    execution.setVariable(FINAL_PAYMENT_AMOUNT_TEXT, Money.yuan(payment.amount()));
  }

  private static int index(Map<String, Object> milestone, int position) {
    Object index = milestone.get("index");
    return index == null ? position + 1 : new BigDecimal(index.toString()).intValue();
  }
}
