package org.publicservice.procurement.tender;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.form.FormRules;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.springframework.stereotype.Component;

/**
 * Too few bids at the deadline: no opening (87号令第四十一条); the tender fails (废标, 政府采购法第三十六条). The bids are
 * returned unopened (their sealed content destroyed), the failure is published and the bidders are told.
 */
@Component("declareFailedTender")
public class DeclareFailedTenderDelegate implements JavaDelegate {

  static final String MAIL = "tender-failed";

  private final BidBox bidBox;
  private final DisclosureRegister register;
  private final Notifications notifications;
  private final TenderTerms terms;

  public DeclareFailedTenderDelegate(BidBox bidBox, DisclosureRegister register, Notifications notifications,
      TenderTerms terms) {
    this.bidBox = bidBox;
    this.register = register;
    this.notifications = notifications;
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules tender = FormRules.of(execution);
    String projectNumber = execution.getProcessBusinessKey();
    String department = tender.requiredText(DEPARTMENT_NAME, "采购单位");
    String serviceName = tender.requiredText(SERVICE_NAME, "服务项目名称");
    ProcurementMethod method = TenderRules.method(tender.requiredText(PROCUREMENT_METHOD, "采购方式"));
    int round = (int) tender.requiredWholeNumber(TENDER_ROUND, "招标轮次");
    long minimum = tender.requiredWholeNumber(MINIMUM_BIDS, "最少投标人数");
    List<String> bidders = bidBox.returnUnopened(projectNumber, round);
    String reason = "投标截止时提交投标文件的供应商为" + bidders.size() + "家，不足" + minimum + "家，不予开标（"
        + (method == ProcurementMethod.OPEN_TENDER ? "87号令第四十一条" : "财库〔2015〕124号") + "）";

    StringBuilder text = new StringBuilder();
    line(text, "项目编号", projectNumber);
    line(text, "项目名称", serviceName);
    line(text, "采购单位", department);
    line(text, "采购方式", method.label());
    line(text, "招标轮次", "第" + round + "轮");
    line(text, "废标理由", reason);
    text.append("已提交的投标文件未予开启，原样退回（电子投标文件已销毁）。采购单位将依法重新组织采购，另行公告。\n");
    var notice = register.publish(projectNumber, NoticeType.FAILED_TENDER, department + "关于" + serviceName + "的废标公告",
        text.toString(), department, execution.getProcessInstanceId());
    terms.record(notice.id(), bidBox.call(projectNumber, round).orElseThrow(), bidders.size());
    execution.setVariable(FAILED_TENDER_REASON, reason);

    Map<String, Object> model = Map.of("departmentName", department, "failedTenderReason", reason);
    for (String bidder : bidders) {
      notifications.toUser(execution, bidder, MAIL, model);
    }
  }
}
