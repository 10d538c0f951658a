package org.publicservice.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.publicservice.procurement.ProcurementSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Attack 2 of issue 12 replayed per role: an organisation signing its contract, an expert scoring, the evaluator
 * scoring and a department choosing the winner work in a scope that also holds what a stage passes down (other
 * bidders' plans and scores, the panel, internal remarks). Through every read the REST API and Tasklist's own API
 * offer, each reads what its form shows and nothing else.
 */
@ProcurementSpringTest
class LeastDataTest {

  /** What the stages carry in the process scope and outsiders must not read; each value marked 机密. */
  private static final Map<String, Object> CONFIDENTIAL = confidential();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
      "org-yangguang, sign-contract, contractorName",
      "expert01, score-bids, ",
      "pingjia, third-party-evaluation, contractorName",
      "minzheng, choose-winner, rankingText"})
  void eachRoleReadsOnlyWhatItsFormShows(String user, String formId, String shownField) {
    FormProbes probes = new FormProbes(engine);
    CamundaForm form = probes.deployedForms().get(formId);
    Map<String, Object> scope = new LinkedHashMap<>(CONFIDENTIAL);
    form.readable().forEach(scope::remove);
    Task task = probes.show(form, user, scope);
    String id = task.getId();
    String instance = task.getProcessInstanceId();
    EngineHttp http = EngineHttp.as(rest, user);

    for (String read : List.of("/task/" + id + "/variables", "/task/" + id + "/variables?deserializeValues=false",
        "/task/" + id + "/form-variables", "/task/" + id + "/form-variables?deserializeValues=false",
        "/task/" + id + "/form-variables?variableNames=ranking,panel,openedBids", "/task/" + id + "/localVariables",
        "/variable-instance?processInstanceIdIn=" + instance, "/variable-instance?taskIdIn=" + id,
        "/history/variable-instance?processInstanceId=" + instance, "/history/detail?processInstanceId=" + instance,
        "/process-instance/" + instance + "/variables", "/execution/" + instance + "/localVariables",
        "/history/task?taskId=" + id, "/task/" + id + "/rendered-form")) {
      ResponseEntity<String> response = http.get("/engine-rest" + read);
      assertThat(response.getBody()).as(user + " GET " + read).doesNotContain("机密");
      for (String name : scope.keySet()) {
        assertThat(response.getBody()).as(user + " GET " + read).doesNotContain("\"" + name + "\"");
      }
    }
    for (String name : scope.keySet()) {
      ResponseEntity<String> single = http.get("/engine-rest/task/" + id + "/variables/" + name);
      assertThat(single.getStatusCode()).as(user + " " + name).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(http.get("/engine-rest/task/" + id + "/variables/" + name + "/data").getStatusCode())
          .as(user + " " + name + "/data").isIn(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
    }
    // no guessing values through the task list's filters or sorting
    assertThat(http.get("/engine-rest/task?processVariables=ranking_like_%25org-xinyu%25").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.post("/engine-rest/task", Map.of("processVariables", List.of(Map.of("name", "panel",
        "operator", "like", "value", "%周%")))).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.post("/engine-rest/task", Map.of("sorting", List.of(Map.of("sortBy", "processVariable",
        "sortOrder", "asc", "parameters", Map.of("variable", "openedBids", "type", "String"))))).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    // what the form shows it still reads
    if (shownField != null) {
      assertThat(http.get("/engine-rest/task/" + id + "/form-variables").getBody()).contains(shownField);
    }

    // Tasklist's own API behaves alike
    WebappSession tasklist = WebappSession.login(port, "tasklist", user, EngineHttp.PASSWORD);
    assertThat(tasklist.status).isEqualTo(200);
    for (String read : List.of("/task/" + id + "/form-variables?deserializeValues=false", "/task/" + id
        + "/variables", "/variable-instance?processInstanceIdIn=" + instance)) {
      HttpResponse<String> response = tasklist.get("/camunda/api/engine/engine/default" + read);
      assertThat(response.body()).as("Tasklist " + read).doesNotContain("机密");
    }
    engine.getRuntimeService().deleteProcessInstance(instance, "test over");
  }

  private static Map<String, Object> confidential() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("openedBids", SpinValues.jsonValue("[{\"bidder\":\"org-xinyu\",\"price\":498000,"
        + "\"servicePlan\":\"机密：心语的服务方案\",\"team\":\"机密：团队\"}]").create());
    values.put("ranking", SpinValues.jsonValue("[{\"bidder\":\"org-xinyu\",\"score\":\"机密：91.5\",\"rank\":1}]")
        .create());
    values.put("panel", "机密：周建国、吴晓梅、郑志强");
    values.put("qualificationReason2", "机密：内部意见，资质存疑");
    values.put("reportDissent", "机密：专家异议");
    values.put("score_1_1", "机密：8");
    return values;
  }
}
