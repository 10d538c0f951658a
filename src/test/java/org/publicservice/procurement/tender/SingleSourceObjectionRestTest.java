package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** What a social organisation sees in Tasklist (which uses this API) when its objection is refused. */
@ProcurementSpringTest
class SingleSourceObjectionRestTest {

  @LocalServerPort int port;
  @Autowired HistoryService historyService;

  final ObjectMapper json = new ObjectMapper();

  @Test
  void anObjectionToAProjectNotInSingleSourceIsA400WithTheChineseMessageAndSavesNothing() throws Exception {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(OBJECTION_PROCESS_KEY).count();

    Map<String, Object> variables = Map.of(
        OBJECTION_PROJECT_NUMBER, Map.of("value", "NT-2026-9998", "type", "String"),
        OBJECTION_GROUNDS, Map.of("value", "本单位也能提供该服务。", "type", "String"));
    var answer = RestClient.create("http://localhost:" + port + "/engine-rest").post()
        .uri("/process-definition/key/" + OBJECTION_PROCESS_KEY + "/submit-form")
        // a demo social organisation (the demo profile is active in tests; every demo password is "demo")
        .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
            .encodeToString("org-huimin:demo".getBytes(StandardCharsets.UTF_8)))
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsString(Map.of("variables", variables)))
        .exchange((req, res) -> Map.entry(res.getStatusCode().value(), json.readTree(res.getBody())));

    assertThat(answer.getKey()).isEqualTo(400);
    JsonNode body = answer.getValue();
    assertThat(body.get("message").asText()).isEqualTo("项目NT-2026-9998不在单一来源采购公示中，请核对项目编号。");
    assertThat(body.get("field").asText()).isEqualTo(OBJECTION_PROJECT_NUMBER);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(OBJECTION_PROCESS_KEY).count())
        .isEqualTo(before);
  }
}
