package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.review.ReviewStages.BIDS;
import static org.publicservice.procurement.review.ReviewStages.inputs;
import static org.publicservice.procurement.review.ReviewVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Panel names and scores stay secret until the award notice (87号令第四十七条): a bidder, logged in to the REST API that
 * Tasklist and Cockpit use, finds nothing of a review in progress; another panel member sees only his own task.
 */
@ProcurementSpringTest
class ReviewAccessTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  final ObjectMapper json = new ObjectMapper();
  TestIdentities people;
  ReviewStages stages;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    people = new TestIdentities(identityService);
    stages = new ReviewStages(engine, people);
    for (Object[] bid : BIDS) {
      jdbc.update("DELETE FROM credit_record WHERE organisation_user_id = ?", bid[0]);
    }
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
  }

  @Test
  void aBidderCannotSeeThePanelOrTheScoresOfAReviewInProgress() throws Exception {
    ProcessInstance stage = stages.start(inputs("NT-2026-0951", 2_000_000, COMPREHENSIVE, 3, BIDS));
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    stages.acceptAll(stage);
    stages.passCompliance(stage);
    List<Task> sheets = stages.tasks(stage, "Task_ScoreBids");
    stages.submitAs(sheets.get(0).getAssignee(), sheets.get(0), ReviewStages.sheet(ReviewStageProcessTest.SCORES));
    String id = stage.getId();
    String firstExpert = sheets.get(0).getAssignee();
    // the data is there: an administrator sees the panel
    assertThat(get("admin", "/process-instance/" + id + "/variables/" + PANEL).status()).isEqualTo(200);

    String bidder = "org-yangguang";
    assertThat(get(bidder, "/process-instance?processDefinitionKey=" + PROCESS_KEY).body()).isEmpty();
    assertThat(get(bidder, "/process-instance/" + id + "/variables").status()).isIn(403, 404);
    assertThat(get(bidder, "/process-instance/" + id + "/variables/" + PANEL).status()).isIn(403, 404);
    assertThat(get(bidder, "/variable-instance?processInstanceIdIn=" + id).body()).isEmpty();
    assertThat(get(bidder, "/variable-instance?variableName=" + PANEL).body()).isEmpty();
    assertThat(get(bidder, "/history/variable-instance?processInstanceId=" + id).body()).isEmpty();
    assertThat(get(bidder, "/history/detail?processInstanceId=" + id).body()).isEmpty();
    assertThat(get(bidder, "/task?processInstanceId=" + id).body()).isEmpty();
    assertThat(get(bidder, "/history/task?processInstanceId=" + id).body()).isEmpty();
    assertThat(get(bidder, "/history/process-instance?processDefinitionKey=" + PROCESS_KEY).body()).isEmpty();
    assertThat(get(bidder, "/process-definition/key/" + PROCESS_KEY).status()).isIn(403, 404);

    // another member's form shows none of the first member's scores
    Task other = sheets.get(1);
    Answer variables = get(other.getAssignee(), "/task/" + other.getId() + "/form-variables?deserializeValues=false");
    assertThat(variables.status()).isEqualTo(200);
    JsonNode sheet = variables.body().get(SCORE_SHEET).get("value");
    JsonNode rows = sheet.isTextual() ? json.readTree(sheet.asText()) : sheet;
    assertThat(rows).hasSize(4).allSatisfy(bid -> assertThat(bid.get(SHEET_SCORES))
        .hasSize(3).allSatisfy(criterion -> assertThat(criterion.get(SCORE).isNull()).isTrue()));
    assertThat(get(other.getAssignee(), "/task/" + sheets.get(0).getId()).status()).isIn(403, 404);
    assertThat(get(other.getAssignee(), "/task?processInstanceId=" + id).body()).hasSize(1);
    assertThat(get(other.getAssignee(), "/variable-instance?processInstanceIdIn=" + id).body()).isEmpty();
    assertThat(firstExpert).isNotEqualTo(other.getAssignee());
  }

  record Answer(int status, JsonNode body) {
  }

  private Answer get(String user, String path) {
    String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return RestClient.create("http://localhost:" + port + "/engine-rest").get().uri(path)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange((req, res) -> {
          byte[] body = res.getBody().readAllBytes();
          return new Answer(res.getStatusCode().value(), body.length == 0 ? json.nullNode() : json.readTree(body));
        });
  }
}
