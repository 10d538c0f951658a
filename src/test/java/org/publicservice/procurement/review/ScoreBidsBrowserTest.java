package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.review.ReviewStages.BIDS;
import static org.publicservice.procurement.review.ReviewStages.inputs;
import static org.publicservice.procurement.review.ReviewVariables.COMPREHENSIVE;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scoring form in Tasklist: one task lists every qualified bid with numbered score fields labelled from the
 * tender's criteria, unused fields hidden; a score above the criterion's maximum is refused with the server's
 * Chinese message; the completed sheet lands in the review tables.
 */
class ScoreBidsBrowserTest extends BrowserTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anExpertScoresEveryBidInOneForm() {
    for (Object[] bid : BIDS) {
      jdbc.update("DELETE FROM credit_record WHERE organisation_user_id = ?", bid[0]);
    }
    ReviewStages stages = new ReviewStages(engine, new TestIdentities(identityService));
    ProcessInstance stage = stages.start(inputs("NT-2026-0981", 2_000_000, COMPREHENSIVE, 3, BIDS));
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    stages.acceptAll(stage);
    stages.passCompliance(stage);
    Task sheet = stages.tasks(stage, "Task_ScoreBids").get(0);
    String expert = sheet.getAssignee();

    logIntoTasklist(expert, demoPassword);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + sheet.getId()));
    waitVisibleWithText(By.cssSelector(".fjs-form-field-text"), "投标1：南通阳光养老服务中心");
    waitVisibleWithText(By.cssSelector(".fjs-form-field-text"), "投标4：南通安乐居家养老服务社");
    waitVisibleWithText(By.cssSelector(".fjs-form-field-label"), "评分项1：服务方案（0–40分）");
    waitVisibleWithText(By.cssSelector(".fjs-form-field-label"), "评分项3：管理制度（0–10分）");
    assertThat(driver.findElements(By.cssSelector("[id$='-Field_Score_1_4']"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("[id$='-Field_Score_5_1']"))).isEmpty();

    double[][] scores = ReviewStageProcessTest.SCORES;
    for (int b = 1; b <= 4; b++) {
      for (int c = 1; c <= 3; c++) {
        typeInto("Field_Score_" + b + "_" + c, b == 2 && c == 1 ? "45" : String.valueOf((int) scores[b - 1][c - 1]));
      }
    }
    By completeButton = By.cssSelector("button[ng-click='complete()']");
    click(driver.findElement(completeButton));
    // the server refuses the 45 of a 40-point criterion, in Chinese, and keeps the form open
    waitUntil(d -> d.getPageSource().contains("投标2（南通心语社会工作服务社）的“服务方案”评分须在0至40分之间。"));
    screenshot("score-above-maximum");
    for (WebElement close : driver.findElements(By.cssSelector(".notifications .close, .notification .close"))) {
      if (close.isDisplayed()) {
        click(close);
      }
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_score WHERE process_instance_id = ?", Integer.class,
        stage.getId())).isZero();

    typeInto("Field_Score_2_1", "30");
    screenshot("score-sheet-filled");
    assertBecomesEnabled(completeButton, "Complete of the filled score sheet");
    click(driver.findElement(completeButton));
    waitGone(completeButton);

    List<java.util.Map<String, Object>> stored = waitUntil(d -> {
      List<java.util.Map<String, Object>> rows = jdbc.queryForList("SELECT bid_id, criterion_index, score "
          + "FROM review_score WHERE process_instance_id = ? AND member_user_id = ? ORDER BY bid_id, criterion_index",
          stage.getId(), expert);
      return rows.size() == 12 ? rows : null;
    });
    assertThat(stored.get(0)).containsEntry("BID_ID", "NT-2026-0981-B1");
    assertThat(((java.math.BigDecimal) stored.get(3).get("SCORE"))).isEqualByComparingTo("30");
  }
}
