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
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scoring form in Tasklist: one task shows a table with a row per qualified bid and, in it, a row per criterion
 * of the tender, labelled with the criterion and its maximum; a score above the maximum is marked and blocks
 * completion until corrected; the completed sheet lands in the review tables.
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
    waitVisibleWithText(By.cssSelector(".fjs-form-field-label"), "服务方案（0–40分）");
    waitVisibleWithText(By.cssSelector(".fjs-form-field-label"), "管理制度（0–10分）");
    // exactly the tender's 4 bids x 3 criteria, no spare slots
    assertThat(driver.findElements(By.cssSelector("input[id*='-Field_Score_']"))).hasSize(12);
    By completeButton = By.cssSelector("button[ng-click='complete()']");
    // the sheet opens with its rows prefilled: a list must not grey out the button (form-js 1.8.7, see
    // dynamic-list-errors.js)
    assertBecomesEnabled(completeButton, "Complete of the untouched score sheet");

    double[][] scores = ReviewStageProcessTest.SCORES;
    for (int b = 0; b < 4; b++) {
      for (int c = 0; c < 3; c++) {
        typeInto("Field_Score_" + b + "_" + c, b == 1 && c == 0 ? "45" : String.valueOf((int) scores[b][c]));
      }
    }
    // 45 of a 40-point criterion is marked on its field and keeps the sheet from being completed
    waitUntil(d -> d.findElement(By.cssSelector("[id$='-Field_Score_1_0-error-message']")).getText().contains("40")
        ? Boolean.TRUE : null);
    assertThat(driver.findElement(completeButton).isEnabled()).isFalse();
    screenshot("score-above-maximum");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_score WHERE process_instance_id = ?", Integer.class,
        stage.getId())).isZero();

    typeInto("Field_Score_1_0", "30");
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
