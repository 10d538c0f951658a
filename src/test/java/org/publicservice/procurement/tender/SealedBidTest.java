package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.tender.Tenders.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.notification.MailDeliveries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sealed-bid test: after bids are in and before the opening, a curious official looks everywhere she could -
 * the engine's runtime and history (variables and every historic detail), the REST API that Cockpit uses, as
 * supervisor and as administrator, and every table of the database - and finds neither a bid's price nor its
 * service plan, nor the name or a word of the files it carries. After the opening price and plan are public, in the
 * same places: the search does find them when they are there; the files stay sealed at rest and open for the
 * reviewers only, with their words intact.
 */
@ProcurementSpringTest
class SealedBidTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(ISSUED);

  static final String PRICE = "1234567.89";
  static final List<String> PRICE_FORMS = List.of(PRICE, "1,234,567.89", "123456789", "1234567.8");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired JdbcTemplate jdbc;
  @Autowired DisclosureRegister register;

  final HttpClient http = HttpClient.newHttpClient();
  Tenders tenders;
  /** Distinctive text of the service plan: an ASCII token (found in any encoding) inside Chinese words. */
  String planToken;
  String plan;
  /** Distinctive text inside a file of the bid, and in its name. */
  String fileToken;
  byte[] file;

  @BeforeEach
  void setUp() {
    tenders = new Tenders(engine, bidBox);
    planToken = "PLAN" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    plan = "绝密服务方案：每周三次上门，暗号" + planToken;
    fileToken = "FILE" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    file = ("%PDF-1.4\n% 资质证书原件扫描 " + fileToken + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void beforeTheOpeningNobodyFindsAPriceOrServicePlanAnywhereAfterwardsTheOpeningRecordShowsThem() throws Exception {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    at(ISSUED.plusDays(1));
    bidBox.submit(stage.getBusinessKey(), ANLE, new BidContent(new BigDecimal(PRICE), plan, "团队" + planToken + "T",
        "资质" + planToken + "Q"), java.util.List.of(new BidAttachments.NewFile("QUALIFICATION",
        "资质证书" + fileToken + ".pdf", file)), java.util.Set.of());
    tenders.bid(stage, XINYU, "1500000");
    // a replaced and a withdrawn bid carried the secrets too
    bidBox.submit(stage.getBusinessKey(), YANGGUANG, new BidContent(new BigDecimal(PRICE), plan, "团队", "资质"),
        java.util.List.of(new BidAttachments.NewFile("CERTIFICATE", "证书" + fileToken + ".pdf", file)),
        java.util.Set.of());
    bidBox.submit(stage.getBusinessKey(), YANGGUANG, Tenders.bid("1600000", "阳光的方案"));
    bidBox.submit(stage.getBusinessKey(), HUIMIN, new BidContent(new BigDecimal(PRICE), plan, "团队", "资质"));
    bidBox.withdraw(stage.getBusinessKey(), HUIMIN);
    tenders.bid(stage, HUIMIN, "1700000");
    // the department works meanwhile: a question and an amendment pass through variables and history
    new TenderQuestions(bidBox, org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), engine.getRuntimeService(), engine).ask(stage.getBusinessKey(), XINYU, "是否接受联合体投标？");
    tenders.submit(TestIdentities.PURCHASER, tenders.task(stage, "Task_AnswerQuestion"),
        org.camunda.bpm.engine.variable.Variables.createVariables().putValue(TenderVariables.QUESTION_ANSWER, "不接受。"));
    new MailDeliveries(engine).deliver(stage.getBusinessKey());

    // what officials may know: that bids arrived, how many
    assertThat(bidBox.countBids(stage.getBusinessKey())).isEqualTo(4);
    // the bidder itself reads its bid back; the box holds it
    assertThat(bidBox.ownBid(stage.getBusinessKey(), ANLE).orElseThrow().servicePlan()).isEqualTo(plan);

    List<String> secrets = secrets();
    assertThat(found(engineViews(stage), secrets)).as("runtime and history").isEmpty();
    for (String official : List.of("jiandu", "admin")) {
      for (String path : restPaths(stage)) {
        String body = get(official, path);
        assertThat(found(body, secrets)).as(official + " GET " + path).isEmpty();
      }
    }
    List<String> tables = new ArrayList<>();
    List<String> hits = scanDatabase(secrets, tables);
    assertThat(tables).as("tables searched")
        .contains("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY", "TENDER_BID", "MAIL_OUTBOX",
            "DISCLOSURE_NOTICE", "BID_ATTACHMENT");
    assertThat(hits).as("database").isEmpty();
    // the bid box itself holds only ciphertext and a wrapped key
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tender_bid WHERE project_number = ? AND sealed_content LIKE 'v1:%'"
        + " AND wrapped_key LIKE 'v1:%'", Integer.class, stage.getBusinessKey())).isEqualTo(4);
    // the bid's file is there, as ciphertext with a wrapped key, and opens for nobody but its bidder
    String fileId = jdbc.queryForObject("SELECT id FROM bid_attachment WHERE project_number = ? AND bidder = ?"
        + " AND attachment_status = 'ACTIVE' AND wrapped_key LIKE 'v1:%' AND sealed_meta LIKE 'v1:%'", String.class,
        stage.getBusinessKey(), ANLE);
    assertThat(bidBox.openedFile(fileId)).isEmpty();
    assertThat(bidBox.ownFile(stage.getBusinessKey(), ANLE, fileId).orElseThrow().content()).isEqualTo(file);

    tenders.reachDeadline(stage);

    // after the opening the price and plan are public, and the same search finds them
    assertThat(register.findByProject(stage.getBusinessKey())).filteredOn(n -> n.type() == NoticeType.OPENING_RECORD)
        .singleElement().satisfies(record -> assertThat(record.content()).contains("投标报价：1,234,567.89元"));
    assertThat(found(get("jiandu", "/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId="
        + stage.getId()), secrets)).contains(PRICE, planToken);
    assertThat(scanDatabase(secrets, new ArrayList<>())).anyMatch(hit -> hit.startsWith("ACT_HI_VARINST")
        || hit.startsWith("ACT_GE_BYTEARRAY"));
    // only what the opening published: the superseded and withdrawn secrets stay destroyed in the box
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tender_bid WHERE project_number = ? AND sealed_content IS NOT NULL",
        Integer.class, stage.getBusinessKey())).isEqualTo(4);
    // the files stay sealed at rest, in no variable, mail or notice; the reviewers' reading opens the one kept
    assertThat(scanDatabase(List.of(fileToken), new ArrayList<>())).isEmpty();
    assertThat(found(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(stage.getId())
        .list().toString(), List.of(fileToken))).isEmpty();
    BidBox.OpenedProjectFile opened = bidBox.openedFile(fileId).orElseThrow();
    assertThat(opened.file().content()).isEqualTo(file);
    assertThat(opened.file().info().name()).isEqualTo("资质证书" + fileToken + ".pdf");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bid_attachment WHERE project_number = ? AND sealed_content IS"
        + " NOT NULL", Integer.class, stage.getBusinessKey())).as("the replaced bid's file is destroyed").isEqualTo(1);
  }

  List<String> secrets() {
    List<String> secrets = new ArrayList<>(PRICE_FORMS);
    secrets.add(planToken);
    secrets.add("绝密服务方案");
    secrets.add(fileToken);
    secrets.add("资质证书原件扫描");
    return secrets;
  }

  /** Everything the engine API shows of variables, at runtime and in history, including every historic detail. */
  String engineViews(ProcessInstance stage) {
    StringBuilder all = new StringBuilder();
    all.append(engine.getRuntimeService().getVariables(stage.getId()));
    engine.getRuntimeService().createVariableInstanceQuery().list()
        .forEach(v -> all.append(v.getName()).append('=').append(v.getValue()).append('\n'));
    engine.getHistoryService().createHistoricVariableInstanceQuery().list()
        .forEach(v -> all.append(v.getName()).append('=').append(v.getValue()).append('\n'));
    for (HistoricDetail detail : engine.getHistoryService().createHistoricDetailQuery().list()) {
      if (detail instanceof HistoricVariableUpdate update) {
        all.append(update.getVariableName()).append('=').append(update.getValue()).append('\n');
      } else {
        all.append(detail).append('\n');
      }
    }
    engine.getTaskService().createTaskQuery().processInstanceId(stage.getId()).list()
        .forEach(task -> all.append(engine.getTaskService().getVariables(task.getId())));
    assertThat(all).contains("bidDeadline", "questionText");
    return all.toString();
  }

  static List<String> found(String text, List<String> secrets) {
    return secrets.stream().filter(text::contains).toList();
  }

  List<String> restPaths(ProcessInstance stage) {
    return List.of(
        "/engine-rest/variable-instance?deserializeValues=false",
        "/engine-rest/history/variable-instance?deserializeValues=false",
        "/engine-rest/history/detail?deserializeValues=false",
        "/engine-rest/process-instance/" + stage.getId() + "/variables?deserializeValues=false",
        "/engine-rest/variable-instance",
        "/engine-rest/variable-instance?processInstanceIdIn=" + stage.getId(),
        "/engine-rest/history/variable-instance",
        "/engine-rest/history/variable-instance?processInstanceId=" + stage.getId(),
        "/engine-rest/history/detail",
        "/engine-rest/history/detail?processInstanceId=" + stage.getId(),
        "/engine-rest/process-instance/" + stage.getId() + "/variables",
        "/engine-rest/history/activity-instance?processInstanceId=" + stage.getId(),
        "/engine-rest/history/user-operation",
        "/engine-rest/task?processInstanceId=" + stage.getId());
  }

  String get(String user, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(user + " GET " + path).isEqualTo(200);
    if (path.contains("variable")) {
      // the official does see the stage's variables: the search is not empty-handed by lack of rights
      assertThat(response.body()).as(user + " GET " + path).contains("bidDeadline");
    }
    return response.body();
  }

  /** Every value of every column of every table, as text (binary columns read as UTF-8): which contain a secret. */
  List<String> scanDatabase(List<String> secrets, List<String> tables) {
    List<String> names = jdbc.queryForList(
        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'",
        String.class);
    List<String> hits = new ArrayList<>();
    for (String table : names) {
      tables.add(table.toUpperCase());
      jdbc.query("SELECT * FROM \"" + table + "\"", (ResultSet rs) -> {
        ResultSetMetaData meta = rs.getMetaData();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
          String text = text(rs, column);
          if (text != null) {
            for (String secret : found(text, secrets)) {
              hits.add(table.toUpperCase() + "." + meta.getColumnName(column) + ": " + secret);
            }
          }
        }
      });
    }
    return hits;
  }

  private static String text(ResultSet rs, int column) {
    try {
      Object value = rs.getObject(column);
      if (value instanceof byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      if (value instanceof Blob blob) {
        try (InputStream in = blob.getBinaryStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
      return value == null ? null : value.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
