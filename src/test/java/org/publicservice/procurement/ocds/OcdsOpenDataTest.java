package org.publicservice.procurement.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The OCDS open data of purchases approved through the real planning stage, read anonymously over HTTP; every
 * package is validated against the official release-package and record-package schemas.
 */
@ProcurementSpringTest
class OcdsOpenDataTest {

  static final String PREFIX = "ocds-nt0000-";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired DisclosureRegister register;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void approvedPlanIsAPlanningReleaseOfTheProject() {
    String service = unique("海门区老年助浴服务");
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(service, 4_500_000));
    DisclosureNotice intention = register.findByProject(projectNumber).get(0);

    JsonNode releasePackage = valid(OcdsSchemas.RELEASE_PACKAGE, "/ocds/releases/" + projectNumber);
    assertThat(releasePackage.get("uri").asText()).endsWith("/ocds/releases/" + projectNumber);
    assertThat(releasePackage.get("version").asText()).isEqualTo("1.1");
    assertThat(releasePackage.at("/publisher/name").asText()).isEqualTo("南通市政府购买公共服务平台");
    assertThat(releasePackage.get("releases")).hasSize(1);
    JsonNode release = releasePackage.at("/releases/0");
    assertThat(release.get("ocid").asText()).isEqualTo(PREFIX + projectNumber);
    assertThat(release.get("id").asText()).isEqualTo(PREFIX + projectNumber + "-notice-" + intention.id());
    assertThat(release.get("date").asText()).isEqualTo(ReleaseMapper.date(intention.publishedAt()))
        .endsWith("+08:00");
    assertThat(release.get("tag").toString()).isEqualTo("[\"planning\"]");
    assertThat(release.get("initiationType").asText()).isEqualTo("tender");
    assertThat(release.at("/planning/budget/amount/amount").decimalValue()).isEqualByComparingTo("4500000");
    assertThat(release.at("/planning/budget/amount/currency").asText()).isEqualTo("CNY");
    assertThat(release.at("/planning/budget/project").asText()).isEqualTo(service);
    assertThat(release.at("/planning/rationale").asText()).contains("南通市民政局", "审核批准");
    assertThat(release.at("/planning/documents/0/documentType").asText()).isEqualTo("plannedProcurementNotice");
    assertThat(release.at("/planning/documents/0/url").asText()).endsWith("/portal/notices/" + intention.id());
    assertThat(release.at("/planning/documents/0/title").asText()).isEqualTo(intention.title());
    assertThat(release.at("/buyer/name").asText()).isEqualTo("南通市民政局");
    assertThat(release.at("/parties/0/id").asText()).isEqualTo(release.at("/buyer/id").asText());
    assertThat(release.at("/parties/0/roles").toString()).isEqualTo("[\"buyer\",\"procuringEntity\"]");
    assertThat(release.at("/tender/id").asText()).isEqualTo(projectNumber);
    assertThat(release.at("/tender/title").asText()).isEqualTo(service);
    assertThat(release.at("/tender/status").asText()).isEqualTo("planned");
    assertThat(release.at("/tender/procurementMethod").asText()).isEqualTo("open");
    assertThat(release.at("/tender/procurementMethodDetails").asText()).isEqualTo("公开招标");
    assertThat(release.at("/tender/mainProcurementCategory").asText()).isEqualTo("services");
    assertThat(release.at("/tender/description").asText()).isEqualTo("服务区域：南通市崇川区");

