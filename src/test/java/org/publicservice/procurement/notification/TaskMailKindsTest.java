package org.publicservice.procurement.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.StaticApplicationContext;

/**
 * Each kind of task has its own mail: a purchase's task names its project and service, the administrators' work
 * (the holiday schedule of the working-day calendar, a task created by hand) names the work and its process only,
 * never an empty 服务项目 or a project number such as holiday-schedule-2027.
 */
class TaskMailKindsTest {

  private final MailTemplates templates = new MailTemplates(
      new MailProperties("noreply@test.example", "平台", MailTemplates.BUILT_IN, Duration.ofDays(1)),
      new StaticApplicationContext());

  private static TaskMails.TaskFacts task(String processDefinitionId, String businessKey, Object serviceName) {
    return new TaskMails.TaskFacts("42", "录入2027年节假日安排", null, Set.of(), Set.of("camunda-admin"), new Date(),
        processDefinitionId, businessKey, serviceName);
  }

  @ParameterizedTest
  @ValueSource(strings = {TaskMails.TEMPLATE_ASSIGNED, TaskMails.TEMPLATE_CANDIDATE, TaskMails.TEMPLATE_DUE_SOON,
      TaskMails.TEMPLATE_OVERDUE, TaskMails.TEMPLATE_OVERDUE_SUPERVISOR})
  void theCalendarTaskHasAMailOfItsOwn(String kind) {
    String template = TaskMails.template(kind, task("CheckHolidaySchedule:1:abc", "holiday-schedule-2027", null));
    assertThat(template).isEqualTo("admin-" + kind);
    assertThat(TaskMails.template(kind, task(null, null, null))).as("a task created by hand").isEqualTo(template);
    assertThat(TaskMails.template(kind, task("TenderStage:3:abc", "NT-2027-0001", "助餐服务")))
        .as("a purchase's task").isEqualTo(kind);

    Map<String, Object> model = new HashMap<>();
    model.put(MailVariables.MODEL_PROJECT_NUMBER, "holiday-schedule-2027");
    model.put(MailVariables.MODEL_TASK_NAME, "录入2027年节假日安排");
    model.put(MailVariables.MODEL_PROCESS_NAME, "检查节假日安排");
    model.put(MailVariables.MODEL_DUE_DATE, "2026年12月11日 23:59");
    model.put(MailVariables.MODEL_RESPONSIBLE, "系统管理员");
    model.put(MailVariables.MODEL_TASK_LINK, "http://localhost:18140/camunda/app/tasklist/default/#/?task=42");
    model.put("recipientName", "系统管理员");
    var mail = templates.render(template, model);
    assertThat(mail.subject()).contains("录入2027年节假日安排").doesNotContain("holiday-schedule");
    assertThat(mail.body()).contains("事项：录入2027年节假日安排", "所属流程：检查节假日安排",
            "http://localhost:18140/camunda/app/tasklist/default/#/?task=42")
        .doesNotContain("项目编号", "服务项目", "holiday-schedule-2027");
  }
}
