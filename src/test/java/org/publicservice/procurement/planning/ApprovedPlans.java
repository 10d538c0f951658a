package org.publicservice.procurement.planning;

import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.TestIdentities;

/**
 * For tests of later features (the portal, the open data): purchases driven through the real planning stage, filed
 * by the civil affairs bureau and approved by the finance bureau, so that their plan and intention are real.
 */
public final class ApprovedPlans {

  private final ProcessEngine engine;
  private final TestIdentities officials;

  public ApprovedPlans(ProcessEngine engine) {
    this.engine = engine;
    this.officials = new TestIdentities(engine.getIdentityService()).ensureOfficials();
  }

  /** A valid elderly-care request of this budget and service name (see PurchaseRequests). */
  public static VariableMap request(String serviceName, long budget) {
    return PurchaseRequests.elderlyCare(budget).putValue(SERVICE_NAME, serviceName);
  }

  /** A request that may only go to a single source (政府采购法 art. 31 (1)). */
  public static VariableMap singleSourceRequest(String serviceName, long budget) {
    return request(serviceName, budget).putValue(SINGLE_SOURCE_GROUND, "UNIQUE_SUPPLIER")
        .putValue(SINGLE_SOURCE_JUSTIFICATION, "本市唯一具备盲文教学资质的社会组织。");
  }

  /** Files the request as a civil affairs purchaser, approves it as finance; returns the project number. */
  public String approve(VariableMap request) {
    return approve(request, PURCHASER);
  }

  /** Files the request as this purchaser (whose department buys), approves it as finance. */
  public String approve(VariableMap request, String purchaser) {
    String processInstanceId;
    String projectNumber;
    officials.actAs(purchaser);
    try {
      var purchase = engine.getFormService().submitStartForm(engine.getRepositoryService()
          .createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId(),
          request);
      processInstanceId = purchase.getId();
      projectNumber = purchase.getBusinessKey();
    } finally {
      officials.actAsNobody();
    }
    officials.actAs(FINANCE_OFFICIAL);
    try {
      var review = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey("Task_ReviewRequest").singleResult();
      engine.getTaskService().claim(review.getId(), FINANCE_OFFICIAL);
      engine.getFormService().submitTaskForm(review.getId(), SplittingReasons.asTheFormAsks(engine, review.getId(),
          Variables.createVariables().putValue(REVIEW_DECISION, DECISION_APPROVE)));
    } finally {
      officials.actAsNobody();
    }
    return projectNumber;
  }
}
