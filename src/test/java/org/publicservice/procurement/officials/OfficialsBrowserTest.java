package org.publicservice.procurement.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role's day in Tasklist, in a Chinese browser on Beijing time: what the role sees first (its guide, only
 * the buttons it can use, no English), how dates are typed and refused, where refusals appear, the project
 * number after filing and the purchaser's list of purchases, money and deadlines in the finance review. Each
 * test saves a screenshot of the role's main screen in target/browser-screenshots/.
 */
class OfficialsBrowserTest extends BrowserTest {

  /** Latin words an official may see: product and tool names, the time zone, project numbers. */
  private static final Pattern ALLOWED_LATIN = Pattern.compile(
      "Camunda Platform|Camunda Desktop Modeler|Desktop Modeler|Cockpit|Admin|HTTP Basic|REST|BPMN|DMN|/engine-rest|Asia/Shanghai"
          + "|v\\d+\\.\\d+\\.\\d+|NT-\\d{4}-\\d{4}");
  private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{2,}");
  private static final long FORM_JS_DEBOUNCE_MS = 400;
  private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngine engine;

  private final List<String> purchases = new ArrayList<>();

  @Override
  protected String browserLanguage() {
    return "zh-CN";
  }

  @Override
  protected String browserTimeZone() {
    return "Asia/Shanghai";
  }

  @AfterEach
  void withdrawPurchases() {
    // other tests pick tasks by name from the shared database: leave no open request behind
    purchases.forEach(id -> runtimeService.deleteProcessInstance(id, "browser test finished"));
  }

