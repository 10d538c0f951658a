package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.Money;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.contract.PaymentSchedule.Instalment;

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
    List<Instalment> milestones = Instalment.list(execution.getVariable(MILESTONES));
    // the final payment is the milestone with the highest index
    Instalment last = milestones.stream().max(Comparator.comparingInt(Instalment::index))
        .orElseThrow(() -> new IllegalStateException("EvaluationStage started without milestones"));
    BigDecimal share = new BigDecimal(execution.getVariable(FINAL_PAYMENT_SHARE).toString());
    String grade = (String) execution.getVariable(GRADE);
    var payment = payments.record(evaluationId, execution.getProcessBusinessKey(),
        FormRules.of(execution).optionalText(CONTRACT_ID), last.index(), last.name(), last.amount(), share, grade);
    payments.recordGrade(evaluationId, grade, new BigDecimal(execution.getVariable(SCORE).toString()));
    execution.setVariable(FINAL_PAYMENT_AMOUNT, payment.amount().doubleValue());
    execution.setVariable(FINAL_PAYMENT_AMOUNT_TEXT, Money.yuan(payment.amount()));
  }
}
