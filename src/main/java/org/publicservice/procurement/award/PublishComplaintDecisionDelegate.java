package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.disclosure.NoticeText.line;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.contract.SigningHolds;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/**
 * Files finance's decision with the complaint and publishes it (实施条例第五十八条第二款, 94号令第三十四条: complaint
 * decisions are published on the designated media; 101号令第三条), with what the decision must state (94号令第三十三条:
 * facts, decision and basis, the right to administrative review or suit).
 */
@Component
public class PublishComplaintDecisionDelegate implements JavaDelegate {

  private final DisclosureRegister register;
  private final DisputeRecords records;
  private final Notifications notifications;
  private final SigningHolds holds;

  public PublishComplaintDecisionDelegate(DisclosureRegister register, DisputeRecords records,
      Notifications notifications, SigningHolds holds) {
    this.register = register;
    this.records = records;
    this.notifications = notifications;
    this.holds = holds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules complaint = FormRules.of(execution);
    String projectNumber = execution.getProcessBusinessKey();
    String decision = complaint.requiredText(COMPLAINT_DECISION, "处理结论");
    String remedy = complaint.optionalText(COMPLAINT_REMEDY);
    String reasons = complaint.requiredText(COMPLAINT_DECISION_TEXT, "处理理由");
    records.recordDecision(complaint.requiredText(COMPLAINT_ID, "投诉编号"), decision, remedy, reasons,
        Challenges.offset(ClockUtil.getCurrentTime()));
    // finance has decided what the challenge raised: a challenge still unanswered holds the signing no longer
    holds.release(Challenges.holdId(complaint.requiredText(CHALLENGE_ID, "质疑编号")));

    String finance = notifications.groupName(Groups.FINANCE);
    String serviceName = complaint.optionalText("serviceName");
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", projectNumber);
    line(text, "项目名称", serviceName == null ? "—" : serviceName);
    line(text, "采购单位", String.valueOf(execution.getVariable(PurchaseIdentity.DEPARTMENT_NAME)));
    line(text, "投诉人", complaint.requiredText(COMPLAINANT_NAME, "投诉人"));
    line(text, "投诉事项", complaint.requiredText(COMPLAINT_GROUNDS, "投诉事项"));
    String remedyName = remedy == null ? "" : Remedies.LABELS.get(remedy);
    execution.setVariable(COMPLAINT_REMEDY_NAME, remedyName);
    line(text, "质疑对象", String.valueOf(execution.getVariable(CHALLENGE_SUBJECT_NAME)));
    line(text, "处理结果", UPHELD.equals(decision) ? "投诉事项成立：" + remedyName
        : "投诉事项缺乏事实依据，驳回投诉（财政部令第94号第二十九条）");
    line(text, "处理理由", reasons);
    Object statement = execution.getVariable(DEPARTMENT_STATEMENT);
    line(text, "被投诉人说明", statement == null
        ? "采购单位未在规定期限内作出书面说明，视同放弃说明权利（财政部令第94号第二十五条）" : "已于规定期限内作出书面说明");
    if (Boolean.TRUE.equals(execution.getVariable(SUSPEND_PROCUREMENT))) {
      line(text, "暂停采购活动", "处理期间曾暂停采购活动，现已恢复");
    }
    line(text, "救济途径", "投诉人对处理决定不服的，可依法申请行政复议或者向人民法院提起行政诉讼（政府采购法第五十八条）。");
    register.publish(projectNumber, NoticeType.COMPLAINT_DECISION,
        finance + "关于" + (serviceName == null ? projectNumber : serviceName) + "投诉的处理决定", text.toString(),
        finance, execution.getProcessInstanceId());
  }
}
