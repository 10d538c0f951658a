package org.publicservice.procurement.locale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** An official whose browser asks for Chinese sees Tasklist and the welcome page in Chinese. */
class ChineseTasklistBrowserTest extends BrowserTest {

  /** What Tasklist shows for a label missing from the language file: its key, such as START_PROCESS. */
  private static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  @Autowired TaskService taskService;

  private String taskId;

  @Override
  protected String browserLanguage() {
    return "zh-CN";
  }

  @AfterEach
  void deleteTask() {
    if (taskId != null) {
      taskService.deleteTask(taskId, true);
    }
  }

  @Test
  void officialWorksInChineseTasklist() {
    // a task of her own, so that the list and the task show their dates
    Task task = taskService.newTask();
    task.setName("核对服务对象名单");
    task.setAssignee("minzheng");
    task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));
    taskService.saveTask(task);
    taskId = task.getId();

    driver.get(url("/camunda/app/tasklist/default/"));
    waitText(By.cssSelector("form[name='signinForm'] button[type='submit']"), "登录");
    assertThat(waitVisible(By.cssSelector("form[name='signinForm'] input[ng-model='username']"))
        .getAttribute("placeholder")).isEqualTo("用户名");

    logIntoTasklist("minzheng", demoPassword);

    waitText(By.cssSelector("li.start-process-action a"), "发起流程");
    assertThat(waitVisible(By.cssSelector("li.account .dropdown-toggle")).getText()).isEqualTo("王 敏");
    assertThat(textContent(driver.findElement(By.cssSelector("li.account .dropdown-menu li.logout a"))))
        .isEqualTo("退出登录");
    assertThat(bodyText()).contains("请在列表中选择任务。", "创建时间").doesNotContainPattern(RAW_KEY)
        .doesNotContain("Start process", "Filters", "Log out");
    screenshot("tasklist");

    WebElement listItem = waitVisibleWithText(By.cssSelector("[cam-tasks] .tasks-list li"), "核对服务对象名单");
    assertThat(listItem.getText()).contains("到期 3 天后", "创建于");
    // the full date, shown on hovering over the due date, in the Chinese format of locales/zh.json (LLLL)
    assertThat(listItem.findElement(By.cssSelector("[am-time-ago='task.due']")).getAttribute("uib-tooltip"))
        .matches("\\d{4}年\\d{1,2}月\\d{1,2}日星期[日一二三四五六] \\d{2}:\\d{2}");
    click(listItem);
    waitText(By.cssSelector("button[ng-click='complete()']"), "完成");
    assertThat(bodyText()).contains("设置跟进日期", "历史", "流程图").doesNotContainPattern(RAW_KEY);
    screenshot("task");

    click(waitVisible(By.cssSelector("li.start-process-action a")));
    waitText(By.cssSelector(".modal-header"), "发起流程");
    assertThat(waitVisible(By.cssSelector(".modal input[ng-model='page.searchValue']")).getAttribute("placeholder"))
        .isEqualTo("按流程名称搜索。");
    waitText(By.cssSelector(".modal-body"), "点击要发起的流程。");
    assertThat(bodyText()).doesNotContainPattern(RAW_KEY);
    screenshot("start-process");
  }

  @Test
  void welcomePageIsChinese() {
    logIntoTasklist("minzheng", demoPassword);

    driver.get(url("/camunda/app/welcome/default/"));
    waitText(By.cssSelector("body"), "个人资料");
    assertThat(bodyText()).contains("任务列表").doesNotContainPattern(RAW_KEY)
        .doesNotContain("Applications", "Profile");
    screenshot("welcome");
  }

  private String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The text of an element that Tasklist keeps hidden until its menu opens. */
  private static String textContent(WebElement element) {
    return element.getAttribute("textContent").trim();
  }
}
