package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.rating.RatingSummary;
import org.publicservice.procurement.rating.ServiceRatings;
import org.springframework.stereotype.Component;

/**
 * Closes the public's rating window at its end and hands the result to the evaluation: the number of ratings, the
 * average stars and the satisfaction score (average / 5 × 100), per-indicator averages and the comments, none of
 * it linked to a person. Without any rating, satisfaction is not measured ({@code satisfactionRated = false}) and
 * the decision weighs the other parts instead.
 */
@Component
public class CloseRatingsDelegate implements JavaDelegate {

  private final ServiceRatings ratings;

  public CloseRatingsDelegate(ServiceRatings ratings) {
    this.ratings = ratings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long evaluationId = ((Number) execution.getVariable(EVALUATION_ID)).longValue();
    ratings.close(evaluationId);
    RatingSummary summary = ratings.summary(evaluationId);
    execution.setVariable(RATING_COUNT, summary.ratings());
    execution.setVariable(SATISFACTION_RATED, summary.rated());
    execution.setVariable(AVERAGE_RATING, summary.rated() ? summary.average().doubleValue() : null);
    execution.setVariable(SATISFACTION_SCORE, summary.rated() ? summary.satisfactionScore().doubleValue() : 0.0);
    // a line per indicator (up to 30 names of 200 characters) and a line per comment (any number of 500 characters):
    // more than a String variable holds
    execution.setVariable(RATING_SUMMARY, JsonValues.longText(describe(summary)));
    List<String> comments = ratings.comments(evaluationId);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < comments.size(); i++) {
      text.append(i + 1).append(". ").append(comments.get(i)).append('\n');
    }
    execution.setVariable(RATING_COMMENTS,
        JsonValues.longText(comments.isEmpty() ? "（无）" : text.toString().stripTrailing()));
  }

  /** The summary as the evaluator's form and the published result state it. */
  public static String describe(RatingSummary summary) {
    if (!summary.rated()) {
      return "评价期内没有服务对象或居民参与评价，满意度未计入。";
    }
    StringBuilder text = new StringBuilder();
    text.append("共").append(summary.ratings()).append("人参与评价（服务对象").append(summary.byCode())
        .append("人，居民").append(summary.ratings() - summary.byCode()).append("人），平均")
        .append(summary.average()).append("星，满意度得分").append(summary.satisfactionScore()).append("分。\n");
    for (RatingSummary.IndicatorAverage indicator : summary.indicators()) {
      text.append(indicator.index()).append(". ").append(indicator.name()).append("：")
          .append(indicator.ratings() == 0 ? "无人评价" : "平均" + indicator.average() + "星（" + indicator.ratings() + "人）")
          .append('\n');
    }
    return text.toString().stripTrailing();
  }
}
