package org.publicservice.procurement.tender;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.purchase.Money.yuan;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;
import static org.publicservice.procurement.purchase.ProcurementTime.SECOND_IN_WORDS;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.review.OpenedBid;
import org.springframework.stereotype.Component;

/**
 * The opening (开标, 87号令第三十九条至第四十条): at the deadline every valid bid is unsealed; the opening record (bidder and
 * price of each bid) is published and mailed to every bidder, and the bids become the stage's result
 * ({@code openedBids}) for the review. From now on the bids are public, so they may be process variables.
 */
@Component
public class OpenBidsDelegate implements JavaDelegate {

  static final String MAIL = "opening-record";

  private final BidBox bidBox;
  private final DisclosureRegister register;
  private final Notifications notifications;
  private final TenderTerms terms;
  private final PublicLinks links;

  public OpenBidsDelegate(BidBox bidBox, DisclosureRegister register, Notifications notifications, TenderTerms terms,
      PublicLinks links) {
    this.bidBox = bidBox;
    this.register = register;
    this.notifications = notifications;
    this.terms = terms;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TenderFacts facts = TenderFacts.of(execution);
    List<BidBox.UnsealedBid> bids = bidBox.openBids(facts.projectNumber(), facts.round());

    List<OpenedBid> opened = new ArrayList<>();
    StringBuilder text = facts.noticeHeader();
    line(text, "招标轮次", "第" + facts.round() + "轮");
    line(text, "开标时间", MINUTE_IN_WORDS.format(ClockUtil.getCurrentTime().toInstant()));
    line(text, "预算金额", yuan(facts.variables().requiredAmount(BUDGET, "预算金额")));
    line(text, "投标人数", bids.size() + "家");
    int index = 0;
    Object bondAmount = execution.getVariable(TenderVariables.BID_BOND);
    boolean bondAsked = bondAmount != null && new BigDecimal(bondAmount.toString()).signum() > 0;
    for (BidBox.UnsealedBid bid : bids) {
      index++;
      text.append(index).append(". ").append(bid.bidderName()).append("，投标报价：").append(yuan(bid.content().price()))
          .append("，递交时间：").append(SECOND_IN_WORDS.format(bid.submittedAt())).append('\n');
      // the 中小企业声明函 and the price deduction it earns (财库〔2020〕46号第九条、第十一条), for the review's ranking;
      // how the bid bond was lodged, for the compliance review (87号令第六十三条第一项) and the bond's refund
      String bond = null;
      if (bondAsked) {
        String lodged = new BidBond.Lodged(bid.content().bondForm(), bid.content().bondReference()).text();
        bond = lodged.isEmpty() ? BidBond.NOT_STATED : lodged;
      }
      opened.add(new OpenedBid(bid.bidId(), bid.bidder(), bid.bidderName(), bid.content().price(),
          bid.content().servicePlan(), bid.content().team(), bid.content().qualifications(), iso(bid.submittedAt()),
          bid.content().smeDeclaration(), bid.smeDeductionPercent(), bond));
    }
    text.append("投标文件已于开标时解密，资格审查和评审由评标委员会（磋商小组）依法进行。\n");
    var notice = register.publish(facts.projectNumber(), NoticeType.OPENING_RECORD, facts.noticeTitle("开标记录"),
        text.toString(), facts.department(), execution.getProcessInstanceId());
    terms.record(notice.id(), bidBox.call(facts.projectNumber(), facts.round()).orElseThrow(), bids.size());
    execution.setVariable(OPENED_BIDS, OpenedBid.json(opened));

    Map<String, Object> model = Map.of("departmentName", facts.department(), "openingRecord", text.toString(),
        "noticeLink", links.notice(notice.id()), "projectLink", links.project(facts.projectNumber()));
    for (BidBox.UnsealedBid bid : bids) {
      notifications.toUser(execution, bid.bidder(), MAIL, model);
    }
  }

  static String iso(OffsetDateTime time) {
    return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
