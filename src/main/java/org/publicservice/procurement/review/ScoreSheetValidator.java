package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * A panel member's score sheet: every valid bid on every criterion of the tender documents (87号令第五十五条). The
 * score fields are local to the member's instance from the task's creation, and on completion the scores move into
 * table review_score, never into a process variable: no member sees another's scores before all have scored. A missing
 * score, or one outside the criterion's range, is refused in Chinese and nothing is stored.
 */
@Component
public class ScoreSheetValidator implements TaskListener {

  private final ReviewRecords records;

  public ScoreSheetValidator(ReviewRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    List<OpenedBid> bids = OpenedBid.list(task.getVariable(VALID_BIDS));
    List<Criterion> criteria = Criterion.list(task.getVariable(EVALUATION_CRITERIA));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      List<String> fields = new ArrayList<>();
      for (int b = 1; b <= bids.size(); b++) {
        for (int c = 1; c <= criteria.size(); c++) {
          fields.add(score(b, c));
        }
      }
      TaskFields.declareLocal(task, fields);
      return;
    }
    FormRules form = FormRules.of(task);
    BigDecimal[][] sheet = new BigDecimal[bids.size()][criteria.size()];
    for (int b = 1; b <= bids.size(); b++) {
      for (int c = 1; c <= criteria.size(); c++) {
        Criterion criterion = criteria.get(c - 1);
        String where = "投标" + b + "（" + bids.get(b - 1).bidderName() + "）的“" + criterion.name() + "”";
        String field = score(b, c);
        if (TaskFields.submitted(task, field) == null) {
          throw FormRules.reject(field, "请填写" + where + "评分。");
        }
        BigDecimal score = form.requiredAmount(field, where + "评分");
        if (score.signum() < 0 || score.compareTo(criterion.maxScore()) > 0) {
          throw FormRules.reject(field, where + "评分须在0至" + SeatReviewPanelDelegate.plain(criterion.maxScore())
              + "分之间。");
        }
        if (score.stripTrailingZeros().scale() > 2) {
          throw FormRules.reject(field, where + "评分最多保留两位小数。");
        }
        sheet[b - 1][c - 1] = score;
      }
    }
    List<String> fields = new ArrayList<>();
    for (int b = 0; b < bids.size(); b++) {
      for (int c = 0; c < criteria.size(); c++) {
        records.replaceScores(task.getProcessInstanceId(), task.getAssignee(), bids.get(b).bidId(), c + 1,
            criteria.get(c).name(), sheet[b][c]);
        fields.add(score(b + 1, c + 1));
      }
    }
    // the member's instance waits for the others until all have scored; its copy of the sheet must not
    task.getExecution().removeVariablesLocal(fields);
  }
}
