package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.rating.RatingProperties;
import org.publicservice.procurement.rating.ServiceRatings;
import org.springframework.stereotype.Component;

/**
 * When the department's hand-out task is created: generates the one-time rating codes for the service recipients
 * and shows them in that task only (a task-local variable; the database keeps just their hashes). How many: the
 * stage's {@code ratingCodeCount} (1-1000) or {@code procurement.rating.codes-per-evaluation}.
 */
@Component
public class IssueRatingCodesListener implements TaskListener {

  static final int MAX_CODES = 1000;

  private final ServiceRatings ratings;
  private final RatingProperties properties;

  public IssueRatingCodesListener(ServiceRatings ratings, RatingProperties properties) {
    this.ratings = ratings;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    long evaluationId = ((Number) task.getVariable(EVALUATION_ID)).longValue();
    Object wanted = task.getVariable(RATING_CODE_COUNT);
    int count = wanted == null ? properties.codesPerEvaluation()
        : (int) FormRules.of(task).requiredWholeNumber(RATING_CODE_COUNT, "评价码数量");
    if (count < 1 || count > MAX_CODES) {
      throw new IllegalStateException("ratingCodeCount must be 1.." + MAX_CODES + ", is " + count);
    }
    // up to 1,000 codes of 10 characters a line: more than a String variable holds
    task.setVariableLocal(RATING_CODES, JsonValues.longText(String.join("\n", ratings.issueCodes(evaluationId, count))));
  }
}
