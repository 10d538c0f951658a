package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Finance accepts the complaint and decides whether the procurement is suspended meanwhile; a suspension lasts at
 * most 30 days (政府采购法第五十七条: "暂停采购活动，但暂停时间最长不得超过三十日"), after which it ends by itself.
 */
@Component
public class ComplaintAcceptanceValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object suspend = task.getVariable(SUSPEND_PROCUREMENT);
    if (suspend == null || suspend.toString().isBlank()) {
      throw reject(SUSPEND_PROCUREMENT, "请选择是否暂停采购活动。");
    }
    if (!(suspend instanceof Boolean) && !"true".equals(suspend.toString()) && !"false".equals(suspend.toString())) {
      throw reject(SUSPEND_PROCUREMENT, "是否暂停采购活动的选项无效。");
    }
    task.setVariable(SUSPEND_PROCUREMENT, FormRules.of(task).flag(SUSPEND_PROCUREMENT));
    task.setVariable(SUSPENSION_ENDS, Date.from(ClockUtil.getCurrentTime().toInstant().plus(30, ChronoUnit.DAYS)));
  }
}
