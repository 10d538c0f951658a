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
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * Too few bids at the deadline: no opening (87号令第四十一条); the tender fails (废标, 政府采购法第三十六条). The bids are
 * returned unopened (their sealed content destroyed), the failure is published and the bidders are told.
 */
@Component
public class DeclareFailedTenderDelegate implements JavaDelegate {

  static final String MAIL = "tender-failed";

  private final BidBox bidBox;
  private final DisclosureRegister register;
  private final Notifications notifications;
  private final TenderTerms terms;
  private final PublicLinks links;

  public DeclareFailedTenderDelegate(BidBox bidBox, DisclosureRegister register, Notifications notifications,
      TenderTerms terms, PublicLinks links) {
    this.bidBox = bidBox;
    this.register = register;
    this.notifications = notifications;
    this.terms = terms;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TenderFacts facts = TenderFacts.of(execution);
    ProcurementMethod method = facts.method();
    long minimum = facts.variables().requiredWholeNumber(MINIMUM_BIDS, "最少投标人数");
    List<String> bidders = bidBox.returnUnopened(facts.projectNumber(), facts.round());
    String reason = "投标截止时提交投标文件的供应商为" + bidders.size() + "家，不足" + minimum + "家，不予开标（"
        + TenderRules.minimumSuppliers(method, Boolean.TRUE.equals(execution.getVariable(TWO_SUPPLIER_EXCEPTION)))
            .basis() + "）";

    StringBuilder text = facts.noticeHeader();
    line(text, "采购方式", method.label());
    line(text, "招标轮次", "第" + facts.round() + "轮");
    line(text, "废标理由", reason);
    text.append("已提交的投标文件未予开启，原样退回（电子投标文件已销毁）。采购单位将依法重新组织采购，另行公告。\n");
    var notice = register.publish(facts.projectNumber(), NoticeType.FAILED_TENDER, facts.noticeTitle("废标公告"),
        text.toString(), facts.department(), execution.getProcessInstanceId());
    terms.record(notice.id(), bidBox.call(facts.projectNumber(), facts.round()).orElseThrow(), bidders.size());
    execution.setVariable(FAILED_TENDER_REASON, reason);
    execution.setVariable(FAILED_TENDER_SUPPLIERS, org.publicservice.procurement.purchase.JsonValues.json(bidders));
    execution.setVariable(FAILED_TENDER_METHOD, method.name());

    Map<String, Object> model = Map.of("departmentName", facts.department(), "failedTenderReason", reason,
        "noticeLink", links.notice(notice.id()), "projectLink", links.project(facts.projectNumber()));
    for (String bidder : bidders) {
      notifications.toUser(execution, bidder, MAIL, model);
    }
  }
}
