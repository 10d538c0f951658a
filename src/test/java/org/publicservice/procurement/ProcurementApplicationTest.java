package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

@ProcurementSpringTest
class ProcurementApplicationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @Test
  void deploysTheModelsAndFormsUnderRelativeNames() {
    var deployment = repositoryService.createDeploymentQuery().singleResult();
    var names = repositoryService.getDeploymentResourceNames(deployment.getId());
    assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches("(processes|forms)/[^/]+"))
        .contains("processes/PublicServicePurchase.bpmn", "processes/ProcurementMethod.dmn",
            "forms/purchase-request.form");
  }

  @Test
  void historyIsKeptFifteenYearsAndExpiredHistoryIsCleanedUpAtNight() {
    var purchase = repositoryService.createProcessDefinitionQuery().processDefinitionKey("PublicServicePurchase")
        .latestVersion().singleResult();
    assertThat(purchase.getHistoryTimeToLive()).isEqualTo(5479);
    assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
  }

  @Test
  void theRootLeadsOfficialsToTasklistAndHealthIsOpen() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/tasklist/"));

    HttpResponse<String> health = http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }
}
