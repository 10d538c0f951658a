package org.publicservice.procurement.tender;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PurchaseIdentity;

/**
 * What every step of a tender round publishes about: the project, its department and service, the method in force
 * and the round, read once from the stage's variables.
 */
record TenderFacts(FormRules variables, String projectNumber, String department, String serviceName,
    ProcurementMethod method, int round) {

  static TenderFacts of(DelegateExecution execution) {
    FormRules tender = FormRules.of(execution);
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    return new TenderFacts(tender, purchase.projectNumber(), purchase.departmentName(), purchase.serviceName(),
        TenderRules.method(tender.requiredText(PROCUREMENT_METHOD, "采购方式")),
        (int) tender.requiredWholeNumber(TENDER_ROUND, "招标轮次"));
  }

  /** The first lines of the round's notices after the tender notice: which project they concern. */
  StringBuilder noticeHeader() {
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", projectNumber);
    line(text, "项目名称", serviceName);
    line(text, "采购单位", department);
    return text;
  }

  /** A notice's title as the department publishes it, e.g. "南通市民政局关于…的开标记录". */
  String noticeTitle(String kind) {
    return new PurchaseIdentity(projectNumber, department, serviceName).noticeTitle(kind);
  }
}
