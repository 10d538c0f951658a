package org.publicservice.procurement.performance;

import static org.publicservice.procurement.performance.PerformanceVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * The phased acceptance of a milestone. Service recipients take part in the acceptance of public services and their
 * satisfaction for the period is recorded with it (实施条例第四十五条; 需求管理办法第二十四条). A request for correction
 * says what to correct and gives the organisation 10 working days for a new report.
 */
@Component
public class MilestoneAcceptanceValidator implements TaskListener {

  private final WorkingDayCalendar workingDays;
  private final PerformanceMilestones milestones;

  public MilestoneAcceptanceValidator(WorkingDayCalendar workingDays, PerformanceMilestones milestones) {
    this.workingDays = workingDays;
    this.milestones = milestones;
  }

  @Override
  public void notify(DelegateTask task) {
    milestones.refuseBeforePeriod(task, "验收");
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(ACCEPTANCE_DECISION, "验收结论", List.of(ACCEPT, CORRECT));
    form.requiredText(RECIPIENT_PARTICIPANTS, "参加验收的服务对象", 1000);
    long satisfaction = form.requiredWholeNumber(RECIPIENT_SATISFACTION, "服务对象满意度");
    if (satisfaction < 0 || satisfaction > 100) {
      throw reject(RECIPIENT_SATISFACTION, "服务对象满意度应在0至100分之间。");
    }
    if (CORRECT.equals(decision)) {
      form.requiredText(ACCEPTANCE_OPINION, "需要整改的内容", 4000);
      task.setVariable(REPORT_DUE, workingDays.after(ClockUtil.getCurrentTime(), CORRECTION_WORKING_DAYS));
    } else if (form.optionalText(ACCEPTANCE_OPINION) != null) {
      form.requiredText(ACCEPTANCE_OPINION, "验收意见", 4000);
    }
  }
}
