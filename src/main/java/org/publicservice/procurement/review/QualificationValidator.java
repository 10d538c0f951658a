package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * The department's qualification review of every opened bid (87号令第四十四条): pass, or fail with a reason; a bidder
 * the credit check excluded fails whatever the form says. Rejects an incomplete review in Chinese and records the
 * qualified bids and, optionally, the department's representative on the panel.
 */
@Component
public class QualificationValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    List<OpenedBid> bids = OpenedBid.list(task.getVariable(OPENED_BIDS));
    List<Map<String, Object>> results = new ArrayList<>();
    List<Map<String, Object>> qualified = new ArrayList<>();
    for (int i = 1; i <= bids.size(); i++) {
      OpenedBid bid = bids.get(i - 1);
      boolean qualifies;
      String reason;
      if (Boolean.TRUE.equals(task.getVariable(qualificationExcluded(i)))) {
        qualifies = false;
        reason = "信用核查：列入禁止参加政府采购活动的名单";
      } else {
        String decision = form.optionalText(qualification(i));
        if (decision == null) {
          throw FormRules.reject(qualification(i), "请对投标" + i + "（" + bid.bidderName() + "）作出资格审查结论。");
        }
        if (!PASS.equals(decision) && !FAIL.equals(decision)) {
          throw FormRules.reject(qualification(i), "投标" + i + "的资格审查结论无效。");
        }
        qualifies = PASS.equals(decision);
        reason = form.optionalText(qualificationReason(i));
        if (!qualifies && reason == null) {
          throw FormRules.reject(qualificationReason(i),
              "投标" + i + "（" + bid.bidderName() + "）资格审查不通过，请写明理由。");
        }
        if (reason != null && reason.length() > 500) {
          throw FormRules.reject(qualificationReason(i), "投标" + i + "的理由不能超过500个字。");
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("bidId", bid.bidId());
      result.put("bidder", bid.bidder());
      result.put("bidderName", bid.bidderName());
      result.put("qualified", qualifies);
      result.put("reason", reason);
      results.add(result);
      if (qualifies) {
        qualified.add(bid.toRow());
      }
    }
    String representative = form.optionalText(REPRESENTATIVE);
    if (representative != null) {
      String group = (String) task.getVariable(DEPARTMENT_GROUP);
      IdentityService identity = task.getProcessEngineServices().getIdentityService();
      long member = SystemAccess.run(() -> identity.createUserQuery().userId(representative)
          .memberOfGroup(group).count());
      if (member == 0) {
        throw FormRules.reject(REPRESENTATIVE, "采购人代表须为本单位的工作人员。");
      }
    }
    task.setVariable(REPRESENTATIVE, representative);
    task.setVariable(QUALIFICATION_RESULTS, SpinValues.jsonValue(JsonValues.toJson(results)).create());
    task.setVariable(QUALIFIED_BIDS, SpinValues.jsonValue(JsonValues.toJson(qualified)).create());
    task.setVariable(QUALIFIED_COUNT, qualified.size());
  }
}
