package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.RATING_CODES_HANDED_OUT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** The department confirms that the service recipients received their rating codes. */
@Component
public class RatingCodeHandOutValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!FormRules.of(task).flag(RATING_CODES_HANDED_OUT)) {
      throw FormRules.reject(RATING_CODES_HANDED_OUT, "请在将评价码发放给服务对象后勾选“已发放评价码”。");
    }
  }
}
