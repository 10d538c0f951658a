package org.publicservice.procurement.tender;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.purchase.Money.yuan;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * Publishes the tender notice (招标公告 / 磋商公告) in the disclosure register: it states the budget (实施条例第三十条;
 * 87号令第十六条), the qualification requirements, how bids are evaluated, the deadlines and the bid bond, and how
 * registered suppliers of any type bid on the portal. The documents are available from now until the deadline.
 */
@Component
public class PublishTenderNoticeDelegate implements JavaDelegate {

  private final DisclosureRegister register;
  private final BidBox bidBox;
  private final TenderTerms terms;

  public PublishTenderNoticeDelegate(DisclosureRegister register, BidBox bidBox, TenderTerms terms) {
    this.register = register;
    this.bidBox = bidBox;
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules tender = FormRules.of(execution);
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    ProcurementMethod method = TenderRules.method(tender.requiredText(PROCUREMENT_METHOD, "采购方式"));
    OffsetDateTime deadline = OffsetDateTime.parse(tender.requiredText(BID_DEADLINE, "投标截止时间"));
    OffsetDateTime questionsUntil = OffsetDateTime.parse(tender.requiredText(CLARIFICATION_DEADLINE, "提问截止时间"));

    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "采购单位", purchase.departmentName());
    line(text, "项目名称", purchase.serviceName());
    line(text, "采购方式", method.label());
    if (tender.requiredWholeNumber(TENDER_ROUND, "招标轮次") > 1) {
      line(text, "招标轮次", "第" + tender.requiredWholeNumber(TENDER_ROUND, "招标轮次") + "轮（前次采购失败后重新组织）");
    }
    line(text, "预算金额", yuan(tender.requiredAmount(BUDGET, "预算金额")) + "（最高限价，投标报价超过预算的不予受理）");
    line(text, "服务期限", tender.requiredText(SERVICE_PERIOD_START, "服务开始日期") + " 至 "
        + tender.requiredText(SERVICE_PERIOD_END, "服务结束日期"));
    line(text, "服务区域", tender.requiredText(REGION, "服务区域"));
    if (tender.optionalText(SERVICE_DESCRIPTION) != null) {
      line(text, "服务内容", tender.optionalText(SERVICE_DESCRIPTION));
    }
    line(text, "供应商资格要求", tender.requiredText(QUALIFICATION_REQUIREMENTS, "供应商资格要求"));
    if (COMPREHENSIVE.equals(tender.requiredText(EVALUATION_METHOD, "评审方法"))) {
      StringBuilder criteria = new StringBuilder("综合评分法，价格分")
          .append(tender.requiredAmount(PRICE_WEIGHT, "价格分值").stripTrailingZeros().toPlainString()).append("分");
      for (Map<String, Object> criterion : JsonValues.rows(execution.getVariable(EVALUATION_CRITERIA))) {
        criteria.append("，").append(criterion.get("name")).append(criterion.get("maxScore")).append("分");
      }
      line(text, "评审方法", criteria.append("（满分100分）").toString());
    } else {
      line(text, "评审方法", "最低评标价法");
    }
    line(text, "投标保证金", tender.requiredAmount(BID_BOND, "投标保证金").signum() == 0 ? "不收取"
        : yuan(tender.requiredAmount(BID_BOND, "投标保证金")) + "（不接受现金形式"
            + (Boolean.TRUE.equals(execution.getVariable(BID_BOND_CONVERTIBLE))
                ? "；中标人签订合同时可以将投标保证金转为履约保证金" : "") + "）");
    TenderCall call = bidBox.call(purchase.projectNumber(), (int) tender.requiredWholeNumber(TENDER_ROUND, "招标轮次"))
        .orElseThrow().call();
    line(text, "中小企业政策", SmePolicy.noticeText(call.reservation(), call.reservationBasis(),
        call.smeDeductionPercent() == null ? SmePolicy.MIN_DEDUCTION : call.smeDeductionPercent()));
    if (Boolean.TRUE.equals(execution.getVariable(URGENT_WITHOUT_INTENTION_PERIOD))) {
      line(text, "采购意向", "因不可预见的原因急需采购，采购意向公开未满30日即发布本公告（财库〔2020〕10号），原因："
          + tender.requiredText(URGENCY_REASON, "急需采购的原因"));
    }
    line(text, "文件获取", "自本公告发布之日起至投标截止时间止，在本平台信息公开门户免费获取（不少于5个工作日）");
    line(text, "提问截止时间", MINUTE_IN_WORDS.format(questionsUntil));
    line(text, "投标截止及开标时间", MINUTE_IN_WORDS.format(deadline));
    line(text, "最少投标人数", tender.requiredWholeNumber(MINIMUM_BIDS, "最少投标人数") + "家（不足时不予开标，作废标处理）"
        + (tender.optionalText(MINIMUM_BIDS_BASIS) == null ? "" : "；依据：" + tender.optionalText(MINIMUM_BIDS_BASIS)));
    Object invited = execution.getVariable(INVITED_SUPPLIERS);
    if (invited instanceof java.util.Collection<?> suppliers && !suppliers.isEmpty()) {
      line(text, "供应商范围", "仅限受邀请的" + suppliers.size() + "家供应商"
          + (method == ProcurementMethod.INVITED_TENDER ? "（从符合资格条件的供应商名单中随机抽取，政府采购法第三十四条；名单在开标前保密）"
              : "（74号令第二十七条第二款）") + "，其他供应商的投标不予受理");
    }
    text.append("投标方式：企业、事业单位、社会组织等各类供应商不论组织形式，均可在信息公开门户免费注册（供应商注册，确认邮箱后即可投标，"
        + "无需审批），登录后在本项目页面提交电子投标文件（报价、服务方案、项目团队、资格证明材料及附件）。投标文件加密封存至开标时间，"
        + "截止前可以替换或撤回。\n");
    text.append(TenderRules.clarificationRuleText(method)).append("。\n");

    int round = (int) tender.requiredWholeNumber(TENDER_ROUND, "招标轮次");
    var notice = register.publish(purchase.projectNumber(), NoticeType.TENDER_NOTICE,
        purchase.noticeTitle(method == ProcurementMethod.OPEN_TENDER ? "招标公告" : method.label() + "公告"),
        text.toString(), purchase.departmentName(), execution.getProcessInstanceId());
    terms.record(notice.id(), bidBox.call(purchase.projectNumber(), round).orElseThrow(), null);
    // the start of the credit check's window (财库〔2016〕125号: from the notice to the bid deadline)
    execution.setVariable(TENDER_NOTICE_AT, notice.publishedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }
}
