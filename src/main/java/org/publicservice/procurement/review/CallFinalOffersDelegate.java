package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.tender.FinalOffers;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * After the last round every supplier still in is asked for its final offer (最后报价) by the deadline the panel set
 * (74号令第三十三条; 214号 for a consultation): a sealed call opens (tender/FinalOffers) and each supplier is
 * mailed at the same time with the link to its portal page.
 */
@Component
public class CallFinalOffersDelegate implements JavaDelegate {

  static final String MAIL = "final-offer-requested";

  private final FinalOffers finalOffers;
  private final Notifications notifications;
  private final String portalUrl;

  public CallFinalOffersDelegate(FinalOffers finalOffers, Notifications notifications,
      PublicLinks links) {
    this.finalOffers = finalOffers;
    this.notifications = notifications;
    this.portalUrl = links.page("/portal/bidder/final-offers");
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    FormRules review = FormRules.of(execution);
    List<OpenedBid> invited = ((List<String>) execution.getVariable(NEGOTIATING_BIDS)).stream()
        .map(id -> NegotiationTalkValidator.bid(execution.getVariable(VALID_BIDS), id)).toList();
    OffsetDateTime due = ((Date) execution.getVariable(FINAL_OFFER_DUE)).toInstant().atZone(ProcurementTime.ZONE)
        .toOffsetDateTime();
    BigDecimal budget = review.requiredAmount(BUDGET, "采购预算");
    long call = finalOffers.open(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        review.requiredText(SERVICE_NAME, "服务项目名称"), review.requiredText(DEPARTMENT_NAME, "采购单位"),
        review.requiredText(PROCUREMENT_METHOD, "采购方式"), budget, due,
        invited.stream().map(b -> new FinalOffers.Invitee(b.bidder(), b.bidderName(), b.bidId())).toList());
    execution.setVariable(FINAL_OFFER_CALL, call);
    for (OpenedBid bid : invited) {
      notifications.toUser(execution, bid.bidder(), MAIL, Map.of("negotiationLabel",
          execution.getVariable(NEGOTIATION_LABEL), "dueAt", ReviewRecords.MINUTE.format(due), "offerLink", portalUrl));
    }
  }
}
