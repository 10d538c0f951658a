package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.award.AwardVariables.*;

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
import org.publicservice.procurement.contract.ContractFixtures;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * A purchase of the civil affairs bureau that has just been reviewed: the main process started at its award round
 * (so that the award, the contract and every remedy run as in production), three ranked bids of demo social
 * organisations, one more opened but disqualified bid, and a panel of five. Drives it as the users would.
 */
final class AwardScenario {

  static final String FIRST = "org-anle";
  static final String FIRST_NAME = "南通安乐居家养老服务社";
  static final String SECOND = "org-huimin";
  static final String SECOND_NAME = "南通惠民社区服务中心";
  static final String THIRD = "org-qingchun";
  /** Bid and was opened, but did not qualify, so is not ranked. */
  static final String DISQUALIFIED = "org-yangguang";
  static final String DISQUALIFIED_REASON = "未提供民政部门登记证书。";
  /** Did not bid. */
  static final String NON_BIDDER = "org-xinyu";
  static final String SCHEDULE = """
      第一阶段验收：100000：2027-04-30
      第二阶段验收：100000：2027-08-31
      绩效评价后尾款：68000：2028-01-31""";

  static final List<Map<String, Object>> RANKED_BIDS = List.of(
      Map.of("rank", 1, "bidId", "B-1", "bidder", FIRST, "bidderName", FIRST_NAME, "price", 268000,
          "priceScore", 29.10, "criteriaScore", 61.40, "totalScore", 90.50),
      Map.of("rank", 2, "bidId", "B-2", "bidder", SECOND, "bidderName", SECOND_NAME, "price", 260000,
          "priceScore", 30.00, "criteriaScore", 57.25, "totalScore", 87.25),
      Map.of("rank", 3, "bidId", "B-3", "bidder", THIRD, "bidderName", "南通青春志愿服务协会", "price", 289500.5,
          "priceScore", 26.94, "criteriaScore", 50.10, "totalScore", 77.04));

  static final String DISQUALIFIED_NAME = "南通阳光养老服务中心";
  static final List<Map<String, Object>> OPENED = List.of(
      Map.of("bidId", "B-1", "bidder", FIRST, "bidderName", FIRST_NAME, "price", 268000),
      Map.of("bidId", "B-2", "bidder", SECOND, "bidderName", SECOND_NAME, "price", 260000),
      Map.of("bidId", "B-3", "bidder", THIRD, "bidderName", "南通青春志愿服务协会", "price", 289500.5),
      Map.of("bidId", "B-4", "bidder", DISQUALIFIED, "bidderName", DISQUALIFIED_NAME, "price", 240000));
  static final List<Map<String, Object>> QUALIFICATION = List.of(
      Map.of("bidId", "B-1", "bidder", FIRST, "bidderName", FIRST_NAME, "qualified", true),
      Map.of("bidId", "B-2", "bidder", SECOND, "bidderName", SECOND_NAME, "qualified", true),
      Map.of("bidId", "B-3", "bidder", THIRD, "bidderName", "南通青春志愿服务协会", "qualified", true),
      Map.of("bidId", "B-4", "bidder", DISQUALIFIED, "bidderName", DISQUALIFIED_NAME, "qualified", false,
          "reason", DISQUALIFIED_REASON));

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

  /** An open tender (at least 3 qualified suppliers) at its award. */
  ProcessInstance purchaseAtAward() {
    return purchaseAtAward("OPEN_TENDER", "公开招标", 3, null);
  }

  /**
   * The purchase's main process, started at its award round with what the planning, tender and review stages hand
   * on; the award stage starts right away.
   */
  ProcessInstance purchaseAtAward(String method, String methodName, int minimumBids, String tieNote) {
    return start(awardRound(method, methodName, minimumBids, tieNote));
  }

  private static VariableMap awardRound(String method, String methodName, int minimumBids, String tieNote) {
    String project = ContractFixtures.newProjectNumber();
    VariableMap in = ContractFixtures.awarded(project);
    for (String name : List.of(WINNER, WINNER_NAME, AWARDED_PRICE, AWARD_NOTICE_DATE, CANDIDATES, AWARD_OUTCOME)) {
      in.remove(name);
    }
    in.putValue("procurementMethod", method)
        .putValue("procurementMethodName", methodName)
        .putValue("minimumBids", minimumBids)
        .putValue("tenderRound", 1)
        .putValue("reviewOutcome", "RANKED")
        .putValue(RANKING, json(RANKED_BIDS))
        .putValue(PANEL, json(PANEL_MEMBERS))
        .putValue(OPENED_BIDS, json(OPENED))
        .putValue("qualificationResults", json(QUALIFICATION));
    if (tieNote != null) {
      in.putValue(TIE_NOTE, tieNote);
    }
    return in;
  }

  /**
   * An open tender whose documents asked for a bid bond of {@code amount} yuan; the opening recorded, for each bidder
   * in {@code lodged}, how its bond was lodged ("银行保函（编号…）" or {@code BidBond.NOT_STATED}).
   */
  ProcessInstance purchaseAtAwardWithBidBonds(Number amount, Map<String, String> lodged) {
    return purchaseAtAwardWithBidBonds(amount, lodged, List.of());
  }