  @Test
  void purchaserFilesARequestTheChineseWayAndFollowsItInHerPurchases() {
    logIntoTasklist("minzheng", demoPassword);
    WebElement guide = waitVisibleWithText(By.cssSelector(".procurement-guide"), "您的职责：采购人");
    assertThat(guide.getText()).contains("发起流程 → 政府购买服务项目", "我的采购项目");
    assertHidden("li.create-task-action");
    assertThat(waitVisible(By.cssSelector("li.procurement-purchases-action")).getText()).contains("我的采购项目");
    assertNoEnglish();
    screenshot("purchaser");

    click(waitVisible(By.cssSelector("li.start-process-action a")));
    click(waitVisibleWithText(By.cssSelector(".modal-body a"), processName()));
    String serviceName = "港闸区助餐服务（浏览器" + System.nanoTime() % 100000 + "）";
    LocalDate start = ProcurementTime.today().plusMonths(2).withDayOfMonth(1);

    // dates: a US date is refused, never read as another day; a Chinese date is shown back as 2027-01-01
    assertThat(formField("Field_servicePeriodStart-date").getAttribute("placeholder")).isEqualTo("年-月-日，如 2027-01-01");
    typeDate("Field_servicePeriodStart", "03/01/" + start.getYear());
    assertThat(waitVisible(By.cssSelector(".procurement-date-refusal")).getText())
        .isEqualTo("无法识别的日期“03/01/" + start.getYear() + "”：请按“年-月-日”填写，例如 2027-01-01，或在日历中选择。");
    assertThat(formField("Field_servicePeriodStart-date").getAttribute("value")).isEmpty();
    typeDate("Field_servicePeriodStart", start.format(CHINESE_DAY));
    waitUntil(d -> formField("Field_servicePeriodStart-date").getAttribute("value").equals(start.toString()));
    assertThat(driver.findElements(By.cssSelector(".procurement-date-refusal"))).isEmpty();
    typeDate("Field_servicePeriodEnd", start.plusYears(1).minusDays(1));

    // form-js's own messages in Chinese
    type("Field_budget", "0");
    type("Field_region", "南通市港闸区");
    assertThat(fieldOf("Field_budget").getText()).contains("不能小于 0.01。");
    assertThat(fieldOf("Field_serviceCategory").getText()).contains("请选择");
    // the greyed-out 发起 says why
    assertThat(waitVisible(By.cssSelector(".procurement-disabled-hint")).getText())
        .isEqualTo("请先填写所有标 * 的必填项；不符合要求的项目下方有红字说明。");

    choose("Field_serviceCategory", "养老服务");
    type("Field_serviceName", serviceName);
    type("Field_serviceDescription", "为辖区内300名独居老人提供每日助餐服务。");
    type("Field_serviceStandards", "每日午餐一次，配送不超过30分钟。");
    // the indicators table: a target of blanks passes the browser, the server refuses it
    type("Field_IndicatorName_0", "服务对象满意度");
    type("Field_IndicatorTarget_0", " ");
    type("Field_IndicatorName_1", "助餐人次");
    type("Field_IndicatorTarget_1", "109500人次");
    type("Field_budget", "1200000");
    type("Field_needsAssessment", "2026年对辖区独居老人开展入户调查。");
    assertNoEnglish();

    // the server's refusal appears under the field it concerns, without a technical prefix, once
    By startButton = By.cssSelector("button[ng-click='startProcessInstance()']");
    assertBecomesEnabled(startButton, "Start of a form the browser accepts");
    assertThat(driver.findElements(By.cssSelector(".procurement-disabled-hint"))).isEmpty();
    click(driver.findElement(startButton));
    WebElement refusal = waitVisible(By.cssSelector(".procurement-refusal"));
    assertThat(refusal.getText()).isEqualTo("绩效指标第1行：请填写目标值。")
        .doesNotContain("Cannot", "ENGINE", "PublicServicePurchase");
    assertThat(refusal.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
        .findElement(By.cssSelector(".fjs-form-field-label")).getText()).contains("绩效指标");
    click(driver.findElement(startButton));
    waitUntil(d -> d.findElements(By.cssSelector(".procurement-refusal")).size() == 1
        && d.findElements(By.cssSelector(".alert-danger")).stream().noneMatch(WebElement::isDisplayed));
    screenshot("refusal-next-to-field");

    type("Field_IndicatorTarget_0", "90%");
    click(driver.findElement(startButton));
    waitGone(By.cssSelector(".modal-dialog"));

    // the project number right after filing, with the way to the purchases
    WebElement confirmation = waitVisibleWithText(By.cssSelector(".alert"), "项目编号");
    HistoricProcessInstance filed = waitUntil(d -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE)
        .variableValueEquals(PlanningVariables.SERVICE_NAME, serviceName).singleResult());
    purchases.add(filed.getId());
    String projectNumber = filed.getBusinessKey();
    assertThat(confirmation.getText()).contains("已提交，项目编号：" + projectNumber);
    click(confirmation.findElement(By.cssSelector("a.procurement-purchases-link")));

