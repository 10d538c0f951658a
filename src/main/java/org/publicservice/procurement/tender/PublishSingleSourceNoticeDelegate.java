package org.publicservice.procurement.tender;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.purchase.Money.yuan;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/**
 * Publishes the single-source notice (单一来源采购公示, 实施条例第三十八条, 74号令第三十八条) and sets its period:
 * at least 5 working days, during which anyone may object. The period's end is what the stage's timer waits for.
 */
@Component
public class PublishSingleSourceNoticeDelegate implements JavaDelegate {

  static final int NOTICE_WORKING_DAYS = 5;

  private final DisclosureRegister register;
  private final WorkingDayCalendar workingDays;

  public PublishSingleSourceNoticeDelegate(DisclosureRegister register, WorkingDayCalendar workingDays) {
    this.register = register;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules notice = FormRules.of(execution);
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    Date published = ClockUtil.getCurrentTime();
    Date periodEnd = workingDays.after(published, NOTICE_WORKING_DAYS);

    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "采购单位", purchase.departmentName());
    line(text, "项目名称", purchase.serviceName());
    line(text, "预算金额", yuan(notice.requiredAmount(BUDGET, "预算金额")));
    line(text, "拟定唯一供应商", notice.requiredText(SUPPLIER_NAME, "供应商"));
    line(text, "供应商资质情况", notice.requiredText(SUPPLIER_QUALIFICATIONS, "供应商资质情况"));
    line(text, "采用单一来源采购的理由", notice.requiredText(SINGLE_SOURCE_JUSTIFICATION, "采用单一来源采购的理由"));
    line(text, "拟定成交价格", yuan(notice.requiredAmount(PROPOSED_PRICE, "拟定成交价格")));
    line(text, "公示期限", "自公示之日起" + NOTICE_WORKING_DAYS + "个工作日，至"
        + MINUTE_IN_WORDS.format(periodEnd.toInstant()) + "止");
    text.append("异议方式：公示期内，任何供应商、单位或个人登录平台，在“对单一来源采购提出异议”中填写项目编号与异议理由。\n");

    register.publish(purchase.projectNumber(), NoticeType.SINGLE_SOURCE_NOTICE,
        purchase.noticeTitle("单一来源采购公示"), text.toString(), purchase.departmentName(),
        execution.getProcessInstanceId());
    execution.setVariable(NOTICE_PUBLISHED_AT, published);
    execution.setVariable(OBJECTION_PERIOD_END, periodEnd);
  }
}
