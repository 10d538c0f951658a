package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.springframework.stereotype.Component;

/** Opens a new round of the project in the sealed bid box: social organisations can bid until the deadline. */
@Component
public class OpenBidCallDelegate implements JavaDelegate {

  private final BidBox bidBox;

  public OpenBidCallDelegate(BidBox bidBox) {
    this.bidBox = bidBox;
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
    execution.setVariable(TENDER_ROUND, (long) round);
    execution.removeVariable(OPENED_BIDS);
    execution.removeVariable(BID_COUNT);
  }
}
