package org.publicservice.procurement.planning;

import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/**
 * Checks the finance bureau's decision on a request: a return or a rejection must say why, because the
 * department has to act on it (and a rejection is an administrative decision that needs its reasons); approving a
 * request flagged as possible splitting ({@link SplittingCheckListener}, 实施条例第二十八条) needs a reason too. The
 * bureau may also set or clear the flags that call for a panel of 7 (technically complex, high social impact).
 */
@Component
public class ReviewDecisionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    String decision = form.requiredChoice(REVIEW_DECISION, "审核结论",
        Set.of(DECISION_APPROVE, DECISION_RETURN, DECISION_REJECT));
    String comment = form.optionalText(REVIEW_COMMENT);
    if (DECISION_RETURN.equals(decision) && comment == null) {
      throw reject(REVIEW_COMMENT, "退回修改时请填写退回理由。");
    }
    if (DECISION_REJECT.equals(decision) && comment == null) {
      throw reject(REVIEW_COMMENT, "不予批准时请填写理由。");
    }
    if (DECISION_APPROVE.equals(decision) && Boolean.TRUE.equals(task.getVariable(SPLITTING_SUSPECTED))) {
      String reason = form.optionalText(SPLITTING_APPROVAL_REASON);
      if (reason == null || reason.length() < 6) {
        throw reject(SPLITTING_APPROVAL_REASON, "本申请与本单位同年度同类别的其他项目合计达到公开招标数额标准，可能属于化整为零规避公开招标"
            + "（政府采购法实施条例第二十八条）。批准前请写明理由，例如项目预算调整或经批准采用公开招标以外的方式；否则请退回修改。");
      }
      if (reason.length() > 2000) {
        throw reject(SPLITTING_APPROVAL_REASON, "批准理由不能超过2000个字。");
      }
    }
    if (comment != null && comment.length() > 2000) {
      throw reject(REVIEW_COMMENT, "审核意见不能超过2000个字。");
    }
    task.setVariable(REVIEWER, decidingOfficial(task));
    // the bureau may correct the department's flags for a panel of 7 (87号令第四十七条第二款)
    task.setVariable(TECHNICALLY_COMPLEX, form.flag(TECHNICALLY_COMPLEX));
    task.setVariable(HIGH_SOCIAL_IMPACT, form.flag(HIGH_SOCIAL_IMPACT));
  }

  /** Who decided is part of the file: Tasklist completes as the assignee, the REST API as the caller. */
  private static String decidingOfficial(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw reject(null, "无法确认审核人，请先认领任务后再提交。");
    }
    return caller.getUserId();
  }
}
