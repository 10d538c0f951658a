package org.publicservice.procurement.tender;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.disclosure.NoticeText.yuan;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.form.FormRules;
import org.publicservice.procurement.form.JsonValues;
import org.publicservice.procurement.form.ProcurementTime;
import org.publicservice.procurement.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The opening (开标, 87号令第三十九条至第四十条): at the deadline every valid bid is unsealed; the opening record (bidder and
 * price of each bid) is published and mailed to every bidder, and the bids become the stage's result
 * ({@code openedBids}) for the review. From now on the bids are public, so they may be process variables.
 */
@Component("openBids")
public class OpenBidsDelegate implements JavaDelegate {

  static final String MAIL = "opening-record";

  private final BidBox bidBox;
  private final DisclosureRegister register;
  private final Notifications notifications;
  private final TenderTerms terms;

  public OpenBidsDelegate(BidBox bidBox, DisclosureRegister register, Notifications notifications, TenderTerms terms) {
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
    int round = (int) tender.requiredWholeNumber(TENDER_ROUND, "招标轮次");
    List<BidBox.OpenedBid> bids = bidBox.openBids(projectNumber, round);

    List<Map<String, Object>> opened = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", projectNumber);
    line(text, "项目名称", serviceName);
    line(text, "采购单位", department);
    line(text, "招标轮次", "第" + round + "轮");
    line(text, "开标时间", BidBox.MINUTE.format(ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE)));
    line(text, "预算金额", yuan(tender.requiredAmount(BUDGET, "预算金额")));
    line(text, "投标人数", bids.size() + "家");
    int index = 0;
    for (BidBox.OpenedBid bid : bids) {
      index++;
      text.append(index).append(". ").append(bid.bidderName()).append("，投标报价：").append(yuan(bid.content().price()))
          .append("，递交时间：").append(BidBox.TIME.format(bid.submittedAt())).append('\n');
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("bidId", bid.bidId());
      row.put("bidder", bid.bidder());
      row.put("bidderName", bid.bidderName());
      row.put("price", bid.content().price());
      row.put("servicePlan", bid.content().servicePlan());
      row.put("team", bid.content().team());
      row.put("qualifications", bid.content().qualifications());
      row.put("submittedAt", iso(bid.submittedAt()));
      opened.add(row);
    }
    text.append("投标文件已于开标时解密，资格审查和评审由评标委员会（磋商小组）依法进行。\n");
    var notice = register.publish(projectNumber, NoticeType.OPENING_RECORD, department + "关于" + serviceName + "的开标记录",
        text.toString(), department, execution.getProcessInstanceId());
    terms.record(notice.id(), bidBox.call(projectNumber, round).orElseThrow(), bids.size());
    execution.setVariable(OPENED_BIDS, SpinValues.jsonValue(JsonValues.toJson(opened)).create());

    Map<String, Object> model = Map.of("departmentName", department, "openingRecord", text.toString());
    for (BidBox.OpenedBid bid : bids) {
      notifications.toUser(execution, bid.bidder(), MAIL, model);
    }
  }

  static String iso(OffsetDateTime time) {
    return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
