package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;
import static org.publicservice.procurement.planning.PlanningVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * For tests of the evaluation: the stage started directly with the IN variables of EvaluationVariables (as the main
 * process passes them after the performance stage), and its tasks done as their users do them in Tasklist.
 */
public final class EvaluationStages {

  /** Demo social organisation that delivered the service, and the demo third-party evaluator. */
  public static final String CONTRACTOR = "org-anle";
  public static final String CONTRACTOR_NAME = "南通安乐居家养老服务社";
  public static final String EVALUATOR = "pingjia";
  /** The contract: 280,000 yuan in three instalments; the last, 84,000 yuan, follows the grade. */
  public static final long CONTRACT_AMOUNT = 280_000;
  public static final long FINAL_INSTALMENT = 84_000;
  public static final List<String> INDICATOR_LINES = List.of("服务对象满意度（目标：90%）", "上门服务人次（目标：76800人次）");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final ProcessEngine engine;
  private final TestIdentities people;
  private final TasklistDriver tasklist;

  public EvaluationStages(ProcessEngine engine) {
    this.engine = engine;
    this.people = new TestIdentities(engine.getIdentityService()).ensureOfficials();
    this.tasklist = new TasklistDriver(engine, this.people);
  }

  /** A project number no other test uses (the database is shared by the test classes). */
  public static String newProjectNumber() {
    return String.format("NT-2091-%04d", (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 10_000);
  }

  public static VariableMap inVariables(String serviceName, int ratingCodes) {
    LocalDate end = ProcurementTime.today().minusDays(1);
    String milestones = JsonValues.toJson(List.of(
        Map.of("index", 1, "name", "首期款", "amount", 112_000, "dueDate", end.minusMonths(11).toString()),
        Map.of("index", 3, "name", "尾款", "amount", FINAL_INSTALMENT, "dueDate", end.plusDays(30).toString(),
            "indicatorNames", List.of("服务对象满意度", "上门服务人次")),
        Map.of("index", 2, "name", "中期款", "amount", 84_000, "dueDate", end.minusMonths(5).toString())));
    return Variables.createVariables()
        .putValue(SERVICE_NAME, serviceName)
        .putValue(SERVICE_CATEGORY, "ELDERLY_CARE")
        .putValue(SERVICE_DESCRIPTION, "为辖区内800名失能、半失能老人提供助餐、助洁、助浴等上门服务。")
        .putValue(SERVICE_STANDARDS, "每名老人每月上门服务不少于8次。")
        .putValue(INDICATORS, SpinValues.jsonValue(JsonValues.toJson(List.of(
            Map.of("name", "服务对象满意度", "target", "90%"),
            Map.of("name", "上门服务人次", "target", "76800人次")))).create())
        .putValue(BUDGET, 300_000L)
        .putValue(SERVICE_PERIOD_START, end.minusYears(1).plusDays(1).toString())
        .putValue(SERVICE_PERIOD_END, end.toString())
        .putValue(REGION, "南通市崇川区")
        .putValue(REQUESTER, TestIdentities.PURCHASER)
        .putValue(DEPARTMENT_GROUP, Groups.DEPT_CIVIL_AFFAIRS)
        .putValue(DEPARTMENT_NAME, "南通市民政局")
        .putValue(PROCUREMENT_METHOD, "COMPETITIVE_CONSULTATION")
        .putValue(PROCUREMENT_METHOD_NAME, "竞争性磋商")
        .putValue(CONTRACT_ID, "HT-" + serviceName.hashCode())
        .putValue(EvaluationVariables.CONTRACTOR, CONTRACTOR)
        .putValue(EvaluationVariables.CONTRACTOR_NAME, CONTRACTOR_NAME)
        .putValue(EvaluationVariables.CONTRACT_AMOUNT, CONTRACT_AMOUNT)
        .putValue(MILESTONES, SpinValues.jsonValue(milestones).create())
        .putValue("performanceOutcome", "DELIVERED")
        .putValue("paidSoFar", 196_000L)
        .putValue(RATING_CODE_COUNT, ratingCodes);
  }

  public ProcessInstance start(String projectNumber, String serviceName, int ratingCodes) {
    VariableMap in = inVariables(serviceName, ratingCodes).putValue(PROJECT_NUMBER, projectNumber);
    return engine.getRuntimeService().startProcessInstanceByKey(EvaluationVariables.PROCESS_KEY, projectNumber, in);
  }

  /** The codes the department's hand-out task shows. */
  public List<String> ratingCodes(ProcessInstance stage) {
    Task task = task(stage, "Task_HandOutRatingCodes");
    return Arrays.asList(((String) engine.getTaskService().getVariableLocal(task.getId(), RATING_CODES)).split("\n"));
  }

  public void selfEvaluate(ProcessInstance stage, double... scores) {
    String[] values = new String[scores.length];
    for (int i = 0; i < scores.length; i++) {
      values[i] = "完成" + (71 + i) + "%";
    }
    completeAs(CONTRACTOR, stage, "Task_SelfEvaluation", selfEvaluation(values, scores)
        .putValue(SELF_REPORT, "全年完成上门服务78,000人次，建立服务记录档案。"));
  }

  /** The self-evaluation table as Tasklist submits it: one row per indicator with its value and score. */
  public static VariableMap selfEvaluation(String[] values, double... scores) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(SELF_VALUE, values[i]);
      row.put(SELF_SCORE, scores[i]);
      rows.add(row);
    }
    return Variables.createVariables()
        .putValueTyped(SELF_EVALUATION, SpinValues.jsonValue(JsonValues.toJson(rows)).create());
  }

  /** The third party's table as Tasklist submits it: one score per indicator. */
  public static VariableMap thirdPartyScores(double... scores) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (double score : scores) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(THIRD_PARTY_SCORE, score);
      rows.add(row);
    }
    return Variables.createVariables()
        .putValueTyped(THIRD_PARTY_SCORES, SpinValues.jsonValue(JsonValues.toJson(rows)).create());
  }

  public void handOutCodes(ProcessInstance stage) {
    completeAs(TestIdentities.PURCHASER, stage, "Task_HandOutRatingCodes",
        Variables.createVariables().putValue(RATING_CODES_HANDED_OUT, true));
  }

  /** Moves the clock past the end of the rating window and fires its timer. */
  public void endRatingWindow(ProcessInstance stage) {
    Job timer = ratingWindowTimer(stage);
    if (ClockUtil.getCurrentTime().before(timer.getDuedate())) {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    }
    engine.getManagementService().executeJob(timer.getId());
  }

  public Job ratingWindowTimer(ProcessInstance stage) {
    return engine.getManagementService().createJobQuery().processInstanceId(stage.getId()).timers().singleResult();
  }

  public void scoreAsEvaluator(ProcessInstance stage, double... scores) {
    completeAs(EVALUATOR, stage, "Task_ThirdPartyEvaluation", thirdPartyScores(scores)
        .putValue(THIRD_PARTY_REPORT, "经入户抽查120户并查阅服务记录，评价如下。"));
  }

  /** Runs the asynchronous grading step (and everything after it) as the job executor would. */
  public void grade(ProcessInstance stage) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(stage.getId())
        .activityId("Task_GradeEvaluation").singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  /** As the user would in Tasklist: find the task in the own lists, claim it if needed, submit the form. */
  public void completeAs(String user, ProcessInstance stage, String taskKey, VariableMap form) {
    tasklist.completeAs(user, stage, taskKey, form);
  }

  public Task task(ProcessInstance stage, String taskKey) {
    return tasklist.task(stage, taskKey);
  }
}
