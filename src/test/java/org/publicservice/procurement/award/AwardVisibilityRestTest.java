package org.publicservice.procurement.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.award.AwardScenario.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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

/**
 * What a bidder can learn over the engine's REST API (which Tasklist uses) and the portal: before the award notice
 * neither scores nor the panel; after it, the panel and only its own score and rank.
 */
@ProcurementSpringTest
class AwardVisibilityRestTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AwardResults results;
  @Autowired DisputeRecords disputes;
  @Autowired org.publicservice.procurement.disclosure.DisclosureRegister register;

  final ObjectMapper json = new ObjectMapper();
  TestIdentities people;
  AwardScenario award;

  @BeforeEach
  void setUp() {
    people = new TestIdentities(identityService).ensureOfficials();
    award = new AwardScenario(engine, people);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE).toInstant()));
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void aBidderSeesNeitherOtherBiddersScoresNorThePanelBeforeTheNoticeAndAfterItOnlyItsOwnResult() throws Exception {
    ProcessInstance purchase = award.purchaseAtAward();
    ProcessInstance stage = award.award(purchase);
    String project = purchase.getBusinessKey();

    for (String organisation : List.of(NON_BIDDER, SECOND)) {
      assertThat(get(organisation, "/engine-rest/process-instance?businessKey=" + project)).isEmpty();
      assertThat(get(organisation, "/engine-rest/variable-instance?variableName=" + AwardVariables.RANKING)).isEmpty();
      assertThat(get(organisation, "/engine-rest/variable-instance?variableName=" + AwardVariables.PANEL)).isEmpty();
      assertThat(get(organisation, "/engine-rest/history/variable-instance?processInstanceId=" + stage.getId())).isEmpty();
      assertThat(get(organisation, "/engine-rest/history/variable-instance?variableName=" + AwardVariables.PANEL))
          .isEmpty();
      assertThat(get(organisation, "/engine-rest/task?processInstanceId=" + stage.getId())).isEmpty();
      assertThat(status(organisation, "/engine-rest/process-instance/" + stage.getId() + "/variables/ranking"))
          .isIn(403, 404);
      assertThat(results.ownResult(project, organisation)).isEmpty();
    }
    assertThat(register.findByProject(project)).isEmpty();

    award.choose(stage, FIRST);

    long notice = register.findByProject(project).get(0).id();
    assertThat(portalPage("/portal/notices/" + notice)).contains("周立群（组长）", "钱文（采购人代表）", "中标（成交）结果公告")
        .doesNotContain("87.25", "77.04");
    assertThat(results.ownResult(project, SECOND)).hasValueSatisfying(own -> {
      assertThat(own.bidder()).isEqualTo(SECOND);
      assertThat(own.totalScore()).isEqualByComparingTo("87.25");
    });
    assertThat(results.ownResult(project, NON_BIDDER)).isEmpty();
    // the engine still shows bidders nothing of the stage
    assertThat(get(SECOND, "/engine-rest/history/variable-instance?variableName=" + AwardVariables.RANKING)).isEmpty();
    assertThat(get(NON_BIDDER, "/engine-rest/history/variable-instance?processInstanceId=" + stage.getId())).isEmpty();
  }

  @Test
  void aChallengeThroughTasklistsStartFormIsRefusedWith400ForANonBidderAndTakenFromABidder() throws Exception {
    ProcessInstance purchase = award.purchaseAtAward();
    ProcessInstance stage = award.award(purchase);
    String project = purchase.getBusinessKey();
    award.choose(stage, FIRST);

    var refused = submitChallenge(NON_BIDDER, project, "我单位认为评审不公。");
    assertThat(refused.getKey()).isEqualTo(400);
    assertThat(refused.getValue().get("message").asText()).isEqualTo("只有参加本项目采购活动的供应商才能对中标（成交）结果提出质疑。");
    assertThat(disputes.challengesOf(project)).isEmpty();

    var taken = submitChallenge(SECOND, project, "中标供应商的服务方案评分偏高。");
    assertThat(taken.getKey()).isEqualTo(200);
    assertThat(disputes.challengesOf(project)).singleElement()
        .satisfies(c -> assertThat(c.bidder()).isEqualTo(SECOND));
    String challengeId = disputes.challengesOf(project).get(0).id();
    assertThat(award.task(award.challengeInstance(challengeId), "Task_ReplyToChallenge")).isNotNull();
  }

  private java.util.Map.Entry<Integer, JsonNode> submitChallenge(String user, String project, String grounds)
      throws Exception {
    var variables = java.util.Map.of(
        AwardVariables.PROJECT_NUMBER, java.util.Map.of("value", project, "type", "String"),
        AwardVariables.CHALLENGE_GROUNDS, java.util.Map.of("value", grounds, "type", "String"));
    return client().post().uri("/engine-rest/process-definition/key/" + AwardVariables.CHALLENGE_PROCESS_KEY
            + "/submit-form")
        .header(HttpHeaders.AUTHORIZATION, demoAuth(user)).contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsString(java.util.Map.of("variables", variables)))
        .exchange((req, res) -> java.util.Map.entry(res.getStatusCode().value(), json.readTree(res.getBody())));
  }

  private RestClient client() {
    return RestClient.create("http://localhost:" + port);
  }

  /** The JSON array a demo user (password demo) gets. */
  private JsonNode get(String user, String path) throws Exception {
    String body = client().get().uri(path).header(HttpHeaders.AUTHORIZATION, demoAuth(user))
        .accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
    JsonNode node = json.readTree(body);
    assertThat(node.isArray()).as("%s answers a list", path).isTrue();
    return node;
  }

  private int status(String user, String path) {
    return client().get().uri(path).header(HttpHeaders.AUTHORIZATION, demoAuth(user))
        .exchange((req, res) -> res.getStatusCode().value());
  }

  private String portalPage(String path) {
    return client().get().uri(path).exchange((req, res) -> new String(res.getBody().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String demoAuth(String user) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
