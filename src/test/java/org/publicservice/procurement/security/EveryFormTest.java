package org.publicservice.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.security.CamundaForm.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The completion guard and the task's view, for every form the application deploys, over HTTP as Tasklist uses
 * them: the form reads only its own fields; a field that is not in the form or a changed read-only field is refused
 * and nothing changes; the round trip Tasklist makes (read-only fields sent back as read, every other field filled)
 * goes through and leaves the read-only values as they were.
 */
@ProcurementSpringTest
class EveryFormTest {

  private static final String USER = "org-yangguang";
  private static final String SECRET = "secretOfAnotherStep";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;

  @Test
  void everyDeployedFormTakesOnlyItsFieldsAndShowsOnlyWhatItShows() throws Exception {
    FormProbes probes = new FormProbes(engine);
    Map<String, CamundaForm> forms = probes.deployedForms();
    assertThat(forms).hasSizeGreaterThan(30).containsKeys("tender-documents", "sign-contract", "score-bids");
    EngineHttp user = EngineHttp.as(rest, USER);

    for (CamundaForm form : forms.values()) {
      Task task = probes.show(form, USER, Map.of(SECRET, "机密：其他投标人的报价"));
      String path = "/engine-rest/task/" + task.getId();

      // what Tasklist loads: the form's values, nothing of another step
      ResponseEntity<String> loaded = user.get(path + "/form-variables?deserializeValues=false");
      assertThat(loaded.getStatusCode()).as(form.id()).isEqualTo(HttpStatus.OK);
      assertThat(loaded.getBody()).as(form.id()).doesNotContain(SECRET, "机密");
      assertThat(user.get(path + "/variables").getBody()).as(form.id()).doesNotContain(SECRET);

      ResponseEntity<String> foreign = user.post(path + "/submit-form",
          Map.of("variables", Map.of(SECRET, Map.of("value", "改写"))));
      assertThat(foreign.getStatusCode()).as(form.id()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(foreign.getBody()).as(form.id()).contains("未作任何更改");

      Map<String, Object> roundTrip = new LinkedHashMap<>(FormProbes.sample(form));
      JsonNode shown = JSON.readTree(loaded.getBody());
      form.variables().forEach((name, shape) -> {
        if (shape.kind() == Kind.FIELD && shape.field().readonly() && shown.has(name)) {
          roundTrip.put(name, tasklistValue(shown.get(name)));
        }
      });
      String readOnly = FormProbes.readOnlyValues(form).keySet().stream().findFirst().orElse(null);
      if (readOnly != null) {
        Map<String, Object> changed = new LinkedHashMap<>(roundTrip);
        changed.put(readOnly, Map.of("value", "99999"));
        ResponseEntity<String> refused = user.post(path + "/submit-form", Map.of("variables", changed));
        assertThat(refused.getStatusCode()).as(form.id() + " " + readOnly).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).as(form.id()).contains("只读");
      }

      ResponseEntity<String> submitted = user.post(path + "/submit-form", Map.of("variables", roundTrip));
      assertThat(submitted.getStatusCode()).as(form.id() + ": " + submitted.getBody())
          .isEqualTo(HttpStatus.NO_CONTENT);
      for (Map.Entry<String, Object> value : FormProbes.readOnlyValues(form).entrySet()) {
        HistoricVariableInstance kept = history.createHistoricVariableInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).variableName(value.getKey()).singleResult();
        assertThat(kept.getValue()).as(form.id() + " " + value.getKey()).isEqualTo(value.getValue());
      }
    }
  }

  /** What Tasklist sends back for a value it loaded with deserializeValues=false. */
  private static Map<String, Object> tasklistValue(JsonNode variable) {
    String type = variable.path("type").asText();
    if ("Json".equals(type) || "Object".equals(type)) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("type", type);
      value.put("value", variable.path("value").asText());
      value.put("valueInfo", JSON.convertValue(variable.path("valueInfo"), Map.class));
      return value;
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("value", JSON.convertValue(variable.get("value"), Object.class));
    return value;
  }
}
