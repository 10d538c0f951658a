package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives a ReviewStage as the main process would start it after an opened tender (the IN variables of
 * ReviewVariables) and as the department, the experts and the panel work it in Tasklist.
 */
public final class ReviewStages {

  /** Bidders of the demo accounts with their opened bids: {user id, name, price}. */
  public static final Object[][] BIDS = {
      {"org-yangguang", "南通阳光养老服务中心", 1_800_000},
      {"org-xinyu", "南通心语社会工作服务社", 1_650_000},
      {"org-huimin", "南通惠民社区服务中心", 1_900_000},
      {"org-anle", "南通安乐居家养老服务社", 1_750_000}};

  static final String CRITERIA = "[{\"name\":\"服务方案\",\"maxScore\":40},{\"name\":\"服务团队\",\"maxScore\":20},"
      + "{\"name\":\"管理制度\",\"maxScore\":10}]";

  private final ProcessEngine engine;
  private final TestIdentities people;
  private final TasklistDriver tasklist;

  public ReviewStages(ProcessEngine engine, TestIdentities people) {
    this.engine = engine;
    this.people = people;
    this.tasklist = new TasklistDriver(engine, this.people);
  }

  /** Removes the credit records of the {@link #BIDS} bidders: each test's credit check starts from a clean register. */
  public static void forgetCreditRecordsOfTheBidders(JdbcTemplate jdbc) {
    for (Object[] bid : BIDS) {
      jdbc.update("DELETE FROM credit_record WHERE organisation_user_id = ?", bid[0]);
    }
  }

  /** The IN variables: a 综合评分法 open tender of 2,000,000 yuan with the bids given (rows of {@link #BIDS}). */
  public static VariableMap inputs(String projectNumber, long budget, String method, int minimumBids, Object[]... bids) {
    List<Map<String, Object>> opened = new ArrayList<>();
    for (int i = 0; i < bids.length; i++) {
      Map<String, Object> bid = new LinkedHashMap<>();
      bid.put("bidId", projectNumber + "-B" + (i + 1));
      bid.put("bidder", bids[i][0]);
      bid.put("bidderName", bids[i][1]);
      bid.put("price", bids[i][2]);
      bid.put("servicePlan", "为辖区内" + (200 + i * 10) + "名高龄独居老人提供每周两次上门探访、助餐和紧急呼叫响应。");
      bid.put("team", "社会工作师" + (3 + i) + "名，护理员" + (10 + i) + "名。");
      bid.put("qualifications", "民办非企业单位登记证书；近三年无重大违法记录声明；社保缴纳证明。");
      bid.put("submittedAt", String.format("2026-12-%02dT10:%02d:00+08:00", 1 + i / 60, i % 60));
      opened.add(bid);
    }
    boolean comprehensive = COMPREHENSIVE.equals(method);
    return Variables.createVariables()
        .putValue("projectNumber", projectNumber)
        .putValue(SERVICE_NAME, "崇川区居家养老上门服务")
        .putValue("serviceCategory", "ELDERLY_CARE")
        .putValue(BUDGET, budget)
        .putValue(DEPARTMENT_GROUP, "dept-civil-affairs")
        .putValue(DEPARTMENT_NAME, "南通市民政局")
        .putValue("requester", "minzheng")
        .putValue("procurementMethod", "OPEN_TENDER")
        .putValue(PROCUREMENT_METHOD_NAME, "公开招标")
        .putValue("tenderOutcome", "OPENED")
        .putValue(TENDER_ROUND, 1L)
        .putValue(EVALUATION_METHOD, method)
        .putValue(PRICE_WEIGHT, comprehensive ? 30L : 0L)
        .putValueTyped(EVALUATION_CRITERIA, SpinValues.jsonValue(comprehensive ? CRITERIA : "[]").create())
        .putValue(QUALIFICATION_REQUIREMENTS, "依法登记的社会组织；具有养老服务经验；近三年无重大违法记录。")
        .putValue("bidBond", 20_000L)
        .putValue("tenderNoticeAt", "2026-11-13T10:00:00+08:00")
        .putValue("bidDeadline", "2026-12-04T09:30:00+08:00")
        .putValueTyped(OPENED_BIDS, SpinValues.jsonValue(JsonValues.toJson(opened)).create())
        .putValue(MINIMUM_BIDS, (long) minimumBids);
  }

