package org.publicservice.procurement.tender;

import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.ProcurementIntentions;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * For the tender tests: a TenderStage started as the main process starts it (its IN variables, the project number
 * as business key), driven as the department and the finance bureau drive it in Tasklist.
 */
final class Tenders {

  /** A Thursday morning in Beijing: the tests' "now" when the documents are issued. */
  static final ZonedDateTime ISSUED = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  /** 25 days later, a Monday: a lawful open-tender deadline (at least 20 days, 政府采购法第三十五条). */
  static final String DEADLINE_DAY = "2026-12-28";
  static final ZonedDateTime DEADLINE = ZonedDateTime.of(2026, 12, 28, 9, 30, 0, 0, ProcurementTime.ZONE);
  static final long BUDGET_YUAN = 2_000_000;

  /** Demo social organisations (the demo profile is active in every Spring test). */
  static final String YANGGUANG = "org-yangguang";
  static final String XINYU = "org-xinyu";
  static final String HUIMIN = "org-huimin";
  static final String ANLE = "org-anle";

  private static final AtomicInteger NEXT = new AtomicInteger(9000 + (int) (System.nanoTime() % 500));

  private final ProcessEngine engine;
  private final TestIdentities people;
  private final TasklistDriver tasklist;
  final BidBox bidBox;

  Tenders(ProcessEngine engine, BidBox bidBox) {
    this.engine = engine;
    this.bidBox = bidBox;
    this.people = new TestIdentities(engine.getIdentityService()).ensureOfficials();
    this.tasklist = new TasklistDriver(engine, this.people);
  }

  static String newProjectNumber() {
    return "NT-2026-" + NEXT.incrementAndGet();
  }

  static VariableMap in(String projectNumber, String method) {
    return Variables.createVariables()
        .putValue(PROJECT_NUMBER, projectNumber)
        .putValue(SERVICE_NAME, "崇川区居家养老上门服务")
        .putValue(SERVICE_CATEGORY, "ELDERLY_CARE")
        .putValue(SERVICE_DESCRIPTION, "为辖区内800名失能、半失能老人提供助餐、助洁、助浴等上门服务。")
        .putValue(SERVICE_STANDARDS, "每名老人每月上门服务不少于8次。")
        .putValue(INDICATORS, SpinValues.jsonValue("[{\"name\":\"服务对象满意度\",\"target\":\"90%\"}]").create())
        .putValue(BUDGET, BUDGET_YUAN)
        .putValue(SERVICE_PERIOD_START, "2027-03-01")
        .putValue(SERVICE_PERIOD_END, "2028-02-29")
        .putValue(REGION, "南通市崇川区")
        .putValue(REQUESTER, PURCHASER)
        .putValue(DEPARTMENT_GROUP, Groups.DEPT_CIVIL_AFFAIRS)
        .putValue(DEPARTMENT_NAME, "南通市民政局")
        .putValue(PROCUREMENT_METHOD, method)
        .putValue(PROCUREMENT_METHOD_NAME, "OPEN_TENDER".equals(method) ? "公开招标" : "竞争性磋商");
  }

  /** Starts the stage of a new project whose procurement intention was published 40 days before now (engine clock). */
  ProcessInstance start(String method) {
    String projectNumber = newProjectNumber();
    ProcurementIntentions.publishedBefore(engine, projectNumber,
        ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE));
    return engine.getRuntimeService().startProcessInstanceByKey(STAGE_PROCESS_KEY, projectNumber, in(projectNumber, method));
  }

  /** Lawful open-tender documents: 综合评分法, price 30 points, deadline {@link #DEADLINE}. */
  static VariableMap documents() {
    return Variables.createVariables()
        .putValue(QUALIFICATION_REQUIREMENTS, "具有独立承担民事责任的能力；民政部门登记的社会组织；近三年无重大违法记录。")
        .putValue(EVALUATION_METHOD, COMPREHENSIVE)
        .putValue(PRICE_WEIGHT, 30L)
        .putValueTyped(EVALUATION_CRITERIA, CriteriaTable.of("服务方案", 40, "项目团队", 20, "同类服务业绩", 10))
        .putValue(BID_DEADLINE_DATE, DEADLINE_DAY)
        .putValue(BID_DEADLINE_TIME, "09:30")
        .putValue(CLARIFICATION_DEADLINE_DATE, "2026-12-14")
        .putValue(BID_BOND, 20_000L);
  }

  Task task(ProcessInstance stage, String key) {
    return tasklist.task(stage, key);
  }

  /** Claims and submits the task's form as this user, as Tasklist does. */
  void submit(String userId, Task task, Map<String, Object> values) {
    tasklist.submitAs(userId, task, values);
  }

  void prepareDocuments(ProcessInstance stage, VariableMap documents) {
    submit(PURCHASER, task(stage, "Task_PrepareDocuments"), documents);
  }

  void decide(ProcessInstance stage, String decision, String proposedMethod) {
    VariableMap values = Variables.createVariables().putValue(FAILED_TENDER_DECISION, decision)
        .putValue(DECISION_REASON, "投标人不足，按规定处理。");
    if (proposedMethod != null) {
      values.putValue(PROPOSED_METHOD, proposedMethod);
    }
    submit(PURCHASER, task(stage, "Task_DecideAfterFailedTender"), values);
  }

  void approveMethodChange(ProcessInstance stage, String approval, String comment) {
    submit(FINANCE_OFFICIAL, task(stage, "Task_ApproveMethodChange"), Variables.createVariables()
        .putValue(METHOD_CHANGE_APPROVAL, approval).putValue(METHOD_CHANGE_COMMENT, comment));
  }

  static BidContent bid(String price, String plan) {
    return new BidContent(new BigDecimal(price), plan, "项目负责人1名、社工6名、护理员20名。", "民办非企业单位登记证书；养老服务资质。");
  }

  BidReceipt bid(ProcessInstance stage, String organisation, String price) {
    return bidBox.submit(stage.getBusinessKey(), organisation, bid(price, organisation + "的服务方案：分片包干，每周巡访。"));
  }

  Job deadlineTimer(ProcessInstance stage) {
    return engine.getManagementService().createJobQuery().processInstanceId(stage.getId())
        .activityId("Timer_BidDeadline").singleResult();
  }

  /** Moves the engine clock to the timer's due date and fires it, as the job executor would. */
  void reachDeadline(ProcessInstance stage) {
    Job timer = deadlineTimer(stage);
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(timer.getId());
  }

  static void at(ZonedDateTime time) {
    TasklistDriver.at(time);
  }
}
