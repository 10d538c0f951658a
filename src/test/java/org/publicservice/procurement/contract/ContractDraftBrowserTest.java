package org.publicservice.procurement.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The department drafts the contract in Tasklist and enters the payment schedule as a table, a row per instalment:
 * a schedule whose amounts do not add up to the contract amount is refused with the sums named, the corrected one
 * is stored as the milestones the performance stage works through.
 */
class ContractDraftBrowserTest extends BrowserTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void theDepartmentEntersThePaymentScheduleAsATable() {
    String projectNumber = ContractFixtures.newProjectNumber();
    ProcessInstance stage = runtimeService.startProcessInstanceByKey(ContractVariables.PROCESS_KEY, projectNumber,
        ContractFixtures.awarded(projectNumber));
    Task draft = taskService.createTaskQuery().processInstanceId(stage.getId())
        .taskDefinitionKey("Task_DraftContract").singleResult();

    logIntoTasklist("minzheng", demoPassword);
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + draft.getId()));
    click(waitClickable(By.cssSelector("button[ng-click='claim()']")));
    // numbers first: form-js re-renders once more some 300 ms after a number field and would reset a text typed
    // meanwhile
    typeInto("Field_contractAmount", "280000");
    typeInto("Field_performanceBond", "14000");
    typeInto("Field_InstalmentAmount_0", "200000");
    typeInto("Field_InstalmentAmount_1", "70000");
    typeDate("Field_contractPeriodStart", LocalDate.of(2027, 1, 1));
    typeDate("Field_contractPeriodEnd", LocalDate.of(2027, 12, 31));
    typeDate("Field_InstalmentDueDate_0", LocalDate.of(2027, 6, 30));
    typeDate("Field_InstalmentDueDate_1", LocalDate.of(2028, 1, 31));
    typeInto("Field_InstalmentName_0", "第一阶段验收");
    typeInto("Field_InstalmentName_1", "绩效评价后尾款");

    By completeButton = By.cssSelector("button[ng-click='complete()']");
    assertBecomesEnabled(completeButton, "Complete of the filled draft with its two-row schedule");
    click(driver.findElement(completeButton));
    waitUntil(d -> d.getPageSource().contains("付款计划各期金额合计270,000.00元，与合同金额280,000.00元不一致")
        ? Boolean.TRUE : null);
    screenshot("schedule-refused");
    assertThat(runtimeService.getVariable(stage.getId(), ContractVariables.MILESTONES)).isNull();

    typeInto("Field_InstalmentAmount_1", "80000");
    assertBecomesEnabled(completeButton, "Complete of the corrected draft");
    click(driver.findElement(completeButton));
    waitGone(completeButton);

    assertThat(JsonValues.rows(runtimeService.getVariable(stage.getId(), ContractVariables.MILESTONES)))
        .extracting(m -> m.get("name") + " " + new java.math.BigDecimal(String.valueOf(m.get("amount"))).intValue()
            + " " + m.get("dueDate"))
        .containsExactly("第一阶段验收 200000 2027-06-30", "绩效评价后尾款 80000 2028-01-31");
    assertThat(runtimeService.getVariable(stage.getId(), ContractVariables.PAYMENT_SCHEDULE_TEXT))
        .isEqualTo("第1期 第一阶段验收：200,000.00元，2027-06-30\n第2期 绩效评价后尾款：80,000.00元，2028-01-31（绩效评价后支付）");
  }
}
