package org.publicservice.procurement.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evaluation's Camunda Forms in Tasklist: the organisation's self-evaluation and the evaluator's scoring show
 * one numbered row per indicator of the contract (the unused rows hidden) and submit, as their users fill them in.
 */
class EvaluationFormsBrowserTest extends BrowserTest {

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theOrganisationEvaluatesItselfAndTheEvaluatorScoresInTasklist() {
    BpmnAwareTests.init(engine);
    EvaluationStages stages = new EvaluationStages(engine);
    String projectNumber = EvaluationStages.newProjectNumber();
    ProcessInstance stage = stages.start(projectNumber, "崇川区居家养老上门服务" + UUID.randomUUID().toString()
        .substring(0, 4), 1);

    openTasklistFirstTime();
    logIntoTasklist(EvaluationStages.CONTRACTOR, demoPassword);
    click(waitVisibleWithText(By.cssSelector(".task-filter h4.name a"), "我的任务"));
    openTask("承接主体自评", projectNumber);
    // a table with one row per indicator of the request, no more
    waitVisibleWithText(By.cssSelector(".fjs-form-field-text"), "指标2：" + EvaluationStages.INDICATOR_LINES.get(1));
    waitVisibleWithText(By.cssSelector(".fjs-form-field-text"), "指标1：" + EvaluationStages.INDICATOR_LINES.get(0));
    assertThat(driver.findElements(By.cssSelector("input[id*='-Field_SelfScore_']"))).hasSize(2);
    fillAll(new String[][] {{"Field_SelfValue_0", "满意度92%"}, {"Field_SelfScore_0", "92"},
        {"Field_SelfValue_1", "完成78,000人次"}, {"Field_SelfScore_1", "95"},
        {"Field_selfEvaluationReport", "全年服务记录完整，满意度调查覆盖全部服务对象。"}});
    screenshot("self-evaluation");
    By complete = By.cssSelector("button[ng-click='complete()']");
    assertBecomesEnabled(complete, "Complete of the filled self-evaluation");
    click(driver.findElement(complete));
    waitGone(complete);
    waitUntil(d -> engine.getRuntimeService().getVariable(stage.getId(), SELF_SCORE_TOTAL) != null);
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), SELF_SCORE_TOTAL)).isEqualTo(93.5);
    logOut();

    stages.handOutCodes(stage);
    stages.endRatingWindow(stage);
    ClockUtil.reset();

    logIntoTasklist(EvaluationStages.EVALUATOR, demoPassword);
    click(waitVisibleWithText(By.cssSelector(".task-filter h4.name a"), "本组待办"));
    openTask("第三方评价打分", projectNumber);
    click(waitVisibleWithText(By.cssSelector("[cam-tasklist-task] a, [cam-tasklist-task] button"), "Claim"));
    waitVisibleWithText(By.cssSelector(".fjs-form-field-text"), "自评平均分：93.50分");
    assertThat(formField("Field_ratingSummary").getAttribute("value")).contains("没有服务对象或居民参与评价");
    assertThat(driver.findElements(By.cssSelector("input[id*='-Field_ThirdPartyScore_']"))).hasSize(2);
    fillAll(new String[][] {{"Field_ThirdPartyScore_0", "88"}, {"Field_ThirdPartyScore_1", "90"},
        {"Field_thirdPartyReport", "抽查120户，服务记录与实际相符。"}});
    screenshot("third-party-evaluation");
    assertBecomesEnabled(complete, "Complete of the filled scoring");
    click(driver.findElement(complete));
    waitGone(complete);

    waitUntil(d -> engine.getManagementService().createJobQuery().processInstanceId(stage.getId())
        .activityId("Task_GradeEvaluation").count() == 1);
    stages.grade(stage);
    // nobody rated: 0.85 × 89 + 0.15 × 93.5 = 89.675 -> 89.68, 良好
    assertThat(stage).isEnded();
    assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(stage.getId())
        .variableName(GRADE).singleResult().getValue()).isEqualTo(GRADE_GOOD);
  }

  /** Opens the task of that name whose form shows the project (other tests' stages may have tasks of that name). */
  private void openTask(String taskName, String projectNumber) {
    waitVisibleWithText(By.cssSelector("[cam-tasks] .tasks-list li"), taskName);
    int cards = driver.findElements(By.cssSelector("[cam-tasks] .tasks-list li")).size();
    for (int i = 0; i < cards; i++) {
      WebElement card = driver.findElements(By.cssSelector("[cam-tasks] .tasks-list li")).get(i);
      if (!card.getText().contains(taskName)) {
        continue;
      }
      click(card);
      String shown = waitUntil(d -> {
        String value = formField("Field_projectNumber").getAttribute("value");
        return value == null || value.isEmpty() ? null : value;
      });
      if (shown.equals(projectNumber)) {
        return;
      }
    }
    throw new AssertionError("no task " + taskName + " of " + projectNumber + " in the list");
  }
}
