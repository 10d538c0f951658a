package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * Every member has signed: the report is confirmed and goes to the department, which decides the award within 5
 * working days (87号令第六十八条). The ranking and the panel leave the stage as its result. Each bidder whose bid the
 * panel declared invalid is told the ground and the reason.
 */
@Component
public class FinishReviewDelegate implements JavaDelegate {

  static final String MAIL_REPORT_CONFIRMED = "review-report-confirmed";

  private final ReviewRecords records;
  private final Notifications notifications;
  private final ReviewResultMails mails;
  private final PublicLinks links;

  public FinishReviewDelegate(ReviewRecords records, Notifications notifications, ReviewResultMails mails,
      PublicLinks links) {
    this.records = records;
    this.notifications = notifications;
    this.mails = mails;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reportId = (String) execution.getVariable(REVIEW_REPORT_ID);
    records.confirmReport(reportId);
    ReviewRecords.Report report = records.report(reportId).orElseThrow();
    long dissents = report.signatures().stream().filter(s -> !s.agrees()).count();
    execution.setVariable(REVIEW_OUTCOME, RANKED);
    notifications.toGroup(execution, (String) execution.getVariable(DEPARTMENT_GROUP), MAIL_REPORT_CONFIRMED,
        Map.of("reportId", reportId, "firstCandidate", firstCandidate(execution),
            "dissents", dissents == 0 ? "全体评审委员会成员同意评审报告。" : dissents + "名成员书面提出了不同意见，见评审报告。",
            "tasklistLink", links.tasklist()));
    mails.invalidBids(execution);
  }

  private static String firstCandidate(DelegateExecution execution) {
    return JsonValues.rows(execution.getVariable(RANKING)).stream().findFirst()
        .map(row -> String.valueOf(row.get("bidderName"))).orElse("—");
  }
}