  public ProcessInstance start(VariableMap inputs) {
    ProcessInstance stage = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY,
        (String) inputs.get("projectNumber"), inputs);
    runJobs(stage);
    return stage;
  }

  /** Runs the instance's due jobs (asynchronous steps, due timers) as the job executor would, until none is left. */
  public void runJobs(ProcessInstance stage) {
    tasklist.runDueJobs(stage);
  }

  public Task task(ProcessInstance stage, String key) {
    return tasklist.task(stage, key);
  }

  List<Task> tasks(ProcessInstance stage, String key) {
    return tasklist.tasks(stage, key);
  }

  /**
   * The qualification table as Tasklist submits it: the department passes each of {@code bids} bids except those
   * given as {bid number, reason}; optional representative.
   */
  public VariableMap qualificationForm(int bids, String representative, Object[]... failures) {
    List<String> decisions = new ArrayList<>();
    for (int i = 1; i <= bids; i++) {
      Object[] failure = null;
      for (Object[] f : failures) {
        if ((Integer) f[0] == i) {
          failure = f;
        }
      }
      decisions.add(failure == null ? PASS : FAIL);
      if (failure != null) {
        decisions.add((String) failure[1]);
      }
    }
    VariableMap form = ReviewSheets.qualification(decisions.toArray(String[]::new));
    if (representative != null) {
      form.putValue(REPRESENTATIVE, representative);
    }
    return form;
  }

  public void submitQualification(ProcessInstance stage, VariableMap form) {
    people.actAs("minzheng");
    try {
      engine.getFormService().submitTaskForm(task(stage, "Task_ReviewQualification").getId(), form);
    } finally {
      people.actAsNobody();
    }
    runJobs(stage);
  }

  /** Every open declaration task answered "no conflict", each by its expert. */
  public List<String> acceptAll(ProcessInstance stage) {
    List<String> experts = new ArrayList<>();
    for (Task declaration : tasks(stage, "Task_DeclareConflict")) {
      declare(declaration, NO_CONFLICT, null);
      experts.add(declaration.getAssignee());
    }
    runJobs(stage);
    return experts;
  }

  void declare(Task declaration, String answer, String note) {
    people.actAs(declaration.getAssignee());
    try {
      engine.getFormService().submitTaskForm(declaration.getId(), Variables.createVariables()
          .putValue(CONFLICT_DECLARATION, answer).putValue(CONFLICT_NOTE, note));
    } finally {
      people.actAsNobody();
    }
  }

  /** The compliance review task of the bid with this number (1 = first opened bid). */
  Task complianceTask(ProcessInstance stage, String bidId) {
    return tasks(stage, "Task_ReviewCompliance").stream()
        .filter(t -> bidId.equals(engine.getTaskService().getVariable(t.getId(), COMPLIANCE_BID))).findFirst()
        .orElseThrow(() -> new AssertionError("no compliance review of " + bidId));
  }

  static String bidId(String projectNumber, int bid) {
    return projectNumber + "-B" + bid;
  }

  /** The chair records the panel's finding on one bid. */
  public void reviewCompliance(ProcessInstance stage, int bid, VariableMap form) {
    Task task = complianceTask(stage, bidId(stage.getBusinessKey(), bid));
    submitAs(task.getAssignee(), task, form);
    runJobs(stage);
  }

  public static VariableMap compliant() {
    return Variables.createVariables().putValue(COMPLIANCE_OUTCOME, COMPLIANT);
  }

  static VariableMap invalid(String ground, String reason) {
    return Variables.createVariables().putValue(COMPLIANCE_OUTCOME, INVALID).putValue(INVALIDITY_GROUND, ground)
        .putValue(INVALIDITY_REASON, reason);
  }

  public static VariableMap queryPrice(String question, int hours) {
    return compliant().putValue(QUERY_PRICE, true).putValue(PRICE_QUESTION, question)
        .putValue(EXPLANATION_HOURS, hours);
  }

  /** The chair finds every bid still under review compliant. */
  void passCompliance(ProcessInstance stage) {
    for (Task review : tasks(stage, "Task_ReviewCompliance")) {
      submitAs(review.getAssignee(), review, compliant());
    }
    runJobs(stage);
  }

  /** The chair records a talk with every supplier of the current round; {@code withdrawing} bidders leave. */
  void talkWithEach(ProcessInstance stage, String notes, String... withdrawing) {
    for (Task talk : tasks(stage, "Task_NegotiateWithSupplier")) {
      String bidId = (String) engine.getTaskService().getVariable(talk.getId(), NEGOTIATION_BID);
      String bidder = OpenedBid.list(engine.getRuntimeService().getVariable(stage.getId(), VALID_BIDS)).stream()
          .filter(b -> b.bidId().equals(bidId)).findFirst().orElseThrow().bidder();
      submitAs(talk.getAssignee(), talk, Variables.createVariables()
          .putValue(NEGOTIATION_NOTES, notes + "（" + bidder + "）")
          .putValue(SUPPLIER_WITHDREW, java.util.Arrays.asList(withdrawing).contains(bidder)));
    }
    runJobs(stage);
  }

  /** The chair ends the round: changes to the documents (or none), then another round or final offers. */
  void concludeRound(ProcessInstance stage, String changes, String next, Integer finalOfferHours) {
    Task conclude = task(stage, "Task_ConcludeNegotiationRound");
    submitAs(conclude.getAssignee(), conclude, Variables.createVariables().putValue(DOCUMENT_CHANGES, changes)
        .putValue(NEXT_STEP, next).putValue(FINAL_OFFER_HOURS, finalOfferHours));
    runJobs(stage);
  }

  /**
   * A score sheet as Tasklist submits it: {@code scores[bid][criterion]} in the order of the form's rows; NaN
   * leaves a score empty.
   */
  static VariableMap sheet(double[][] scores) {
    return ReviewSheets.scores(scores);
  }

  /** {@code scores} with one score replaced (bid and criterion numbered from 1). */
  static double[][] with(double[][] scores, int bid, int criterion, double score) {
    double[][] copy = new double[scores.length][];
    for (int b = 0; b < scores.length; b++) {
      copy[b] = scores[b].clone();
    }
    copy[bid - 1][criterion - 1] = score;
    return copy;
  }

  void submitAs(String user, Task task, VariableMap form) {
    people.actAs(user);
    try {
      engine.getFormService().submitTaskForm(task.getId(), form);
    } finally {
      people.actAsNobody();
    }
  }

  void scoreAll(ProcessInstance stage, double[][] scores) {
    for (Task sheet : tasks(stage, "Task_ScoreBids")) {
      submitAs(sheet.getAssignee(), sheet, sheet(scores));
    }
    runJobs(stage);
  }

  void confirmAll(ProcessInstance stage) {
    for (Task confirm : tasks(stage, "Task_ConfirmReport")) {
      submitAs(confirm.getAssignee(), confirm, Variables.createVariables().putValue(REPORT_AGREEMENT, AGREE));
    }
    runJobs(stage);
  }

  Object variable(ProcessInstance stage, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(stage.getId())
        .variableName(name).singleResult().getValue();
  }

  static List<String> assignees(List<Task> tasks) {
    return tasks.stream().map(Task::getAssignee).toList();
  }

  static <T> HashSet<T> set(List<T> items) {
    return new HashSet<>(items);
  }
}
