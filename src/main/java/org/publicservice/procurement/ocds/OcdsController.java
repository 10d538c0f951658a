package org.publicservice.procurement.ocds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OCDS 1.1 open data of the disclosed purchases, public like the portal: a project's release package and record
 * package, and a paged feed of every release (the next and previous pages in the {@code Link} header).
 */
@RestController
public class OcdsController {

  private static final Pattern PROJECT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

  private final OcdsPublisher publisher;

  public OcdsController(OcdsPublisher publisher) {
    this.publisher = publisher;
  }

  @GetMapping(path = "/ocds/releases/{projectNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> projectReleases(@PathVariable String projectNumber) {
    if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
      return unknownProject();
    }
    return publisher.projectReleases(projectNumber).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(OcdsController::unknownProject);
  }

  @GetMapping(path = "/ocds/records/{projectNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> record(@PathVariable String projectNumber) {
    if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
      return unknownProject();
    }
    return publisher.record(projectNumber).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(OcdsController::unknownProject);
  }

  @GetMapping(path = "/ocds/releases", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> feed(@RequestParam(required = false) String page) {
    int number;
    try {
      number = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      return problem(HttpStatus.BAD_REQUEST, "页码不是有效的数字。");
    }
    if (number < 1) {
      return problem(HttpStatus.BAD_REQUEST, "页码应从1开始。");
    }
    ObjectNode releases = publisher.feed(number).orElse(null);
    if (releases == null) {
      return problem(HttpStatus.NOT_FOUND, number == 1 ? "尚未发布任何数据。" : "没有这一页。");
    }
    int pages = publisher.feedPages();
    StringBuilder links = new StringBuilder();
    if (number < pages) {
      links.append('<').append(OcdsPublisher.feedPath(number + 1)).append(">; rel=\"next\"");
    }
    if (number > 1) {
      links.append(links.isEmpty() ? "" : ", ").append('<').append(OcdsPublisher.feedPath(number - 1))
          .append(">; rel=\"prev\"");
    }
    var response = ResponseEntity.ok();
    if (!links.isEmpty()) {
      response.header(HttpHeaders.LINK, links.toString());
    }
    return response.body(releases);
  }

  private static ResponseEntity<?> unknownProject() {
    return problem(HttpStatus.NOT_FOUND, "没有该项目的公开数据。");
  }

  private static ResponseEntity<?> problem(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", status.value(), "message", message));
  }
}
