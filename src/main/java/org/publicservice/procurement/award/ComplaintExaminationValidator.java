package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Finance's examination of a complaint within 5 working days (94号令第二十一条): a complaint lacking what 第十八条 asks
 * is sent back once for completion (补正) with the points to complete and a reasonable period; one that fails the
 * conditions of 第十九条 (no prior challenge, out of time, already handled, not this bureau's) is refused
 * (不予受理) with reasons; otherwise it is accepted, and finance decides whether the procurement is suspended
 * meanwhile (政府采购法第五十七条, 94号令第二十八条: at most 30 days, ending by itself).
 */
@Component
public class ComplaintExaminationValidator implements TaskListener {

  static final int MAX_COMPLETION_DAYS = 15;

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String examination = form.requiredChoice(COMPLAINT_EXAMINATION, "审查结论",
        Set.of(ACCEPT, REQUEST_COMPLETION, NOT_ADMISSIBLE));
    switch (examination) {
      case REQUEST_COMPLETION -> {
        if (task.getVariable(COMPLETION_TEXT) != null) {
          throw reject(COMPLAINT_EXAMINATION, "补正通知应一次性发出（财政部令第94号第二十一条）；投诉人已补正，请受理或不予受理。");
        }
        form.requiredText(COMPLETION_REQUEST, "需要补正的事项", 2000);
        long days = form.requiredWholeNumber(COMPLETION_DAYS, "补正期限（工作日）");
        if (days < 1 || days > MAX_COMPLETION_DAYS) {
          throw reject(COMPLETION_DAYS, "补正期限应为1至" + MAX_COMPLETION_DAYS + "个工作日。");
        }
      }
      case NOT_ADMISSIBLE -> form.requiredText(NOT_ADMISSIBLE_REASON, "不予受理的理由", 2000);
      default -> {
        Object suspend = task.getVariable(SUSPEND_PROCUREMENT);
        if (suspend == null || suspend.toString().isBlank()) {
          throw reject(SUSPEND_PROCUREMENT, "请选择是否暂停采购活动。");
        }
        if (!(suspend instanceof Boolean) && !"true".equals(suspend.toString()) && !"false".equals(suspend.toString())) {
          throw reject(SUSPEND_PROCUREMENT, "是否暂停采购活动的选项无效。");
        }
        task.setVariable(SUSPEND_PROCUREMENT, form.flag(SUSPEND_PROCUREMENT));
      }
    }
  }
}
