package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * Opens a new round of the project in the sealed bid box: social organisations can bid until the deadline. When
 * the round is for invited suppliers only (邀请招标; the negotiation with the two suppliers of a failed open tender,
 * 74号令第二十七条第二款), only they may bid, and each receives its invitation (投标邀请书) at the same time
 * (87号令第十四条第五款).
 */
@Component
public class OpenBidCallDelegate implements JavaDelegate {

  static final String MAIL_INVITATION = "tender-invitation";

  private final BidBox bidBox;
  private final Notifications notifications;
  private final PublicLinks links;

  public OpenBidCallDelegate(BidBox bidBox, Notifications notifications, PublicLinks links) {
    this.bidBox = bidBox;
    this.notifications = notifications;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules tender = FormRules.of(execution);
    int round = bidBox.openCall(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        tender.requiredText(SERVICE_NAME, "服务项目名称"), tender.requiredText(DEPARTMENT_NAME, "采购单位"),
        tender.requiredText(PROCUREMENT_METHOD, "采购方式"), tender.requiredAmount(BUDGET, "预算金额"),
        OffsetDateTime.parse(tender.requiredText(BID_DEADLINE, "投标截止时间")),
        OffsetDateTime.parse(tender.requiredText(CLARIFICATION_DEADLINE, "提问截止时间")),
        tender.requiredText(QUALIFICATION_REQUIREMENTS, "供应商资格要求"),
        tender.requiredText(EVALUATION_METHOD, "评审方法"));
    String reservation = tender.optionalText(SME_RESERVATION) == null ? SmePolicy.NONE
        : tender.optionalText(SME_RESERVATION);
    bidBox.recordSmePolicy(execution.getProcessBusinessKey(), round, reservation,
        tender.optionalText(RESERVATION_BASIS), SmePolicy.NONE.equals(reservation)
            ? (tender.optionalText(SME_DEDUCTION) == null ? SmePolicy.MIN_DEDUCTION
                : tender.requiredAmount(SME_DEDUCTION, "小微企业价格扣除比例"))
            : BigDecimal.ZERO);
    bidBox.recordBidBond(execution.getProcessBusinessKey(), round, tender.requiredAmount(BID_BOND, "投标保证金"),
        Boolean.TRUE.equals(execution.getVariable(BID_BOND_CONVERTIBLE)));
    execution.setVariable(TENDER_ROUND, (long) round);
    @SuppressWarnings("unchecked")
    List<String> invited = (List<String>) execution.getVariable(INVITED_SUPPLIERS);
    if (invited != null && !invited.isEmpty()) {
      bidBox.invite(execution.getProcessBusinessKey(), round, invited);
      ProcurementMethod method = TenderRules.method(tender.requiredText(PROCUREMENT_METHOD, "采购方式"));
      for (String supplier : invited) {
        notifications.toUser(execution, supplier, MAIL_INVITATION, Map.of(
            "departmentName", tender.requiredText(DEPARTMENT_NAME, "采购单位"), "method", method.label(),
            "bidDeadline", ProcurementTime.MINUTE_IN_WORDS.format(
                OffsetDateTime.parse(tender.requiredText(BID_DEADLINE, "投标截止时间"))),
            "tenderLink", links.page("/portal/bidder/tenders/" + execution.getProcessBusinessKey())));
      }
    }
    execution.removeVariable(OPENED_BIDS);
    execution.removeVariable(BID_COUNT);
  }
}
