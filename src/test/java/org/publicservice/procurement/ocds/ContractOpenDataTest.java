package org.publicservice.procurement.ocds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.contract.ContractFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The contract, its payments and its accepted milestones in the OCDS open data: {@code contracts[]} with
 * {@code implementation.transactions} and {@code implementation.milestones}, valid against the official schema.
 */
@ProcurementSpringTest
class ContractOpenDataTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void aSignedContractItsPaymentAndItsAcceptedMilestoneAreReleasedAsTheContractAndItsImplementation() throws Exception {
    BpmnAwareTests.init(engine);
    TasklistDriver tasklist = new TasklistDriver(engine, new TestIdentities(identityService).ensureOfficials());
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, ProcurementTime.ZONE).toInstant()));
    String projectNumber = newProjectNumber();
    ProcessInstance contract = signedContract(engine, tasklist, projectNumber, 0, "通财购备〔2026〕140号");
    String contractId = projectNumber + "-HT01";

    // accepted on the day the schedule sets for its payment (30 June), so the payment follows at once
    TasklistDriver.at(ZonedDateTime.of(2027, 6, 30, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance performance = firstPhaseAccepted(engine, tasklist, contract, projectNumber);
    var jobs = engine.getManagementService();
    jobs.executeJob(jobs.createJobQuery().processInstanceId(performance.getId()).singleResult().getId());
    jobs.executeJob(jobs.createJobQuery().processInstanceId(performance.getId()).singleResult().getId());
    BpmnAwareTests.assertThat(performance).isEnded();

    ResponseEntity<String> response = http.getForEntity("/ocds/releases/" + projectNumber, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode releasePackage = json.readTree(response.getBody());
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, releasePackage)).isEmpty();

    JsonNode contractRelease = release(releasePackage, "contract");
    assertThat(contractRelease.at("/contracts/0/id").asText()).isEqualTo(contractId);
    assertThat(contractRelease.at("/contracts/0/awardID").asText())
        .isEqualTo(contractRelease.at("/awards/0/id").asText());
    assertThat(contractRelease.at("/contracts/0/value/amount").decimalValue()).isEqualByComparingTo("280000");
    assertThat(contractRelease.at("/contracts/0/dateSigned").asText()).isEqualTo("2026-12-02T00:00:00+08:00");
    assertThat(contractRelease.at("/contracts/0/period/endDate").asText()).isEqualTo("2027-12-31T23:59:59+08:00");
    assertThat(contractRelease.at("/contracts/0/documents/0/documentType").asText()).isEqualTo("contractNotice");
    assertThat(contractRelease.at("/parties/0/name").asText()).isEqualTo(WINNER_ORG_NAME);
    assertThat(contractRelease.at("/parties/0/roles").toString()).isEqualTo("[\"supplier\",\"payee\"]");

    JsonNode payment = releases(releasePackage, "implementation").stream()
        .filter(r -> r.at("/contracts/0/implementation/transactions/0").isObject()).findFirst().orElseThrow();
    JsonNode transaction = payment.at("/contracts/0/implementation/transactions/0");
    assertThat(transaction.get("id").asText()).isEqualTo(contractId + "-payment-1");
    assertThat(transaction.at("/value/amount").decimalValue()).isEqualByComparingTo("200000");
    assertThat(transaction.at("/payee/name").asText()).isEqualTo(WINNER_ORG_NAME);
    assertThat(payment.at("/contracts/0/implementation/documents/0/documentType").asText())
        .isEqualTo("x_paymentInformation");

    JsonNode acceptance = releases(releasePackage, "implementation").stream()
        .filter(r -> r.at("/contracts/0/implementation/milestones/0").isObject()).findFirst().orElseThrow();
    JsonNode milestone = acceptance.at("/contracts/0/implementation/milestones/0");
    assertThat(milestone.get("title").asText()).isEqualTo("第一阶段验收");
    assertThat(milestone.get("status").asText()).isEqualTo("met");
    assertThat(milestone.get("dateMet").asText()).isEqualTo("2027-06-30T10:00:00+08:00");

    ResponseEntity<String> record = http.getForEntity("/ocds/records/" + projectNumber, String.class);
    assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode recordPackage = json.readTree(record.getBody());
    assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, recordPackage)).isEmpty();
    JsonNode compiled = recordPackage.at("/records/0/compiledRelease/contracts/0");
    assertThat(compiled.get("id").asText()).isEqualTo(contractId);
    assertThat(compiled.at("/implementation/transactions")).hasSize(1);
    assertThat(compiled.at("/implementation/milestones")).hasSize(1);
  }

  private static JsonNode release(JsonNode releasePackage, String tag) {
    return releases(releasePackage, tag).stream().findFirst().orElseThrow();
  }

  private static java.util.List<JsonNode> releases(JsonNode releasePackage, String tag) {
    java.util.List<JsonNode> found = new java.util.ArrayList<>();
    releasePackage.get("releases").forEach(r -> {
      if (r.get("tag").get(0).asText().equals(tag)) {
        found.add(r);
      }
    });
    return found;
  }
}
