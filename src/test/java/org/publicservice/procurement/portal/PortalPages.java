package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/** Reading the public portal's pages in tests: a page as a reader gets it, its links and its repeated items. */
final class PortalPages {

  private PortalPages() {
  }

  /** The page at {@code path} (encoded as a browser would), which must answer 200 with HTML. */
  static String page(TestRestTemplate http, String path) {
    ResponseEntity<String> response = http.getForEntity(
        UriComponentsBuilder.fromUriString(path).encode().build().toUri(), String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
    return response.getBody();
  }

  /** The attribute of a link to {@code path} as the page writes it. */
  static String href(String path) {
    return "href=\"" + UriComponentsBuilder.fromUriString(path).encode().build().toUriString()
        .replace("&", "&amp;") + "\"";
  }

  /** The first group of every match of {@code regex} in the page, in order. */
  static List<String> all(String page, String regex) {
    Matcher m = Pattern.compile(regex).matcher(page);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** Moves the engine clock to 10:00 Beijing time of that day. */
  static void moveClockTo(int year, int month, int day) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, ProcurementTime.ZONE)
        .toInstant()));
  }
}
