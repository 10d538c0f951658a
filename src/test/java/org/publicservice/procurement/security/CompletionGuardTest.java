package org.publicservice.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.security.EngineHttp.values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementIntentions;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Attack 1 of issue 12 replayed as the real users over HTTP: a completion that carries more than its form asks, or
 * changes a read-only value the next steps trust, is refused with 400 and a Chinese message, and nothing changes.
 */
@ProcurementSpringTest
class CompletionGuardTest {

  private static final AtomicInteger NEXT = new AtomicInteger(7000 + (int) (System.nanoTime() % 500));
  private static final long BUDGET = 500_000;

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ProcessEngine engine;

  private ProcessInstance stage;

  @AfterEach
  void removeStage() {
    if (stage != null && runtime.createProcessInstanceQuery().processInstanceId(stage.getId()).count() > 0) {
      runtime.deleteProcessInstance(stage.getId(), "test over");
    }
  }

  @Test
  void tenderDocumentsCannotRaiseTheBudgetOrRenameTheDepartment() {
    Task documents = prepareDocumentsTask();
    var department = EngineHttp.as(rest, "minzheng");

    ResponseEntity<String> raised = department.submit(documents.getId(), values(with("budget", 88_000_000)));
    assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(raised.getBody()).contains("采购预算（元）", "只读");

    ResponseEntity<String> foreign = department.submit(documents.getId(),
        values(with("departmentName", "南通市卫生健康委员会")));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(foreign.getBody()).contains("departmentName", "之外的字段");

    ResponseEntity<String> winner = department.submit(documents.getId(), values(with("winner", "org-yangguang")));
    assertThat(winner.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // nothing changed: the task is still open and the budget is finance's
    assertThat(tasks.createTaskQuery().taskId(documents.getId()).count()).isOne();
    assertThat(runtime.getVariable(stage.getId(), "budget")).isEqualTo(BUDGET);
    assertThat(runtime.getVariable(stage.getId(), "departmentName")).isEqualTo("南通市民政局");
    assertThat(runtime.getVariable(stage.getId(), "winner")).isNull();
  }

  @Test
  void variablesCannotBeWrittenBesideAForm() {
    Task documents = prepareDocumentsTask();
    var department = EngineHttp.as(rest, "minzheng");
    department.post("/engine-rest/task/" + documents.getId() + "/claim", Map.of("userId", "minzheng"));

    assertThat(department.put("/engine-rest/task/" + documents.getId() + "/variables/budget",
        Map.of("value", 88_000_000)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(department.post("/engine-rest/task/" + documents.getId() + "/variables",
        Map.of("modifications", values(Map.of("budget", 88_000_000)))).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(department.delete("/engine-rest/task/" + documents.getId() + "/variables/budget").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(department.post("/engine-rest/task/" + documents.getId() + "/localVariables",
        Map.of("modifications", values(Map.of("budget", 88_000_000)))).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(department.post("/engine-rest/task/" + documents.getId() + "/bpmnError",
        Map.of("errorCode", "x", "variables", values(Map.of("budget", 1)))).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    // the department has no rights on the instance itself
    assertThat(department.post("/engine-rest/process-instance/" + stage.getId() + "/variables",
        Map.of("modifications", values(Map.of("budget", 88_000_000)))).getStatusCode().is4xxClientError()).isTrue();
    assertThat(department.post("/engine-rest/message", Map.of("messageName", "x", "processInstanceId",
        stage.getId(), "processVariables", values(Map.of("budget", 1)))).getStatusCode().is4xxClientError()).isTrue();
    // even the administrator writes process data only through a step's form
    var admin = EngineHttp.as(rest, "admin");
    assertThat(admin.put("/engine-rest/process-instance/" + stage.getId() + "/variables/budget",
        Map.of("value", 88_000_000)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(admin.post("/engine-rest/execution/" + stage.getId() + "/localVariables",
        Map.of("modifications", values(Map.of("budget", 88_000_000)))).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(runtime.getVariable(stage.getId(), "budget")).isEqualTo(BUDGET);
  }

  @Test
  void theDocumentsGoThroughWithTheReadOnlyFieldsTasklistSendsBack() {
    Task documents = prepareDocumentsTask();
    Map<String, Object> form = new LinkedHashMap<>(documents());
    // Tasklist sends every field it showed, read-only ones with the value it read (numbers untyped)
    form.put("projectNumber", runtime.getVariable(stage.getId(), "projectNumber"));
    form.put("serviceName", "崇川区居家养老上门服务");
    form.put("procurementMethodName", "竞争性磋商");
    form.put("budget", (int) BUDGET);

    ResponseEntity<String> response = EngineHttp.as(rest, "minzheng").submit(documents.getId(), values(form));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(documents.getId()).count()).isZero();
    // read-only fields are not written again: the budget keeps finance's value and type
    assertThat(runtime.getVariable(stage.getId(), "budget")).isEqualTo(BUDGET);
  }

  @Test
  void anAmountHasFenAtMostAndControlCharactersAreRefused() {
    Task documents = prepareDocumentsTask();
    var department = EngineHttp.as(rest, "minzheng");

    ResponseEntity<String> fraction = department.submit(documents.getId(), values(with("bidBond", "0.001")));
    assertThat(fraction.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> tiny = department.submit(documents.getId(), values(with("bidBond", "1e-400")));
    assertThat(tiny.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> huge = department.submit(documents.getId(), values(with("bidBond", "1e300")));
    assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> control = department.submit(documents.getId(),
        values(with("qualificationRequirements", "具有独立\u0000承担民事责任的能力")));
    assertThat(control.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(control.getBody()).contains("控制字符");
    ResponseEntity<String> option = department.submit(documents.getId(), values(with("evaluationMethod", "BRIBE")));
    assertThat(option.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(tasks.createTaskQuery().taskId(documents.getId()).count()).isOne();
  }

  private Task prepareDocumentsTask() {
    String projectNumber = "NT-2026-" + NEXT.incrementAndGet();
    ProcurementIntentions.publishedBefore(engine, projectNumber, ProcurementTime.now().toZonedDateTime());
    stage = runtime.startProcessInstanceByKey("TenderStage", projectNumber, Variables.createVariables()
        .putValue("projectNumber", projectNumber)
        .putValue("serviceName", "崇川区居家养老上门服务")
        .putValue("serviceCategory", "ELDERLY_CARE")
        .putValue("serviceDescription", "为辖区内800名失能、半失能老人提供上门服务。")
        .putValue("serviceStandards", "每名老人每月上门服务不少于8次。")
        .putValue("indicators", SpinValues.jsonValue("[{\"name\":\"服务对象满意度\",\"target\":\"90%\"}]").create())
        .putValue("budget", BUDGET)
        .putValue("servicePeriodStart", "2027-03-01")
        .putValue("servicePeriodEnd", "2028-02-29")
        .putValue("region", "南通市崇川区")
        .putValue("requester", "minzheng")
        .putValue("departmentGroup", Groups.DEPT_CIVIL_AFFAIRS)
        .putValue("departmentName", "南通市民政局")
        .putValue("procurementMethod", "COMPETITIVE_CONSULTATION")
        .putValue("procurementMethodName", "竞争性磋商"));
    return tasks.createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey("Task_PrepareDocuments")
        .singleResult();
  }

  private static Map<String, Object> documents() {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("qualificationRequirements", "具有独立承担民事责任的能力；民政部门登记的社会组织。");
    form.put("evaluationMethod", "COMPREHENSIVE");
    form.put("priceWeight", 20);
    form.put("evaluationCriteria", List.of(Map.of("name", "服务方案", "maxScore", 50),
        Map.of("name", "项目团队", "maxScore", 20), Map.of("name", "同类服务业绩", "maxScore", 10)));
    form.put("bidDeadlineDate", ProcurementTime.today().plusDays(40).toString());
    form.put("bidDeadlineTime", "09:30");
    form.put("clarificationDeadlineDate", ProcurementTime.today().plusDays(20).toString());
    form.put("bidBond", 5000);
    return form;
  }

  private static Map<String, Object> with(String name, Object value) {
    Map<String, Object> form = new LinkedHashMap<>(documents());
    form.put(name, value);
    return form;
  }
}
