package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * A panel member's score sheet: every valid bid on every criterion of the tender documents (87号令第五十五条), as
 * many of each as the tender has. On creation the sheet (one row per bid, one nested row per criterion, scores
 * empty) is put on the member's instance of the multi-instance, so his submission lands there too, out of the
 * other members' sight. On completion the scores move into table review_score, never into a process variable: no
 * member sees another's scores before all have scored. A missing score, or one outside the criterion's range, is
 * refused in Chinese and nothing is stored.
 */
@Component
public class ScoreSheetValidator implements TaskListener {

  static final int SCORE_DECIMALS = 2;

  private final ReviewRecords records;

  public ScoreSheetValidator(ReviewRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    List<OpenedBid> bids = OpenedBid.list(task.getVariable(VALID_BIDS));
    List<Criterion> criteria = Criterion.list(task.getVariable(EVALUATION_CRITERIA));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().setVariableLocal(SCORE_SHEET,
          SpinValues.jsonValue(JsonValues.toJson(emptySheet(bids, criteria))).create());
      return;
    }
    FormList sheet = FormList.of(task.getExecution().getVariableLocal(SCORE_SHEET), SCORE_SHEET, "评分表")
        .sameRowsAs(bids.size());
    List<ReviewRecords.Score> scores = new ArrayList<>();
    for (int b = 0; b < bids.size(); b++) {
      OpenedBid bid = bids.get(b);
      FormList bidScores = sheet.row(b, "投标" + (b + 1) + "（" + bid.bidderName() + "）")
          .list(SHEET_SCORES, "的评分").sameRowsAs(criteria.size());
      for (int c = 0; c < criteria.size(); c++) {
        Criterion criterion = criteria.get(c);
        BigDecimal score = bidScores.row(c, "投标" + (b + 1) + "（" + bid.bidderName() + "）的“" + criterion.name()
            + "”").requiredNumber(SCORE, "评分", BigDecimal.ZERO, criterion.maxScore(), "分", SCORE_DECIMALS);
        scores.add(new ReviewRecords.Score(bid.bidId(), c + 1, criterion.name(), score));
      }
    }
    records.replaceSheet(task.getProcessInstanceId(), task.getAssignee(), scores);
    // the member's instance waits for the others until all have scored; its copy of the sheet must not
    task.getExecution().removeVariableLocal(SCORE_SHEET);
  }

  /** The rows the form shows: each bid with what the panel reads of it, each criterion with its maximum. */
  static List<Map<String, Object>> emptySheet(List<OpenedBid> bids, List<Criterion> criteria) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (OpenedBid bid : bids) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("bidderName", bid.bidderName());
      row.put("price", Money.yuan(bid.price()));
      row.put("servicePlan", orDash(bid.servicePlan()));
      row.put("team", orDash(bid.team()));
      List<Map<String, Object>> scores = new ArrayList<>();
      for (Criterion criterion : criteria) {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("criterion", criterion.name());
        score.put("maxScore", criterion.maxScore());
        score.put(SCORE, null);
        scores.add(score);
      }
      row.put(SHEET_SCORES, scores);
      rows.add(row);
    }
    return rows;
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "—" : text;
  }
}
