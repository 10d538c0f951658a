package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.planning.PlanningVariables.DEPARTMENT_GROUP;
import static org.publicservice.procurement.planning.PlanningVariables.DEPARTMENT_NAME;
import static org.publicservice.procurement.planning.PlanningVariables.PROCESS_KEY;
import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD;
import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD_NAME;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * An award stage as the main process would call it after the review: a purchase request filed by the civil affairs
 * bureau (its project number is the business key), three ranked bids of demo social organisations, one more opened
 * but disqualified bid, and a panel of five. Drives it as the users would.
 */
final class AwardScenario {

  static final String FIRST = "org-anle";
  static final String FIRST_NAME = "南通安乐居家养老服务社";
  static final String SECOND = "org-huimin";
  static final String SECOND_NAME = "南通惠民社区服务中心";
  static final String THIRD = "org-qingchun";
  /** Bid and was opened, but did not qualify, so is not ranked. */
  static final String DISQUALIFIED = "org-yangguang";
  /** Did not bid. */
  static final String NON_BIDDER = "org-xinyu";

  static final List<Map<String, Object>> RANKED_BIDS = List.of(
      Map.of("rank", 1, "bidId", "B-1", "bidder", FIRST, "bidderName", FIRST_NAME, "price", 268000,
          "priceScore", 29.10, "criteriaScore", 61.40, "totalScore", 90.50),
      Map.of("rank", 2, "bidId", "B-2", "bidder", SECOND, "bidderName", SECOND_NAME, "price", 260000,
          "priceScore", 30.00, "criteriaScore", 57.25, "totalScore", 87.25),
      Map.of("rank", 3, "bidId", "B-3", "bidder", THIRD, "bidderName", "南通青春志愿服务协会", "price", 289500.5,
          "priceScore", 26.94, "criteriaScore", 50.10, "totalScore", 77.04));

  static final List<Map<String, Object>> PANEL_MEMBERS = List.of(
      Map.of("userId", "expert03", "name", "周立群", "role", "CHAIR"),
      Map.of("userId", "expert07", "name", "吴海燕", "role", "EXPERT"),
      Map.of("userId", "expert01", "name", "郑国强", "role", "EXPERT"),
      Map.of("userId", "expert10", "name", "孙晓梅", "role", "EXPERT"),
      Map.of("userId", "minzheng2", "name", "钱文", "role", "DEPARTMENT_REPRESENTATIVE"));

  private final ProcessEngine engine;
  private final TestIdentities people;
  private final TasklistDriver tasklist;

  AwardScenario(ProcessEngine engine, TestIdentities people) {
    this.engine = engine;
    this.people = people;
    this.tasklist = new TasklistDriver(engine, this.people);
  }

  /** A filed purchase request (waiting for finance's review): the main instance of the project. */
  ProcessInstance purchase() {
    people.actAs(PURCHASER);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId(), PurchaseRequests.elderlyCare(300_000));
    } finally {
      people.actAsNobody();
    }
  }

  /** The award stage of the purchase, started with the IN variables of AwardVariables. */
  ProcessInstance stage(ProcessInstance purchase) {
    VariableMap in = Variables.createVariables();
    in.putAll(engine.getRuntimeService().getVariables(purchase.getId()));
    in.putValue(AwardVariables.PROJECT_NUMBER, purchase.getBusinessKey())
        .putValue(DEPARTMENT_GROUP, "dept-civil-affairs")
        .putValue(DEPARTMENT_NAME, "南通市民政局")
        .putValue(PROCUREMENT_METHOD, "OPEN_TENDER")
        .putValue(PROCUREMENT_METHOD_NAME, "公开招标")
        .putValue("reviewOutcome", "RANKED")
        .putValue(RANKING, SpinValues.jsonValue(JsonValues.toJson(RANKED_BIDS)).create())
        .putValue(PANEL, SpinValues.jsonValue(JsonValues.toJson(PANEL_MEMBERS)).create())
        .putValue(OPENED_BIDS, SpinValues.jsonValue(JsonValues.toJson(List.of(
            Map.of("bidId", "B-1", "bidder", FIRST, "bidderName", FIRST_NAME, "price", 268000),
            Map.of("bidId", "B-2", "bidder", SECOND, "bidderName", SECOND_NAME, "price", 260000),
            Map.of("bidId", "B-3", "bidder", THIRD, "bidderName", "南通青春志愿服务协会", "price", 289500.5),
            Map.of("bidId", "B-4", "bidder", DISQUALIFIED, "bidderName", "南通阳光养老服务中心", "price", 240000))))
            .create());
    return engine.getRuntimeService().startProcessInstanceByKey(STAGE_PROCESS_KEY, purchase.getBusinessKey(), in);
  }

  void choose(ProcessInstance stage, String bidder, String reason) {
    VariableMap form = Variables.createVariables().putValue(CHOSEN_BIDDER, bidder);
    if (reason != null) {
      form.putValue(DEVIATION_REASON, reason);
    }
    completeAs(PURCHASER, stage, "Task_ChooseWinner", form);
  }

  void reply(ProcessInstance stage, String decision, String remedy, String text) {
    VariableMap form = Variables.createVariables().putValue(CHALLENGE_DECISION, decision).putValue(CHALLENGE_REPLY, text);
    if (remedy != null) {
      form.putValue(CHALLENGE_REMEDY, remedy);
    }
    completeAs(PURCHASER, stage, "Task_ReplyToChallenge", form);
  }

  /** As the user would in Tasklist: find the task in the own lists, claim it, submit the form. */
  void completeAs(String user, ProcessInstance instance, String taskKey, VariableMap form) {
    tasklist.completeAs(user, instance, taskKey, form);
  }

  Task task(ProcessInstance instance, String taskKey) {
    return tasklist.task(instance, taskKey);
  }

  Job timer(ProcessInstance instance, String activityId) {
    return tasklist.timer(instance, activityId);
  }

  /** Moves the clock just past the timer's due date (never back) and fires it, as the job executor would. */
  void fire(ProcessInstance instance, String activityId) {
    Job timer = timer(instance, activityId);
    assertThat(timer).as("timer %s", activityId).isNotNull();
    if (ClockUtil.getCurrentTime().before(timer.getDuedate())) {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    }
    engine.getManagementService().executeJob(timer.getId());
  }

  /** Runs the instance's due asynchronous continuations, as the job executor would after the step committed. */
  void runJobs(ProcessInstance instance) {
    tasklist.runJobs(instance);
  }

  Object historicVariable(ProcessInstance instance, String name) {
    var variable = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
