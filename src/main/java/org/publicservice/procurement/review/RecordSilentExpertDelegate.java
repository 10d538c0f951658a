package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An expert who did not declare by the deadline gives up the seat; a new draw replaces him. */
@Component
public class RecordSilentExpertDelegate implements JavaDelegate {

  private final ReviewRecords records;

  public RecordSilentExpertDelegate(ReviewRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long drawId = ((Number) execution.getVariable(PANEL_DRAW_ID)).longValue();
    records.answerPick(drawId, (String) execution.getVariable(EXPERT), ReviewRecords.NO_ANSWER, null);
  }
}