    // the same data gives the same package: ids and dates are stable
    assertThat(get("/ocds/releases/" + projectNumber)).isEqualTo(releasePackage);
    assertThat(releasePackage.toString()).doesNotContain(TestIdentities.PURCHASER, TestIdentities.FINANCE_OFFICIAL,
        intention.processInstanceId(), "dept-civil-affairs");
  }

  @Test
  void methodsMapToTheOcdsCodesWithTheirChineseNames() {
    ApprovedPlans plans = new ApprovedPlans(engine);
    String consultation = plans.approve(ApprovedPlans.request(unique("如皋市社区矫正服务"), 800_000));
    String singleSource = plans.approve(ApprovedPlans.singleSourceRequest(unique("盲文教学服务"), 300_000));

    JsonNode limited = valid(OcdsSchemas.RELEASE_PACKAGE, "/ocds/releases/" + consultation).at("/releases/0/tender");
    assertThat(limited.get("procurementMethod").asText()).isEqualTo("limited");
    assertThat(limited.get("procurementMethodDetails").asText()).isEqualTo("竞争性磋商");
    JsonNode direct = valid(OcdsSchemas.RELEASE_PACKAGE, "/ocds/releases/" + singleSource).at("/releases/0/tender");
    assertThat(direct.get("procurementMethod").asText()).isEqualTo("direct");
    assertThat(direct.get("procurementMethodDetails").asText()).isEqualTo("单一来源采购");
  }

  @Test
  void everyNoticeTypeGivesAValidReleaseAndTheRecordCompilesThem() {
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(unique("启东市儿童托管服务"), 1_500_000));
    var day = ProcurementTime.today();
    for (NoticeType type : NoticeType.values()) {
      if (type != NoticeType.PROCUREMENT_INTENTION) {
        day = day.plusDays(3);
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ProcurementTime.ZONE).toInstant()));
        register.publish(projectNumber, type, type.label() + "：启东市儿童托管服务", "正文", "启东市民政局", null);
      }
    }
    ClockUtil.reset();

    JsonNode releasePackage = valid(OcdsSchemas.RELEASE_PACKAGE, "/ocds/releases/" + projectNumber);
    ArrayNode releases = (ArrayNode) releasePackage.get("releases");
    assertThat(releases).hasSize(NoticeType.values().length);
    List<String> tags = new ArrayList<>();
    releases.forEach(r -> tags.add(r.at("/tag/0").asText()));
    assertThat(tags).containsExactly("planning", "tender", "tender", "tenderAmendment", "tenderUpdate",
        "tenderUpdate", "award", "tenderUpdate", "contract", "implementation", "implementation", "implementation");
    assertThat(releasePackage.get("publishedDate").asText()).isEqualTo(releases.get(releases.size() - 1)
        .get("date").asText());

    JsonNode recordPackage = valid(OcdsSchemas.RECORD_PACKAGE, "/ocds/records/" + projectNumber);
    assertThat(recordPackage.get("packages").get(0).asText()).isEqualTo(releasePackage.get("uri").asText());
    JsonNode record = recordPackage.at("/records/0");
    assertThat(record.get("ocid").asText()).isEqualTo(PREFIX + projectNumber);
    assertThat(record.get("releases")).hasSize(releases.size());
    for (int i = 0; i < releases.size(); i++) {
      assertThat(record.at("/releases/" + i + "/url").asText())
          .isEqualTo(releasePackage.get("uri").asText() + "#" + releases.get(i).get("id").asText());
      assertThat(record.at("/releases/" + i + "/date").asText()).isEqualTo(releases.get(i).get("date").asText());
    }
    JsonNode compiled = record.get("compiledRelease");
    assertThat(compiled.get("tag").toString()).isEqualTo("[\"compiled\"]");
    assertThat(compiled.get("id").asText()).isEqualTo(PREFIX + projectNumber + "-compiled");
    assertThat(compiled.get("date").asText()).isEqualTo(releases.get(releases.size() - 1).get("date").asText());
    assertThat(compiled.at("/tender/status").asText()).isEqualTo("complete");
    assertThat(compiled.at("/planning/documents")).hasSize(1);
    // the notices of every later stage, merged by document id, none lost
    assertThat(compiled.at("/tender/documents")).hasSize(NoticeType.values().length - 1);
    assertThat(compiled.at("/parties")).hasSize(1);
  }

  @Test
  void theFeedPagesThroughEveryReleaseOnce() {
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(unique("崇川区家庭医生签约服务"), 900_000));
    String path = "/ocds/releases";
    Set<String> ids = new HashSet<>();
    int pages = 0;
    while (path != null) {
      ResponseEntity<String> response = http.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode page = read(response.getBody());
      assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, page)).as(path).isEmpty();
      page.get("releases").forEach(release -> assertThat(ids.add(release.get("id").asText())).isTrue());
      pages++;
      path = next(response.getHeaders().getFirst(HttpHeaders.LINK));
    }
    assertThat(ids).hasSize((int) register.countAll()).contains(PREFIX + projectNumber + "-notice-"
        + register.findByProject(projectNumber).get(0).id());
    assertThat(pages).isEqualTo((int) ((register.countAll() + 99) / 100));

    assertThat(http.getForEntity("/ocds/releases?page=0", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> notANumber = http.getForEntity("/ocds/releases?page=abc", String.class);
    assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notANumber.getBody()).contains("页码不是有效的数字");
    assertThat(http.getForEntity("/ocds/releases?page=100000", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void unknownProjectsAnswer404() {
    for (String path : List.of("/ocds/releases/NT-1999-0001", "/ocds/records/NT-1999-0001",
        "/ocds/records/NT%20x")) {
      ResponseEntity<String> response = http.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(response.getBody()).contains("没有该项目的公开数据");
    }
  }

  @Test
  void theValidatorCatchesWhatBreaksTheStandard() {
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(unique("海安市助残服务"), 500_000));
    ObjectNode releasePackage = (ObjectNode) get("/ocds/releases/" + projectNumber);
    ((ObjectNode) releasePackage.at("/releases/0")).remove("ocid");
    ((ObjectNode) releasePackage.at("/releases/0/tender")).put("status", "open");
    ((ObjectNode) releasePackage.at("/releases/0/tender")).put("procurementMethod", "公开招标");
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, releasePackage))
        .contains("ocid", "/releases/0/tender/status", "/releases/0/tender/procurementMethod");

    ObjectNode recordPackage = (ObjectNode) get("/ocds/records/" + projectNumber);
    ((ObjectNode) recordPackage.at("/records/0")).remove("releases");
    assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, recordPackage)).contains("releases");
  }

  private JsonNode valid(com.networknt.schema.JsonSchema schema, String path) {
    JsonNode document = get(path);
    assertThat(OcdsSchemas.errors(schema, document)).as(path).isEmpty();
    return document;
  }

  private JsonNode get(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
    return read(response.getBody());
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static String next(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
    return m.find() ? m.group(1) : null;
  }

  private static String unique(String name) {
    return name + UUID.randomUUID().toString().substring(0, 6);
  }
}
