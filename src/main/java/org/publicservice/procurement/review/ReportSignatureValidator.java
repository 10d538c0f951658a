package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * A panel member signs the report: agrees, or disagrees and states the dissent in writing; a dissent without
 * reasons is refused, since an unwritten dissent counts as agreement (实施条例第四十一条).
 */
@Component
public class ReportSignatureValidator implements TaskListener {

  private final ReviewRecords records;

  public ReportSignatureValidator(ReviewRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      TaskFields.declareLocal(task, List.of(REPORT_AGREEMENT, REPORT_DISSENT));
      return;
    }
    FormRules form = FormRules.of(task);
    String agreement = form.requiredChoice(REPORT_AGREEMENT, "对评审报告的意见", List.of(AGREE, DISSENT));
    String dissent = form.optionalText(REPORT_DISSENT);
    if (DISSENT.equals(agreement) && dissent == null) {
      throw FormRules.reject(REPORT_DISSENT, "持不同意见的，请书面写明不同意见和理由；否则视为同意评审报告。");
    }
    if (dissent != null && dissent.length() > 2000) {
      throw FormRules.reject(REPORT_DISSENT, "不同意见不能超过2000个字。");
    }
    records.sign((String) task.getVariable(REVIEW_REPORT_ID), task.getAssignee(), AGREE.equals(agreement),
        DISSENT.equals(agreement) ? dissent : null);
  }
}
