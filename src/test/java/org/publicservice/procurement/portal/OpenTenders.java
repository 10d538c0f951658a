package org.publicservice.procurement.portal;

import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.ProcurementIntentions;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.tender.CriteriaTable;

/**
 * Tenders taking bids, for the portal's tests: a real TenderStage started as the main process starts it (its IN
 * variables, the project number as business key), whose tender documents the civil affairs purchaser issues through
 * its Tasklist form; the stage then publishes the tender notice and opens the call in the bid box.
 *
 * <p>The engine clock stands at {@link #ISSUED} afterwards (tests reset it): the documents' statutory periods are
 * counted from it.
 */
final class OpenTenders {

  /** A Thursday morning in Beijing, when the documents are issued. */
  static final ZonedDateTime ISSUED = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  /** The bid deadline: a Monday 25 days later (open tender: at least 20 days, 政府采购法第三十五条). */
  static final ZonedDateTime DEADLINE = ZonedDateTime.of(2026, 12, 28, 9, 30, 0, 0, ProcurementTime.ZONE);
  /** Questions are taken until the end of this day. */
  static final ZonedDateTime CLARIFICATION_END = ZonedDateTime.of(2026, 12, 14, 23, 59, 0, 0, ProcurementTime.ZONE);
  static final String DEPARTMENT = "南通市民政局";
  static final String QUALIFICATIONS = "具有民政部门登记的社会组织法人资格；近三年无重大违法记录。";

  /** Project numbers of their own, apart from the planning stage's sequence and the tender tests' numbers. */
  private static final AtomicInteger NEXT = new AtomicInteger(7000 + (int) (System.nanoTime() % 500));

  private final ProcessEngine engine;
  private final TestIdentities people;

  OpenTenders(ProcessEngine engine) {
    this.engine = engine;
    this.people = new TestIdentities(engine.getIdentityService()).ensureOfficials();
  }

  /** Starts the stage for this service and budget (open tender) and issues its documents; the project number. */
  String open(String serviceName, long budget) {
    ClockUtil.setCurrentTime(Date.from(ISSUED.toInstant()));
    String projectNumber = "NT-2026-" + NEXT.incrementAndGet();
    ProcurementIntentions.publishedBefore(engine, projectNumber, ISSUED);
    ProcessInstance stage = engine.getRuntimeService()
        .startProcessInstanceByKey(STAGE_PROCESS_KEY, projectNumber, in(projectNumber, serviceName, budget));
    Task documents = engine.getTaskService().createTaskQuery().processInstanceId(stage.getId())
        .taskDefinitionKey("Task_PrepareDocuments").singleResult();
    people.actAs(PURCHASER);
    try {
      engine.getTaskService().claim(documents.getId(), PURCHASER);
      engine.getFormService().submitTaskForm(documents.getId(), documents());
    } finally {
      people.actAsNobody();
    }
    return projectNumber;
  }

  /** The stage's task that answers a bidder's question, if one waits. */
  Task questionToAnswer(String projectNumber) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(projectNumber)
        .taskDefinitionKey("Task_AnswerQuestion").singleResult();
  }

  private static VariableMap in(String projectNumber, String serviceName, long budget) {
    return Variables.createVariables()
        .putValue(PROJECT_NUMBER, projectNumber)
        .putValue(SERVICE_NAME, serviceName)
        .putValue(SERVICE_CATEGORY, "ELDERLY_CARE")
        .putValue(SERVICE_DESCRIPTION, "为辖区内困难老人和儿童提供上门探访、照料和心理支持服务。")
        .putValue(SERVICE_STANDARDS, "每名服务对象每月上门服务不少于4次。")
        .putValue(INDICATORS, SpinValues.jsonValue("[{\"name\":\"服务对象满意度\",\"target\":\"90%\"}]").create())
        .putValue(BUDGET, budget)
        .putValue(SERVICE_PERIOD_START, "2027-03-01")
        .putValue(SERVICE_PERIOD_END, "2028-02-29")
        .putValue(REGION, "南通市")
        .putValue(REQUESTER, PURCHASER)
        .putValue(DEPARTMENT_GROUP, Groups.DEPT_CIVIL_AFFAIRS)
        .putValue(DEPARTMENT_NAME, DEPARTMENT)
        .putValue(PROCUREMENT_METHOD, "OPEN_TENDER")
        .putValue(PROCUREMENT_METHOD_NAME, "公开招标");
  }

  private static VariableMap documents() {
    return Variables.createVariables()
        .putValue(QUALIFICATION_REQUIREMENTS, QUALIFICATIONS)
        .putValue(EVALUATION_METHOD, COMPREHENSIVE)
        .putValue(PRICE_WEIGHT, 30L)
        .putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 40, "项目团队", 20, "同类服务业绩", 10))
        .putValue(BID_DEADLINE_DATE, DEADLINE.toLocalDate().toString())
        .putValue(BID_DEADLINE_TIME, "09:30")
        .putValue(CLARIFICATION_DEADLINE_DATE, CLARIFICATION_END.toLocalDate().toString())
        .putValue(BID_BOND, 10_000L);
  }
}