    WebElement row = waitVisible(By.cssSelector("tr[data-project-number='" + projectNumber + "']"));
    assertThat(row.getText()).contains(serviceName, "1,200,000.00元", "采购需求与审核", "审核采购申请：财政局");
    assertThat(row.findElements(By.cssSelector("td")).get(6).getText())
        .matches("\\d{4}-\\d{2}-\\d{2} 23:59\\n审核采购申请");
    assertThat(waitVisible(By.cssSelector(".procurement-purchases")).getText()).contains("采购单位：南通市民政局");
    assertNoEnglish();
    screenshot("purchases");
  }

  @Test
  void financeReviewsARequestWithItsAmountAsMoneyAndItsDeadline() {
    String projectNumber = fileRequestAs("weijian", 1_200_000L);
    logIntoTasklist("caizheng", demoPassword);
    waitVisibleWithText(By.cssSelector(".procurement-guide"), "您的职责：财政部门");
    assertHidden("li.create-task-action");
    assertHidden("li.start-process-action");
    assertHidden("li.procurement-purchases-action");
    assertNoEnglish();
    screenshot("finance");

    click(waitVisibleWithText(By.cssSelector(".task-filter h4.name a"), "本组待办"));
    WebElement card = waitVisibleWithText(By.cssSelector("[cam-tasks] .tasks-list li"), projectNumber);
    assertThat(card.getText()).contains("审核采购申请").containsPattern("到期 \\d+ 天后");
    click(card.findElement(By.cssSelector("h4 a")));
    waitUntil(d -> formField("Field_projectNumber").getAttribute("value").equals(projectNumber));
    assertThat(formField("Field_budget").getAttribute("value")).isEqualTo("1,200,000.00 元");
    LocalDate start = ProcurementTime.today().plusMonths(2).withDayOfMonth(1);
    assertThat(formField("Field_servicePeriodStart-date").getAttribute("value")).isEqualTo(start.toString());
    assertThat(formField("Field_servicePeriodEnd-date").getAttribute("value"))
        .isEqualTo(start.plusYears(1).minusDays(1).toString());
    assertNoEnglish();
    screenshot("finance-review");
  }

  @Test
  void everyOtherRoleSeesWhatItDoesAndWhere() {
    record Role(String user, String name, String says, boolean startsProcesses, boolean createsTasks) {
    }
    List<Role> roles = List.of(
        new Role("org-yangguang", "承接主体", "供应商登录 → 我的投标", true, false),
        new Role("expert01", "评审专家", "回避声明", false, false),
        new Role("pingjia", "第三方评价机构", "第三方评价打分", false, false),
        new Role("jiandu", "监督", "打开监控平台（Cockpit）", false, false),
        new Role("sheji", "流程设计", "Desktop Modeler", false, false),
        new Role("admin", "系统管理员", "打开管理平台（Admin）", true, true));
    for (Role role : roles) {
      logIntoTasklist(role.user(), demoPassword);
      WebElement guide = waitVisibleWithText(By.cssSelector(".procurement-guide"), "您的职责：" + role.name());
      assertThat(guide.getText()).as(role.user()).contains(role.says());
      assertThat(isShown("li.start-process-action")).as("发起流程 for %s", role.user()).isEqualTo(role.startsProcesses());
      assertThat(isShown("li.create-task-action")).as("新建任务 for %s", role.user()).isEqualTo(role.createsTasks());
      assertHidden("li.procurement-purchases-action");
      if (!role.createsTasks()) {
        assertNoEnglish();
      }
      screenshot(role.user());
      if (role.user().equals("org-yangguang")) {
        assertThat(guide.findElement(By.tagName("a")).getAttribute("href")).isEqualTo(url("/portal/login"));
      }
      if (role.createsTasks()) {
        click(waitVisible(By.cssSelector("li.create-task-action a")));
        waitText(By.cssSelector(".modal-title"), "新建任务");
        assertThat(waitVisible(By.cssSelector(".modal-body")).getText()).contains("名称", "办理人").doesNotContain("租户");
        click(waitVisibleWithText(By.cssSelector(".modal-footer button"), "关闭"));
        waitGone(By.cssSelector(".modal-dialog"));
      }
      logOut();
    }
  }

  private String fileRequestAs(String userId, long budget) {
    ProcessInstance instance = PurchaseFiling.fileAs(engine, userId, PurchaseRequests.elderlyCare(budget));
    purchases.add(instance.getId());
    return instance.getBusinessKey();
  }

  /**
   * Types into a field as a person does, at a person's pace: form-js takes typed text 300 ms later (a debounce),
   * and a step within that time (another field, an option) works on the form's data from before the typing.
   */
  private void type(String fieldId, String text) {
    typeInto(fieldId, text);
    try {
      Thread.sleep(FORM_JS_DEBOUNCE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String processName() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE)
        .latestVersion().singleResult().getName();
  }

  private WebElement fieldOf(String fieldId) {
    return formField(fieldId)
        .findElement(By.xpath("./ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
  }

  private boolean isShown(String css) {
    return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
  }

  private void assertHidden(String css) {
    waitUntil(d -> !isShown(css));
  }

  /** The visible text of the page has no English word besides names of products and tools. */
  private void assertNoEnglish() {
    String text = ALLOWED_LATIN.matcher(driver.findElement(By.tagName("body")).getText()).replaceAll("");
    List<String> english = new ArrayList<>();
    Matcher word = LATIN_WORD.matcher(text);
    while (word.find()) {
      english.add(word.group());
    }
    assertThat(english).as("English words on the page").isEmpty();
  }
}
