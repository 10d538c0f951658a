package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;
import static org.publicservice.procurement.planning.PlanningVariables.DEPARTMENT_NAME;
import static org.publicservice.procurement.planning.PlanningVariables.INDICATORS;
import static org.publicservice.procurement.planning.PlanningVariables.SERVICE_NAME;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.rating.RatingProperties;
import org.publicservice.procurement.rating.ServiceRatings;
import org.publicservice.procurement.rating.ServiceRatings.NewEvaluation;
import org.springframework.stereotype.Component;

/**
 * Opens the final evaluation at the end of the service period: records it with the contract's indicators, opens
 * the public's rating window ({@code procurement.rating.window-working-days} working days) and prepares the tables
 * of the self-evaluation and the third party's evaluation, one row per indicator, as many as the request set. A stage
 * started without the contract's data is a fault of the calling process, not of a user: it fails here and shows as
 * an incident.
 */
@Component
public class OpenEvaluationDelegate implements JavaDelegate {


  private final ServiceRatings ratings;
  private final WorkingDayCalendar workingDays;
  private final RatingProperties properties;

  public OpenEvaluationDelegate(ServiceRatings ratings, WorkingDayCalendar workingDays, RatingProperties properties) {
    this.ratings = ratings;
    this.workingDays = workingDays;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules in = FormRules.of(execution);
    List<String> indicators = indicatorLines(in.rows(INDICATORS));
    if (indicators.isEmpty()) {
      throw new IllegalStateException("EvaluationStage needs the indicators of the request");
    }
    String contractor = required(in, CONTRACTOR);
    OffsetDateTime opens = ProcurementTime.now();
    Date closes = workingDays.after(ClockUtil.getCurrentTime(), properties.windowWorkingDays());
    long evaluationId = ratings.open(new NewEvaluation(execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(), in.optionalText(CONTRACT_ID), contractor,
        in.optionalText(CONTRACTOR_NAME) == null ? contractor : in.optionalText(CONTRACTOR_NAME),
        required(in, SERVICE_NAME), required(in, DEPARTMENT_NAME), indicators, opens,
        closes.toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime()));

    execution.setVariable(EVALUATION_ID, evaluationId);
    execution.setVariable(SELF_EVALUATION, IndicatorScores.emptyTable(indicators, SELF_VALUE, SELF_SCORE));
    execution.setVariable(THIRD_PARTY_SCORES, IndicatorScores.emptyTable(indicators, THIRD_PARTY_SCORE));
    execution.setVariable(RATING_WINDOW_END, closes);
    execution.setVariable(RATING_WINDOW_END_TEXT, MINUTE_IN_WORDS.format(closes.toInstant()));
    execution.setVariable(RATING_LINK, ratings.ratingLink(execution.getProcessBusinessKey()));
  }

  /** "name（目标：target）" for each indicator of the plan, as the forms and the rating page show it. */
  static List<String> indicatorLines(List<Map<String, Object>> rows) {
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object name = row.get("name");
      Object target = row.get("target");
      if (name == null || name.toString().isBlank()) {
        throw new IllegalStateException("indicator without name: " + row);
      }
      lines.add(target == null || target.toString().isBlank() ? name.toString().strip()
          : name.toString().strip() + "（目标：" + target.toString().strip() + "）");
    }
    return lines;
  }

  private static String required(FormRules in, String variable) {
    String value = in.optionalText(variable);
    if (value == null) {
      throw new IllegalStateException("EvaluationStage started without variable " + variable);
    }
    return value;
  }
}
