package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The department's qualification review of every opened bid (87号令第四十四条): pass, or fail with a reason; a bidder
 * the credit check excluded fails whatever the form says. The form is a table with one row per opened bid
 * ({@code qualificationSheet}), matched by position with the opened bids. Rejects an incomplete review in Chinese,
 * naming the bid and the field, and records the qualified bids and, optionally, the department's representative on
 * the panel.
 */
@Component
public class QualificationValidator implements TaskListener {

  public static final int MAX_REASON = 500;

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    List<OpenedBid> bids = OpenedBid.list(task.getVariable(OPENED_BIDS));
    Set<String> excluded = JsonValues.rows(task.getVariable(CREDIT_CHECKS)).stream()
        .filter(check -> CheckBidderCreditDelegate.EXCLUDED.equals(check.get("outcome")))
        .map(check -> String.valueOf(check.get("bidId"))).collect(Collectors.toSet());
    FormList sheet = FormList.of(task, QUALIFICATION_SHEET, "资格审查表").sameRowsAs(bids.size());
    List<Map<String, Object>> results = new ArrayList<>();
    List<Map<String, Object>> qualified = new ArrayList<>();
    for (int i = 0; i < bids.size(); i++) {
      OpenedBid bid = bids.get(i);
      boolean qualifies;
      String reason;
      if (excluded.contains(bid.bidId())) {
        qualifies = false;
        reason = "信用核查：列入禁止参加政府采购活动的名单";
      } else {
        FormList.Row row = sheet.row(i, "投标" + (i + 1) + "（" + bid.bidderName() + "）");
        qualifies = PASS.equals(row.requiredChoice(QUALIFICATION, "资格审查结论", List.of(PASS, FAIL)));
        reason = row.optionalText(QUALIFICATION_REASON, "不通过的理由", MAX_REASON);
        if (!qualifies && reason == null) {
          throw row.reject("资格审查不通过，请填写不通过的理由。");
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
