package org.publicservice.procurement.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** What a REST client (or Tasklist, which uses the same API) gets for good and bad submissions. */
@ProcurementSpringTest
class PlanningRestTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    new TestIdentities(identityService).ensureOfficials();
  }

  @Test
  void aBadStartFormIsA400WithTheChineseMessageAndStartsNothing() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    Map<String, Object> request = validRequest();
    request.put(BUDGET, typed(0, "Integer"));

    var response = post(PURCHASER, "/process-definition/key/" + PROCESS_KEY + "/submit-form", Map.of("variables", request));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("message").asText()).isEqualTo("预算金额必须大于0元。");
    assertThat(response.body().get("field").asText()).isEqualTo(BUDGET);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isEqualTo(before);
  }

  @Test
  void aBadStartCallIsA400TooNotAnError() throws Exception {
    Map<String, Object> request = validRequest();
    request.put(SERVICE_PERIOD_END, typed("2020-01-01", "String"));

    var response = post(PURCHASER, "/process-definition/key/" + PROCESS_KEY + "/start", Map.of("variables", request));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("message").asText()).contains("服务结束日期必须晚于开始日期");
  }

  @Test
  void aGoodRequestStartsAndAReturnWithoutReasonIsA400() throws Exception {
    var started = post(PURCHASER, "/process-definition/key/" + PROCESS_KEY + "/submit-form",
        Map.of("variables", validRequest()));
    assertThat(started.status()).isEqualTo(200);
    String instanceId = started.body().get("id").asText();
    assertThat(started.body().get("businessKey").asText()).startsWith("NT-");

    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    var refused = post(FINANCE_OFFICIAL, "/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of(REVIEW_DECISION, typed(DECISION_RETURN, "String"))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).isEqualTo("退回修改时请填写退回理由。");
    assertThat(runtimeService.getVariable(instanceId, REVIEW_DECISION)).isNull();
  }

  private Map<String, Object> validRequest() {
    LocalDate start = ProcurementTime.today().plusMonths(2).withDayOfMonth(1);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(SERVICE_NAME, typed("通州区社区矫正社会工作服务", "String"));
    variables.put(SERVICE_CATEGORY, typed("SOCIAL_WORK", "String"));
    variables.put(SERVICE_DESCRIPTION, typed("为社区矫正对象提供心理疏导与就业帮扶。", "String"));
    variables.put(SERVICE_STANDARDS, typed("每名对象每月个案服务不少于2次。", "String"));
    variables.put(INDICATORS, typed("[{\"name\":\"再犯罪率\",\"target\":\"0%\"}]", "Json"));
    variables.put(BUDGET, typed(450000, "Integer"));
    variables.put(SERVICE_PERIOD_START, typed(start.toString(), "String"));
    variables.put(SERVICE_PERIOD_END, typed(start.plusMonths(12).toString(), "String"));
    variables.put(REGION, typed("南通市通州区", "String"));
    variables.put(SERVES_PUBLIC, typed(false, "Boolean"));
    variables.put(NEEDS_ASSESSMENT, typed("司法所近三年矫正工作数据分析。", "String"));
    return variables;
  }

  private static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  record Answer(int status, JsonNode body) {
  }

  private Answer post(String user, String path, Object body) throws Exception {
    return RestClient.create("http://localhost:" + port + "/engine-rest").post().uri(path)
        .header(HttpHeaders.AUTHORIZATION, TestIdentities.basicAuth(user))
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsString(body))
        .exchange((req, res) -> new Answer(res.getStatusCode().value(), json.readTree(res.getBody())));
  }
}