  /**
   * As {@link #purchaseAtAwardWithBidBonds(Number, Map)}, the ranked {@code declined} no longer candidates (each
   * declined its award or refused to sign in an earlier award round).
   */
  ProcessInstance purchaseAtAwardWithBidBonds(Number amount, Map<String, String> lodged, List<String> declined) {
    VariableMap in = awardRound("OPEN_TENDER", "公开招标", 3, null);
    List<Map<String, Object>> excluded = RANKED_BIDS.stream().filter(bid -> declined.contains(bid.get("bidder")))
        .map(bid -> Map.<String, Object>of("bidder", bid.get("bidder"), "bidderName", bid.get("bidderName"),
            "ground", "DECLINED", "reason", "拒绝签订合同。"))
        .toList();
    in.putValue(EXCLUDED_BIDDERS, json(excluded));
    List<Map<String, Object>> opened = new java.util.ArrayList<>();
    for (Map<String, Object> bid : OPENED) {
      Map<String, Object> row = new java.util.LinkedHashMap<>(bid);
      if (lodged.containsKey(bid.get("bidder"))) {
        row.put("bidBond", lodged.get(bid.get("bidder")));
      }
      opened.add(row);
    }
    in.putValue("bidBond", amount).putValue(OPENED_BIDS, json(opened));
    return start(in);
  }

  private ProcessInstance start(VariableMap in) {
    return engine.getRuntimeService().createProcessInstanceByKey(PURCHASE_PROCESS_KEY)
        .businessKey((String) in.get("projectNumber")).setVariables(in).startBeforeActivity("Gateway_AwardRound")
        .execute();
  }

  /** The running instance of the stage (AwardStage, ContractStage, ...) of the purchase. */
  ProcessInstance stage(ProcessInstance purchase, String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(purchase.getBusinessKey()).singleResult();
  }

  ProcessInstance award(ProcessInstance purchase) {
    return stage(purchase, STAGE_PROCESS_KEY);
  }

  ProcessInstance contract(ProcessInstance purchase) {
    return stage(purchase, "ContractStage");
  }

  ProcessInstance challengeInstance(String challengeId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CHALLENGE_PROCESS_KEY)
        .variableValueEquals(CHALLENGE_ID, challengeId).singleResult();
  }

  ProcessInstance complaintInstance(String complaintId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(COMPLAINT_PROCESS_KEY)
        .variableValueEquals(COMPLAINT_ID, complaintId).singleResult();
  }

  void choose(ProcessInstance stage, String bidder) {
    completeAs(PURCHASER, stage, "Task_ChooseWinner", Variables.createVariables().putValue(CHOSEN_BIDDER, bidder));
  }

  void choose(ProcessInstance stage, String bidder, String ground, String facts) {
    VariableMap form = Variables.createVariables().putValue(CHOSEN_BIDDER, bidder);
    if (ground != null) {
      form.putValue(PASS_OVER_GROUND, ground);
    }
    if (facts != null) {
      form.putValue(DEVIATION_REASON, facts);
    }
    completeAs(PURCHASER, stage, "Task_ChooseWinner", form);
  }

  void reply(ProcessInstance challenge, String decision, String remedy, String text) {
    VariableMap form = Variables.createVariables().putValue(CHALLENGE_DECISION, decision).putValue(CHALLENGE_REPLY, text);
    if (remedy != null) {
      form.putValue(CHALLENGE_REMEDY, remedy);
    }
    completeAs(PURCHASER, challenge, "Task_ReplyToChallenge", form);
  }

  void draft(ProcessInstance contract, Number amount, String schedule) {
    completeAs(PURCHASER, contract, "Task_DraftContract", ContractFixtures.draftForm(amount, 0, schedule));
  }

  void sign(ProcessInstance contract, String organisation) {
    completeAs(organisation, contract, "Task_SignContract", Variables.createVariables().putValue("contractorDecision",
        "SIGN"));
  }

  void countersign(ProcessInstance contract) {
    completeAs(PURCHASER, contract, "Task_CountersignContract",
        Variables.createVariables().putValue("departmentSigns", true));
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

  /** The purchase's bond refund instances (BondRefund, business key: the project number), oldest first. */
  List<ProcessInstance> refundInstances(ProcessInstance purchase) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(BondRefunds.PROCESS_KEY)
        .processInstanceBusinessKey(purchase.getBusinessKey()).list().stream()
        .sorted(java.util.Comparator.comparing(instance -> engine.getHistoryService()
            .createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getStartTime()))
        .toList();
  }

  /** The purchase's n-th refund instance (oldest first), past its asynchronous start. */
  ProcessInstance refundOf(ProcessInstance purchase, int n) {
    List<ProcessInstance> instances = refundInstances(purchase);
    assertThat(instances.size()).as("refund instances").isGreaterThan(n);
    ProcessInstance refund = instances.get(n);
    runJobs(refund);
    return refund;
  }

  /**
   * The task deadline watch runs at {@code time} (the clock moved there) as the job executor would: its timer, then
   * the mails it queued for overdue tasks.
   */
  void watchDeadlinesAt(Date time) {
    ClockUtil.setCurrentTime(time);
    var jobs = engine.getManagementService();
    jobs.executeJob(jobs.createJobQuery().processDefinitionKey(
        org.publicservice.procurement.notification.MailVariables.DEADLINE_WATCH_PROCESS).timers().singleResult().getId());
    jobs.createJobQuery().processDefinitionKey(org.publicservice.procurement.notification.MailVariables.DEADLINE_WATCH_PROCESS)
        .messages().list().forEach(job -> jobs.executeJob(job.getId()));
  }

  Object historicVariable(ProcessInstance instance, String name) {
    var variable = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  static Object json(Object value) {
    return SpinValues.jsonValue(JsonValues.toJson(value)).create();
  }
}
