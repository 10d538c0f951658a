package org.publicservice.procurement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.calendar.HolidayScheduleVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator enters the year's holiday schedule in Tasklist, a form with two tables (放假安排 and 调休上班日):
 * from the start form of 维护节假日安排 and from the task 录入2027年节假日安排 that the yearly check opens. The
 * button stays usable on a filled form, also after an empty row was added and removed again.
 */
class HolidayScheduleBrowserTest extends BrowserTest {

  private static final Date TODAY = Date.from(OffsetDateTime.parse("2026-11-28T10:00:00+08:00").toInstant());

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired WorkingDayCalendar workingDays;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(TODAY);
    forget2027();
  }

  @AfterEach
  void reset() {
    forget2027();
    ClockUtil.reset();
  }

  @Test
  void anAdministratorEntersTheScheduleThroughTheStartForm() {
    logIntoTasklist("admin", demoPassword);
    click(waitVisible(By.cssSelector("li.start-process-action a")));
    click(waitVisibleWithText(By.cssSelector(".modal-body a"), "维护节假日安排"));

    typeInto("Field_Notice", "国办发明电〔2026〕9号 国务院办公厅关于2027年部分节假日安排的通知");
    typeInto("Field_HolidayName_0", "元旦");
    typeDate("Field_HolidayFirstDay_0", LocalDate.of(2027, 1, 1));
    typeDate("Field_HolidayLastDay_0", LocalDate.of(2027, 1, 3));
    click(addRowButton(0));
    typeInto("Field_HolidayName_1", "春节");
    typeDate("Field_HolidayFirstDay_1", LocalDate.of(2027, 2, 5));
    typeDate("Field_HolidayLastDay_1", LocalDate.of(2027, 2, 13));
    click(addRowButton(1));
    typeDate("Field_MakeupDate_0", LocalDate.of(2027, 2, 20));
    typeInto("Field_MakeupName_0", "春节");
    // last: form-js re-renders once more some 300 ms after a number field and would reset a text typed meanwhile
    typeInto("Field_Year", "2027");

    By startButton = By.cssSelector("button[ng-click='startProcessInstance()']");
    assertBecomesEnabled(startButton, "Start of the filled holiday schedule");
    // a row added by mistake and left empty is marked; removing it makes the form complete again
    click(addRowButton(0));
    click(formField("Field_HolidayName_2"));
    click(formField("Field_Notice"));
    waitVisible(By.cssSelector("[id$='-Field_HolidayName_2-error-message']"));
    waitUntil(d -> d.findElement(startButton).isEnabled() ? null : Boolean.TRUE);
    click(removeRowButton(2));
    assertThat(driver.findElements(By.cssSelector("[id$='-Field_HolidayName_2']"))).isEmpty();
    screenshot("schedule-filled");
    assertBecomesEnabled(startButton, "Start after the empty row was removed");
    click(driver.findElement(startButton));
    waitGone(By.cssSelector(".modal-dialog"));

    YearSchedule schedule = stored(MAINTAIN_PROCESS);
    assertThat(schedule.notice()).startsWith("国办发明电〔2026〕9号");
    assertThat(schedule.updatedBy()).isEqualTo("admin");
    assertThat(schedule.holidays()).hasSize(12);
    assertThat(schedule.makeupWorkdays()).extracting(SpecialDay::date).containsExactly(LocalDate.of(2027, 2, 20));
  }

  @Test
  void anAdministratorCompletesTheYearlyWarningTaskWithTheNotice() {
    ProcessInstance check = runtimeService.startProcessInstanceByMessage(CHECK_NOW_MESSAGE);
    Task warning = taskService.createTaskQuery().processInstanceId(check.getId()).singleResult();
    assertThat(warning.getName()).isEqualTo("录入2027年节假日安排");

    logIntoTasklist("admin", demoPassword);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + warning.getId()));
    click(waitClickable(By.cssSelector("button[ng-click='claim()']")));
    // the form opens with the statutory holidays prefilled as rows; that alone must not block completion
    WebElement firstHoliday = formField("Field_HolidayName_0");
    assertThat(firstHoliday.getAttribute("value")).isNotBlank();
    By completeButton = By.cssSelector("button[ng-click='complete()']");
    assertBecomesEnabled(completeButton, "Complete of the prefilled schedule");

    typeInto("Field_Notice", "国办发明电〔2026〕9号 国务院办公厅关于2027年部分节假日安排的通知");
    click(addRowButton(1));
    typeDate("Field_MakeupDate_0", LocalDate.of(2027, 2, 20));
    typeInto("Field_MakeupName_0", "春节");
    screenshot("warning-task-filled");
    assertBecomesEnabled(completeButton, "Complete of the filled schedule");
    click(driver.findElement(completeButton));
    waitGone(completeButton);

    YearSchedule schedule = stored(CHECK_PROCESS);
    assertThat(schedule.notice()).startsWith("国办发明电〔2026〕9号");
    assertThat(schedule.makeupWorkdays()).extracting(SpecialDay::date).containsExactly(LocalDate.of(2027, 2, 20));
  }

  /** Runs the asynchronous step that stores the submitted schedule (the tests run no job executor). */
  private YearSchedule stored(String processKey) {
    Job store = waitUntil(d -> managementService.createJobQuery().processDefinitionKey(processKey)
        .messages().singleResult());
    managementService.executeJob(store.getId());
    YearSchedule schedule = workingDays.schedule(2027);
    assertThat(schedule.isOfficial()).isTrue();
    return schedule;
  }

  /** The 新增 button under list {@code list} (0: 放假安排, 1: 调休上班日). */
  private WebElement addRowButton(int list) {
    return waitUntil(d -> {
      List<WebElement> buttons = d.findElements(By.cssSelector(".fjs-repeat-render-add"));
      return buttons.size() > list ? buttons.get(list) : null;
    });
  }

  /** The remove button of row {@code row} of the first list. */
  private WebElement removeRowButton(int row) {
    return formField("Field_HolidayName_" + row).findElement(By.xpath(
        "./ancestor::div[contains(concat(' ', @class, ' '), ' fjs-repeat-row-container ')][1]"
            + "//button[contains(concat(' ', @class, ' '), ' fjs-repeat-row-remove ')]"));
  }

  private void forget2027() {
    HolidayScheduleProcessTest.forget2027(runtimeService, jdbc, workingDays);
  }
}
