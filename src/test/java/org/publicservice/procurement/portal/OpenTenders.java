package org.publicservice.procurement.portal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.form.ProcurementTime;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.publicservice.procurement.tender.BidBox;

/**
 * Tenders taking bids, for the portal's tests: a purchase approved through the real planning stage, then its call
 * published through the tender stage's bid box API, as the stage's step that issues the tender documents does.
 */
final class OpenTenders {

  static final String DEPARTMENT = "南通市民政局";
  static final String QUALIFICATIONS = "具有民政部门登记的社会组织法人资格；近三年无重大违法记录。";

  private final ProcessEngine engine;
  private final BidBox bidBox;

  OpenTenders(ProcessEngine engine, BidBox bidBox) {
    this.engine = engine;
    this.bidBox = bidBox;
  }

  /** Approves a purchase of this service and budget and opens its call; returns the project number. */
  String open(String serviceName, long budget, Duration untilBidDeadline, Duration untilClarificationDeadline) {
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(serviceName, budget));
    String purchase = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(projectNumber).orderByProcessInstanceStartTime().asc().list().get(0).getId();
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
    bidBox.openCall(projectNumber, purchase, serviceName, DEPARTMENT, "COMPETITIVE_CONSULTATION",
        BigDecimal.valueOf(budget), now.plus(untilBidDeadline), now.plus(untilClarificationDeadline), QUALIFICATIONS);
    return projectNumber;
  }
}
