package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The portal and the open data are public and read-only; opening them opened nothing else: the REST API still
 * asks for basic authentication and the webapps for their login.
 */
@ProcurementSpringTest
class PortalAccessTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void portalAndOpenDataNeedNoLoginAndSetNoSession() {
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request("如东县社区心理服务", 600_000));
    for (String path : List.of("/portal", "/portal/notices", "/portal/projects/" + projectNumber,
        "/portal/organisations", "/portal/organisations/org-yangguang", "/portal/statistics", "/portal/portal.css", "/ocds/releases", "/ocds/releases/" + projectNumber, "/ocds/records/" + projectNumber)) {
      ResponseEntity<String> response = http.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).as(path).isNull();
    }
    assertThat(http.getForEntity("/portal/portal.css", String.class).getHeaders().getContentType().toString())
        .startsWith("text/css");
  }

  @Test
  void portalAndOpenDataOnlyRead() {
    for (String path : List.of("/portal", "/portal/notices", "/portal/notices/1", "/portal/organisations",
        "/portal/organisations/org-yangguang", "/portal/statistics", "/ocds/releases", "/ocds/records/NT-2026-0001")) {
      for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>("x"), String.class);
        assertThat(response.getStatusCode()).as(method + " " + path).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
      }
    }
  }

  @Test
  void everythingElseStaysClosed() throws Exception {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/process-instance", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // the webapps' own API answers only to a logged-in session
    assertThat(http.getForEntity("/camunda/api/engine/engine/default/task/count", String.class).getStatusCode())
        .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    // officials still land on Tasklist
    HttpResponse<Void> root = java.net.http.HttpClient.newBuilder().followRedirects(Redirect.NEVER).build()
        .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(URI.create(root.headers().firstValue("Location").orElseThrow()).getPath())
        .isEqualTo("/camunda/app/tasklist/");
  }
}
