package org.publicservice.procurement.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The REST API as one demo user calls it (HTTP basic, JSON), for the security tests. */
record EngineHttp(TestRestTemplate rest, String user) {

  static final String PASSWORD = "demo";

  static EngineHttp as(TestRestTemplate rest, String user) {
    return new EngineHttp(rest, user);
  }

  ResponseEntity<String> get(String path) {
    return call(HttpMethod.GET, path, null);
  }

  ResponseEntity<String> post(String path, Object body) {
    return call(HttpMethod.POST, path, body);
  }

  ResponseEntity<String> put(String path, Object body) {
    return call(HttpMethod.PUT, path, body);
  }

  ResponseEntity<String> delete(String path) {
    return call(HttpMethod.DELETE, path, null);
  }

  ResponseEntity<String> call(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.withBasicAuth(user, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  List<Map<String, Object>> list(String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
  }

  /** Claims the task and submits its form as Tasklist does. */
  ResponseEntity<String> submit(String taskId, Map<String, Object> variables) {
    post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    return post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  /** Variables as the REST API takes them: {name: {value: ...}}. */
  /** Variables as Tasklist sends them: a table (a list of rows) as a Json variable, anything else untyped. */
  static Map<String, Object> values(Map<String, ?> plain) {
    Map<String, Object> dto = new java.util.LinkedHashMap<>();
    plain.forEach((name, value) -> dto.put(name, value instanceof java.util.Collection<?>
        ? Map.of("type", "Json", "value", org.publicservice.procurement.purchase.JsonValues.toJson(value))
        : Map.of("value", value)));
    return dto;
  }
}
