package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;
import static org.publicservice.procurement.planning.PlanningVariables.DEPARTMENT_NAME;
import static org.publicservice.procurement.planning.PlanningVariables.SERVICE_NAME;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.credit.CreditListing;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.credit.NewCreditRecord;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * A 不合格 grade goes into the credit register (实施条例第六十三条) as FAILED_EVALUATION of the organisation, from
 * today for {@code procurement.credit.failed-evaluation-validity}, so that later qualification checks see it.
 */
@Component
public class RecordFailedEvaluationDelegate implements JavaDelegate {

  static final String SOURCE = "政府购买服务绩效评价";

  private final CreditRegister register;
  private final FailedEvaluationCreditProperties properties;

  public RecordFailedEvaluationDelegate(CreditRegister register, FailedEvaluationCreditProperties properties) {
    this.register = register;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules evaluation = FormRules.of(execution);
    LocalDate today = ProcurementTime.today();
    String projectNumber = execution.getProcessBusinessKey();
    register.add(new NewCreditRecord(evaluation.requiredText(CONTRACTOR, "承接主体"),
        evaluation.requiredText(CONTRACTOR_NAME, "承接主体名称"), CreditListing.FAILED_EVALUATION,
        properties.failedEvaluationEffect(), SOURCE,
        evaluation.requiredText(DEPARTMENT_NAME, "采购单位") + "“" + evaluation.requiredText(SERVICE_NAME, "服务项目")
            + "”（" + projectNumber + "）绩效评价不合格，综合得分" + execution.getVariable(SCORE) + "分",
        today, today.plus(properties.failedEvaluationValidity()).minusDays(1), projectNumber,
        evaluation.optionalText(THIRD_PARTY_EVALUATOR)));
  }
}
