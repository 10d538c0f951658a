package org.publicservice.procurement.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.planning.PlanningVariables.PROCESS_KEY;

import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;

/** The planning stage in Tasklist: a department files a purchase request, the finance bureau approves it. */
class PurchaseRequestBrowserTest extends BrowserTest {

  /** Demo accounts (identity/DemoAccounts): 王敏 of the civil affairs bureau and 赵明 of the finance bureau. */
  static final String PURCHASER = "minzheng";
  static final String FINANCE_OFFICIAL = "caizheng";

  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired DisclosureRegister disclosureRegister;

  @Test
  void purchaserFilesARequestThroughTheStartFormAndFinanceApprovesIt() {
    String serviceName = "崇川区居家养老上门服务（浏览器）";
    String processInstanceId = fileThroughTheStartForm(serviceName);
    String projectNumber = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult().getBusinessKey();

    approveInTasklist(projectNumber, serviceName);

    assertPlanApproved(processInstanceId, projectNumber, serviceName);
  }

  /** The purchaser starts 政府购买服务项目 in Tasklist and fills its start form as a department official would. */
  private String fileThroughTheStartForm(String serviceName) {
    LocalDate start = ProcurementTime.today().plusMonths(2).withDayOfMonth(1);
    logIntoTasklist(PURCHASER, demoPassword);
    click(waitVisible(By.cssSelector("li.start-process-action a")));
    click(waitVisibleWithText(By.cssSelector(".modal-body a"), processName()));

    typeInto("Field_serviceName", serviceName);
    choose("Field_serviceCategory", "养老服务");
    typeInto("Field_serviceDescription", "为辖区内800名失能、半失能老人提供助餐、助洁、助浴等上门服务。");
    typeInto("Field_serviceStandards", "每名老人每月上门服务不少于8次，每次不少于1小时，服务记录可追溯。");
    // the indicators are a table: a row per indicator, its name and its target
    typeInto("Field_IndicatorName_0", "服务对象满意度");
    typeInto("Field_IndicatorTarget_0", "90%");
    typeInto("Field_IndicatorName_1", "上门服务人次");
    typeInto("Field_IndicatorTarget_1", "76800人次");
    typeInto("Field_budget", "1200000");
    typeDate("Field_servicePeriodStart", start);
    typeDate("Field_servicePeriodEnd", start.plusYears(1).minusDays(1));
    typeInto("Field_region", "南通市崇川区");
    click(formField("Field_servesPublic"));
    typeInto("Field_needsAssessment", "2026年9月对辖区老人开展入户问卷调查，并召开专家论证会。");
    typeInto("Field_surveyRespondents", "120");
    choose("Field_singleSourceGround", "不适用（不申请单一来源采购）");
    screenshot("start-form-filled");

    By startButton = By.cssSelector("button[ng-click='startProcessInstance()']");
    assertBecomesEnabled(startButton, "Start of the filled start form");
    click(driver.findElement(startButton));
    waitGone(By.cssSelector(".modal-dialog"));

    HistoricProcessInstance purchase = waitUntil(d -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).variableValueEquals(PlanningVariables.SERVICE_NAME, serviceName)
        .singleResult());
    assertThat(purchase.getStartUserId()).isEqualTo(PURCHASER);
    logOut();
    return purchase.getId();
  }

  private String processName() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
        .singleResult().getName();
  }

  /** The finance official finds the request in the group's task list, claims it and approves it. */
  private void approveInTasklist(String projectNumber, String serviceName) {
    logIntoTasklist(FINANCE_OFFICIAL, demoPassword);
    click(waitVisibleWithText(By.cssSelector(".task-filter h4.name a"), "本组待办"));
    click(waitVisibleWithText(By.cssSelector("[cam-tasks] .tasks-list li"), "审核采购申请"));
    click(waitVisibleWithText(By.cssSelector("[cam-tasklist-task] a, [cam-tasklist-task] button"), "Claim"));
    waitUntil(d -> formField("Field_projectNumber").getAttribute("value").equals(projectNumber));
    assertThat(formField("Field_serviceName").getAttribute("value")).isEqualTo(serviceName);
    assertThat(formField("Field_procurementMethodName").getAttribute("value")).isEqualTo("竞争性磋商");
    waitVisibleWithText(By.cssSelector(".fjs-form-field-text"), "上门服务人次：76800人次");
    check("Field_reviewDecision", "批准");
    typeInto("Field_reviewComment", "同意按竞争性磋商方式采购。");
    // earlier test purchases of the department may make this one look like splitting: the form then asks why
    var review = taskService.createTaskQuery().processInstanceBusinessKey(projectNumber)
        .taskDefinitionKey("Task_ReviewRequest").singleResult();
    if (Boolean.TRUE.equals(taskService.getVariable(review.getId(), PlanningVariables.SPLITTING_SUSPECTED))) {
      typeInto("Field_splittingApprovalReason", SplittingReasons.REASON);
    }
    screenshot("review-form-filled");
    By completeButton = By.cssSelector("button[ng-click='complete()']");
    assertBecomesEnabled(completeButton, "Complete of the review form with a decision");
    click(driver.findElement(completeButton));
    waitGone(By.cssSelector("button[ng-click='complete()']"));
  }

  private void assertPlanApproved(String processInstanceId, String projectNumber, String serviceName) {
    // the approved plan has gone on to its tender stage
    HistoricProcessInstance tender = waitUntil(d -> historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(processInstanceId).processDefinitionKey("TenderStage").singleResult());
    assertThat(tender.getBusinessKey()).isEqualTo(projectNumber).matches("NT-\\d{4}-\\d{4}");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(PlanningVariables.PLAN_APPROVED).singleResult().getValue()).isEqualTo(true);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(PlanningVariables.REVIEWER).singleResult().getValue()).isEqualTo(FINANCE_OFFICIAL);
    assertThat(disclosureRegister.findByProject(projectNumber)).singleElement().satisfies(notice -> {
      assertThat(notice.type()).isEqualTo(NoticeType.PROCUREMENT_INTENTION);
      assertThat(notice.title()).contains(serviceName);
      assertThat(notice.content()).contains("项目编号：" + projectNumber, "拟采用采购方式：竞争性磋商",
          "1. 服务对象满意度：90%", "2. 上门服务人次：76800人次");
    });
  }
}
