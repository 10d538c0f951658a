package org.publicservice.procurement.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.HEALTH_PURCHASER;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.*;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of the planning stage, driven as the purchasing department and the finance bureau would. */
@ProcurementSpringTest
class PlanningProcessTest {

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.onEngineClock().withOfficials();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DisclosureRegister disclosureRegister;
  @Autowired PurchasePlans purchasePlans;
  @Autowired WorkingDayCalendar workingDays;

  @Test
  void approvedRequestGetsAProjectNumberAPlanAndAPublishedIntention() {
    ProcessInstance purchase = file(PURCHASER, PurchaseRequests.elderlyCare(1_200_000));

    assertThat(purchase).isWaitingAt("Task_ReviewRequest")
        .hasVariables(PROJECT_NUMBER, DEPARTMENT_GROUP, REQUESTER);
    String projectNumber = purchase.getBusinessKey();
    assertThat(projectNumber).matches("NT-" + ProcurementTime.today().getYear() + "-\\d{4}");
    assertThat(purchase).variables()
        .containsEntry(REQUESTER, PURCHASER)
        .containsEntry(DEPARTMENT_GROUP, Groups.DEPT_CIVIL_AFFAIRS)
        .containsEntry(DEPARTMENT_NAME, "南通市民政局")
        .containsEntry(PROCUREMENT_METHOD, "COMPETITIVE_CONSULTATION")
        .containsEntry(PROCUREMENT_METHOD_NAME, "竞争性磋商");
    assertThat(task(purchase)).hasCandidateGroup(Groups.FINANCE).isNotAssigned()
        .hasDueDate(workingDays.after(ClockUtil.getCurrentTime(), 5));

    review(purchase, DECISION_APPROVE, "同意按竞争性磋商方式采购。");

    // the approved plan goes on to the tender stage, called with the project number as its business key
    assertThat(purchase).hasPassed("Task_RecordApprovedPlan", "Task_PublishProcurementIntention")
        .hasPassed("Task_NotifyPlanApproved").isWaitingAt("Task_TenderStage");
    assertThat(purchase).calledProcessInstance("TenderStage").hasBusinessKey(projectNumber);
    var plan = purchasePlans.find(projectNumber).orElseThrow();
    assertThat(plan.budget()).isEqualByComparingTo("1200000");
    assertThat(plan.procurementMethod()).isEqualTo("COMPETITIVE_CONSULTATION");
    assertThat(plan.departmentGroup()).isEqualTo(Groups.DEPT_CIVIL_AFFAIRS);
    assertThat(plan.requestedBy()).isEqualTo(PURCHASER);
    assertThat(plan.approvedBy()).isEqualTo(FINANCE_OFFICIAL);

    var notices = disclosureRegister.findByProject(projectNumber);
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.type()).isEqualTo(NoticeType.PROCUREMENT_INTENTION);
      assertThat(notice.title()).isEqualTo("南通市民政局关于崇川区居家养老上门服务的采购意向公开");
      assertThat(notice.content()).contains("预算金额：1,200,000.00元", "拟采用采购方式：竞争性磋商",
          "服务对象满意度：90%", "上门服务人次：76800人次", "项目编号：" + projectNumber);
      assertThat(notice.publisher()).isEqualTo("南通市民政局");
    });
  }

  @Test
  void returnedRequestIsRevisedByItsOwnDepartmentAndReviewedAgain() {
    ProcessInstance purchase = file(PURCHASER, PurchaseRequests.elderlyCare(1_200_000));
    review(purchase, DECISION_RETURN, "请补充服务人次的测算依据，并按最新需求调整预算。");

    assertThat(purchase).isWaitingAt("Task_ReviseRequest");
    assertThat(task(purchase)).hasCandidateGroup(Groups.DEPT_CIVIL_AFFAIRS);
    // the other department does not even see the task
    session.people().actAs(HEALTH_PURCHASER);
    assertThat(taskService.createTaskQuery().processInstanceId(purchase.getId()).count()).isZero();

    session.people().actAs(PURCHASER);
    var revise = taskService.createTaskQuery().processInstanceId(purchase.getId()).singleResult();
    taskService.claim(revise.getId(), PURCHASER);
    VariableMap revised = PurchaseRequests.elderlyCare(4_500_000);
    taskService.complete(revise.getId(), revised);
    session.people().actAsNobody();

    // the method is chosen again from the revised budget
    assertThat(purchase).isWaitingAt("Task_ReviewRequest").variables()
        .containsEntry(PROCUREMENT_METHOD, "OPEN_TENDER");
    review(purchase, DECISION_APPROVE, null);

    assertThat(purchase).isWaitingAt("Task_TenderStage");
    assertThat(purchasePlans.find(purchase.getBusinessKey()).orElseThrow().budget()).isEqualByComparingTo("4500000");
  }

  @Test
  void rejectedRequestEndsWithoutPlanOrNotice() {
    ProcessInstance purchase = file(PURCHASER, PurchaseRequests.elderlyCare(800_000));
    review(purchase, DECISION_REJECT, "该服务已由区级财政安排，不予重复购买。");

    assertThat(purchase).isEnded().hasPassed("Task_NotifyRequestRejected", "EndEvent_RequestRejected")
        .hasNotPassed("Task_RecordApprovedPlan");
    assertThat(purchasePlans.find(purchase.getBusinessKey())).isEmpty();
    assertThat(disclosureRegister.findByProject(purchase.getBusinessKey())).isEmpty();
  }

  @Test
  void indicatorsAreKeptAsTheTableTheDepartmentFilled() {
    ProcessInstance filed = file(PURCHASER, PurchaseRequests.elderlyCare(200_000)
        .putValueTyped(INDICATORS, PurchaseRequests.indicators(" 服务对象满意度 ", "90% ", "按时上门率", "98%")));
    assertThat(JsonValues.rows(runtimeService.getVariable(filed.getId(), INDICATORS))).containsExactly(
        Map.of("name", "服务对象满意度", "target", "90%"), Map.of("name", "按时上门率", "target", "98%"));
  }

  @Test
  void singleSourceGroundLeadsToSingleSource() {
    VariableMap request = PurchaseRequests.elderlyCare(300_000)
        .putValue(SINGLE_SOURCE_GROUND, "UNIQUE_SUPPLIER")
        .putValue(SINGLE_SOURCE_JUSTIFICATION, "本市唯一具备盲文教学资质的社会组织。");
    ProcessInstance purchase = file(PURCHASER, request);
    assertThat(purchase).variables().containsEntry(PROCUREMENT_METHOD, "SINGLE_SOURCE")
        .containsEntry(PROCUREMENT_METHOD_NAME, "单一来源采购");
  }

  @Test
  void projectNumbersRunOnAndStartAgainEachYear() {
    String first = file(PURCHASER, PurchaseRequests.elderlyCare(100_000)).getBusinessKey();
    String second = file(HEALTH_PURCHASER, PurchaseRequests.elderlyCare(100_000)).getBusinessKey();
    assertThat(number(second)).isEqualTo(number(first) + 1);

    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2031, 1, 2, 9, 0, 0, 0, ProcurementTime.ZONE).toInstant()));
    assertThat(file(PURCHASER, PurchaseRequests.elderlyCare(100_000)).getBusinessKey()).isEqualTo("NT-2031-0001");
  }

  static Stream<Arguments> brokenRequests() {
    LocalDate today = ProcurementTime.today();
    return Stream.of(
        broken("budget of zero", r -> r.putValue(BUDGET, 0), "预算金额必须大于0元"),
        broken("negative budget", r -> r.putValue(BUDGET, -5000), "预算金额必须大于0元"),
        broken("budget not a number", r -> r.putValue(BUDGET, "一百万"), "预算金额必须是数字"),
        broken("no indicators", r -> r.putValueTyped(INDICATORS, PurchaseRequests.indicators()),
            "请至少填写一项绩效指标。"),
        broken("indicator without target", r -> r.putValueTyped(INDICATORS,
            PurchaseRequests.indicators("服务对象满意度", "90%", "上门服务人次", " ")), "绩效指标第2行：请填写目标值。"),
        broken("indicator name too long", r -> r.putValueTyped(INDICATORS,
            PurchaseRequests.indicators("满".repeat(Indicators.MAX_LENGTH + 1), "90%")),
            "绩效指标第1行：指标名称不能超过" + Indicators.MAX_LENGTH + "个字。"),
        broken("more indicators than the later stages take", r -> r.putValueTyped(INDICATORS,
            PurchaseRequests.indicators(IntStream.rangeClosed(0, Indicators.MAX_INDICATORS)
                .mapToObj(i -> new String[] {"指标" + i, "目标" + i}).flatMap(Arrays::stream).toArray(String[]::new))),
            "绩效指标最多" + Indicators.MAX_INDICATORS + "行，现有" + (Indicators.MAX_INDICATORS + 1) + "行。"),
        broken("period ends before it starts", r -> r
            .putValue(SERVICE_PERIOD_START, today.plusMonths(3).toString())
            .putValue(SERVICE_PERIOD_END, today.plusMonths(2).toString()), "服务结束日期必须晚于开始日期"),
        broken("period starts in the past", r -> r.putValue(SERVICE_PERIOD_START, today.minusDays(1).toString()),
            "服务开始日期不能早于今天"),
        broken("period longer than three years", r -> r
            .putValue(SERVICE_PERIOD_END, today.plusYears(5).toString()), "服务期限不能超过3年"),
        broken("bad date", r -> r.putValue(SERVICE_PERIOD_END, "明年"), "日期格式不正确"),
        broken("too few survey respondents", r -> r.putValue(SURVEY_RESPONDENTS, 2), "调查对象不少于3个"),
        broken("no survey for a service to the public", r -> r.putValue(SURVEY_RESPONDENTS, null), "须开展需求调查"),
        broken("large project without survey", r -> r.putValue(SERVES_PUBLIC, false).putValue(BUDGET, 12_000_000)
            .putValue(SURVEY_RESPONDENTS, 0), "须开展需求调查"),
        broken("missing service name", r -> r.putValue(SERVICE_NAME, "  "), "请填写服务项目名称"),
        broken("unknown category", r -> r.putValue(SERVICE_CATEGORY, "WEAPONS"), "服务类别的选项无效"),
        broken("missing standards", r -> r.putValue(SERVICE_STANDARDS, null), "请填写服务标准"),
        broken("single source without justification", r -> r.putValue(SINGLE_SOURCE_GROUND, "EMERGENCY"),
            "请填写单一来源采购的具体说明"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRequests")
  void brokenRequestIsRefusedAndNothingIsSaved(String rule, Consumer<VariableMap> breakIt, String message) {
    long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    String numberBefore = file(PURCHASER, PurchaseRequests.elderlyCare(100_000)).getBusinessKey();

    VariableMap request = PurchaseRequests.elderlyCare(100_000);
    breakIt.accept(request);
    assertThatThrownBy(() -> file(PURCHASER, request))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining(message);

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instancesBefore + 1);
    // the refused request did not use up a project number
    String numberAfter = file(PURCHASER, PurchaseRequests.elderlyCare(100_000)).getBusinessKey();
    assertThat(number(numberAfter)).isEqualTo(number(numberBefore) + 1);
  }

  @Test
  void returnOrRejectionWithoutReasonIsRefusedAndTheTaskStays() {
    ProcessInstance purchase = file(PURCHASER, PurchaseRequests.elderlyCare(600_000));
    session.people().actAs(FINANCE_OFFICIAL);
    var review = taskService.createTaskQuery().processInstanceId(purchase.getId()).singleResult();
    taskService.claim(review.getId(), FINANCE_OFFICIAL);

    assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(REVIEW_DECISION, DECISION_RETURN)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请填写退回理由");
    assertThatThrownBy(() -> taskService.complete(review.getId(),
        Map.of(REVIEW_DECISION, DECISION_REJECT, REVIEW_COMMENT, " ")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("不予批准时请填写理由");
    assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(REVIEW_DECISION, "MAYBE")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("审核结论的选项无效");
    session.people().actAsNobody();

    assertThat(purchase).isWaitingAt("Task_ReviewRequest");
    assertThat(runtimeService.getVariable(purchase.getId(), REVIEW_DECISION)).isNull();
  }

  @Test
  void brokenRevisionIsRefusedAndTheTaskStays() {
    ProcessInstance purchase = file(PURCHASER, PurchaseRequests.elderlyCare(600_000));
    review(purchase, DECISION_RETURN, "预算偏高，请核减。");

    session.people().actAs(PURCHASER);
    var revise = taskService.createTaskQuery().processInstanceId(purchase.getId()).singleResult();
    taskService.claim(revise.getId(), PURCHASER);
    assertThatThrownBy(() -> taskService.complete(revise.getId(), Map.of(BUDGET, 0)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("预算金额必须大于0元");
    session.people().actAsNobody();

    assertThat(purchase).isWaitingAt("Task_ReviseRequest");
    assertThat(runtimeService.getVariable(purchase.getId(), BUDGET)).isEqualTo(600_000L);
  }

  private ProcessInstance file(String purchaser, VariableMap request) {
    session.people().actAs(purchaser);
    try {
      return engine.getFormService().submitStartForm(
          engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
              .latestVersion().singleResult().getId(), request);
    } finally {
      session.people().actAsNobody();
    }
  }

  private void review(ProcessInstance purchase, String decision, String comment) {
    session.people().actAs(FINANCE_OFFICIAL);
    try {
      var review = taskService.createTaskQuery().processInstanceId(purchase.getId())
          .taskDefinitionKey("Task_ReviewRequest").singleResult();
      taskService.claim(review.getId(), FINANCE_OFFICIAL);
      VariableMap form = Variables.createVariables().putValue(REVIEW_DECISION, decision);
      if (comment != null) {
        form.putValue(REVIEW_COMMENT, comment);
      }
      engine.getFormService().submitTaskForm(review.getId(), SplittingReasons.asTheFormAsks(engine, review.getId(), form));
    } finally {
      session.people().actAsNobody();
    }
  }

  private static int number(String projectNumber) {
    return Integer.parseInt(projectNumber.substring(projectNumber.lastIndexOf('-') + 1));
  }

  private static Arguments broken(String rule, Consumer<VariableMap> breakIt, String message) {
    return Arguments.of(rule, breakIt, message);
  }
}
