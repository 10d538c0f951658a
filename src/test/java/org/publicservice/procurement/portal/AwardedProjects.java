package org.publicservice.procurement.portal;

import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.planning.PlanningVariables.DEPARTMENT_GROUP;
import static org.publicservice.procurement.planning.PlanningVariables.DEPARTMENT_NAME;
import static org.publicservice.procurement.planning.PlanningVariables.PROCESS_KEY;
import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD;
import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD_NAME;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * Award results open to challenges, for the portal's tests: a purchase request filed by the civil affairs bureau
 * (its project number is the business key), moved on to its award round with what tender and review hand on (three
 * ranked bids, one more opened but not ranked, a panel of five), and the department's choice of the first-ranked
 * bidder, which publishes the award notice. The engine clock stands at {@link #CHALLENGE_DAY} afterwards.
 */
final class AwardedProjects {

  /** A Thursday: the department chooses and the award notice goes out. */
  static final ZonedDateTime NOTICE_DAY = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  /** Monday after the 1-working-day notice period: inside the 7 working days for challenges. */
  static final ZonedDateTime CHALLENGE_DAY = ZonedDateTime.of(2026, 12, 7, 9, 30, 0, 0, ProcurementTime.ZONE);

  static final String WINNER = "org-anle";
  static final String WINNER_NAME = "南通安乐居家养老服务社";
  static final String SECOND = "org-huimin";
  static final String THIRD = "org-qingchun";
  /** Bid and was opened, but is not ranked. */
  static final String UNRANKED = "org-yangguang";
  /** Did not bid. */
  static final String NON_BIDDER = "org-xinyu";

  private final ProcessEngine engine;
  private final TestIdentities people;

  AwardedProjects(ProcessEngine engine) {
    this.engine = engine;
    this.people = new TestIdentities(engine.getIdentityService()).ensureOfficials();
  }

  /** The award of a new project, published and open to challenges; returns the project number. */
  String awarded() {
    ClockUtil.setCurrentTime(Date.from(NOTICE_DAY.toInstant()));
    ProcessInstance purchase;
    people.actAs(PURCHASER);
    try {
      purchase = engine.getFormService().submitStartForm(engine.getRepositoryService()
          .createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId(),
          PurchaseRequests.elderlyCare(300_000));
    } finally {
      people.actAsNobody();
    }
    VariableMap in = Variables.createVariables();
    in.putAll(engine.getRuntimeService().getVariables(purchase.getId()));
    in.putValue(PROJECT_NUMBER, purchase.getBusinessKey())
        .putValue(DEPARTMENT_GROUP, "dept-civil-affairs")
        .putValue(DEPARTMENT_NAME, "南通市民政局")
        .putValue(PROCUREMENT_METHOD, "OPEN_TENDER")
        .putValue(PROCUREMENT_METHOD_NAME, "公开招标")
        .putValue("reviewOutcome", "RANKED")
        .putValue(RANKING, json(List.of(
            Map.of("rank", 1, "bidId", "B-1", "bidder", WINNER, "bidderName", WINNER_NAME, "price", 268000,
                "priceScore", 29.10, "criteriaScore", 61.40, "totalScore", 90.50),
            Map.of("rank", 2, "bidId", "B-2", "bidder", SECOND, "bidderName", "南通惠民社区服务中心", "price", 260000,
                "priceScore", 30.00, "criteriaScore", 57.25, "totalScore", 87.25),
            Map.of("rank", 3, "bidId", "B-3", "bidder", THIRD, "bidderName", "南通青春志愿服务协会", "price", 289500.5,
                "priceScore", 26.94, "criteriaScore", 50.10, "totalScore", 77.04))))
        .putValue(PANEL, json(List.of(
            Map.of("userId", "expert03", "name", "周立群", "role", "CHAIR"),
            Map.of("userId", "expert07", "name", "吴海燕", "role", "EXPERT"),
            Map.of("userId", "expert01", "name", "郑国强", "role", "EXPERT"),
            Map.of("userId", "expert10", "name", "孙晓梅", "role", "EXPERT"),
            Map.of("userId", "minzheng2", "name", "钱文", "role", "DEPARTMENT_REPRESENTATIVE"))))
        .putValue(OPENED_BIDS, json(List.of(
            Map.of("bidId", "B-1", "bidder", WINNER, "bidderName", WINNER_NAME, "price", 268000),
            Map.of("bidId", "B-2", "bidder", SECOND, "bidderName", "南通惠民社区服务中心", "price", 260000),
            Map.of("bidId", "B-3", "bidder", THIRD, "bidderName", "南通青春志愿服务协会", "price", 289500.5),
            Map.of("bidId", "B-4", "bidder", UNRANKED, "bidderName", "南通阳光养老服务中心", "price", 240000))));
    // the purchase moves on to its award round, as if tender and review had run
    engine.getRuntimeService().createProcessInstanceModification(purchase.getId())
        .cancelAllForActivity("Task_ReviewRequest").startBeforeActivity("Gateway_AwardRound").setVariables(in)
        .execute();
    ProcessInstance stage = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(STAGE_PROCESS_KEY).processInstanceBusinessKey(purchase.getBusinessKey()).singleResult();
    complete(stage, "Task_ChooseWinner", Variables.createVariables().putValue(CHOSEN_BIDDER, WINNER));
    ClockUtil.setCurrentTime(Date.from(CHALLENGE_DAY.toInstant()));
    return purchase.getBusinessKey();
  }

  /** The department's task to reply to a challenge of the project, if one waits. */
  Task challengeToReply(String projectNumber) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(projectNumber)
        .taskDefinitionKey("Task_ReplyToChallenge").singleResult();
  }

  /** The department replies that the challenge does not stand, as it would in Tasklist. */
  void reject(String projectNumber, String reply) {
    Task task = challengeToReply(projectNumber);
    people.actAs(PURCHASER);
    try {
      engine.getTaskService().claim(task.getId(), PURCHASER);
      engine.getFormService().submitTaskForm(task.getId(), Variables.createVariables()
          .putValue(CHALLENGE_DECISION, REJECTED).putValue(CHALLENGE_REPLY, reply));
    } finally {
      people.actAsNobody();
    }
  }

  private void complete(ProcessInstance stage, String taskKey, VariableMap form) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(stage.getId())
        .taskDefinitionKey(taskKey).singleResult();
    people.actAs(PURCHASER);
    try {
      engine.getTaskService().claim(task.getId(), PURCHASER);
      engine.getFormService().submitTaskForm(task.getId(), form);
    } finally {
      people.actAsNobody();
    }
  }

  private static Object json(List<Map<String, Object>> rows) {
    return SpinValues.jsonValue(JsonValues.toJson(rows)).create();
  }
}
