package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.publicservice.procurement.tender.Tenders.*;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Suppliers of every form bid in the same tender, each under the rules the tender's SME policy states; their files
 * are checked by content, sealed with the bid, and read after the opening only by the people who review the bids,
 * from their tasks.
 */
@ProcurementSpringTest
class SupplierBidsTest {

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(ISSUED);

  static final String KANGNING = "sup-kangning";
  static final String HUAXIA = "sup-huaxia";
  static final String FULIYUAN = "sup-fuliyuan";
  static final String ZHANGLAN = "sup-zhanglan";

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired DisclosureRegister register;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  Tenders tenders;

  @BeforeEach
  void setUp() {
    tenders = new Tenders(engine, bidBox);
  }

  @Test
  void anEnterpriseAnInstitutionSocialOrganisationsAndAPersonBidInOneTenderUnderItsSmeDeduction() {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents().putValue(TenderVariables.SME_RESERVATION, SmePolicy.NONE)
        .putValue(TenderVariables.SME_DEDUCTION, 15L));
    String notice = register.findByProject(stage.getBusinessKey()).stream()
        .filter(n -> n.type() == NoticeType.TENDER_NOTICE).findFirst().orElseThrow().content();
    assertThat(notice).contains("企业、事业单位、社会组织等各类供应商不论组织形式", "无需审批",
        "对在投标文件中出具《中小企业声明函》的小型和微型企业，其报价给予15%的扣除");
    at(ISSUED.plusDays(1));

    String project = stage.getBusinessKey();
    bidBox.submit(project, KANGNING, bid("1600000", "SMALL"));
    bidBox.submit(project, HUAXIA, bid("1500000", null));
    bidBox.submit(project, FULIYUAN, bid("1700000", null));
    bidBox.submit(project, ZHANGLAN, bid("1550000", null));
    tenders.bid(stage, XINYU, "1650000");
    // only enterprises declare themselves small or medium (财库〔2020〕46号第二条)
    assertThatThrownBy(() -> bidBox.submit(project, ANLE, bid("1580000", "SMALL")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("只有企业（含个体工商户）可以出具《中小企业声明函》");
    assertThat(bidBox.countBids(project)).isEqualTo(5);

    tenders.reachDeadline(stage);
    String opening = register.findByProject(project).stream().filter(n -> n.type() == NoticeType.OPENING_RECORD)
        .findFirst().orElseThrow().content();
    assertThat(opening).contains("南通康宁健康管理有限公司", "江苏华夏物业服务集团有限公司", "南通市社会福利院", "张岚",
        "南通心语社会工作服务社", "投标人数：5家");
    Map<String, Map<String, Object>> byBidder = new java.util.HashMap<>();
    JsonValues.rows(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(stage.getId())
        .variableName(TenderVariables.OPENED_BIDS).singleResult().getValue())
        .forEach(row -> byBidder.put((String) row.get("bidder"), row));
    assertThat(byBidder.get(KANGNING)).containsEntry("smeDeclaration", "SMALL");
    assertThat(new BigDecimal(byBidder.get(KANGNING).get("smeDeductionPercent").toString())).isEqualByComparingTo("15");
    for (String other : List.of(HUAXIA, FULIYUAN, ZHANGLAN, XINYU)) {
      assertThat(new BigDecimal(byBidder.get(other).get("smeDeductionPercent").toString())).as(other).isZero();
    }
  }

  @Test
  void aBidStatesHowItsBondWasLodgedNeverInCashAndTheOpeningHandsItToTheReview() {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents()); // a bid bond of 20,000.00 yuan
    at(ISSUED.plusDays(1));
    String project = stage.getBusinessKey();
    // cash is refused (实施条例第三十三条), a form needs its reference, an unknown form is refused; nothing is stored
    assertThatThrownBy(() -> bidBox.submit(project, HUAXIA, bonded("CASH", "现金收据001")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("投标保证金不得以现金形式提交（政府采购法实施条例第三十三条）。");
    assertThatThrownBy(() -> bidBox.submit(project, HUAXIA, bonded("BANK_GUARANTEE", "  ")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("请填写投标保证金的转账流水号或保函编号。");
    assertThatThrownBy(() -> bidBox.submit(project, HUAXIA, bonded("IOU", "欠条1")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请从列表中选择投标保证金的提交方式");
    assertThat(bidBox.countBids(project)).isZero();

    bidBox.submit(project, HUAXIA, bonded("BANK_GUARANTEE", "BH-2026-0815"));
    bidBox.submit(project, KANGNING, bonded("TRANSFER", "流水号 20261204000123"));
    // a bid without a bond is received: whether it is invalid is the panel's call (87号令第六十三条第一项)
    tenders.bid(stage, XINYU, "1650000");
    tenders.reachDeadline(stage);

    Map<String, String> bonds = new java.util.HashMap<>();
    JsonValues.rows(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(stage.getId())
        .variableName(TenderVariables.OPENED_BIDS).singleResult().getValue())
        .forEach(row -> bonds.put((String) row.get("bidder"), (String) row.get("bidBond")));
    assertThat(bonds).containsEntry(HUAXIA, "银行保函（编号BH-2026-0815）")
        .containsEntry(KANGNING, "银行转账（支票、汇票、本票）（编号流水号 20261204000123）")
        .containsEntry(XINYU, "投标文件未载明投标保证金");
  }

  static BidContent bonded(String form, String reference) {
    return new BidContent(new BigDecimal("1600000"), "分片包干，每周巡访两次。", "项目负责人1名、社工6名。",
        "依法登记证书；信用承诺书。", null, form, reference);
  }

  @Test
  void aTenderReservedForSocialOrganisationsNeedsItsBasisAndTakesOnlyThemOneForSmesOnlyDeclaredSmes() {
    ProcessInstance social = tenders.start("OPEN_TENDER");
    VariableMap reserved = documents().putValue(TenderVariables.SME_RESERVATION, SmePolicy.SOCIAL_ORGANISATION);
    assertThatThrownBy(() -> tenders.prepareDocuments(social, reserved))
        .hasMessageContaining("专门面向社会组织采购须写明依据");
    tenders.prepareDocuments(social, reserved.putValue(TenderVariables.RESERVATION_BASIS,
        "财综〔2016〕54号：适宜由社会组织提供的公共服务事项，同等条件下优先向社会组织购买"));
    assertThat(register.findByProject(social.getBusinessKey())).filteredOn(n -> n.type() == NoticeType.TENDER_NOTICE)
        .singleElement().satisfies(n -> assertThat(n.content()).contains("本项目专门面向社会组织采购，依据：财综〔2016〕54号"));
    at(ISSUED.plusDays(1));
    assertThatThrownBy(() -> bidBox.submit(social.getBusinessKey(), KANGNING, bid("1600000", "SMALL")))
        .hasMessageContaining("只有在平台注册为社会组织的供应商可以投标");
    assertThatThrownBy(() -> bidBox.submit(social.getBusinessKey(), FULIYUAN, bid("1600000", null)))
        .hasMessageContaining("只有在平台注册为社会组织的供应商可以投标");
    tenders.bid(social, XINYU, "1650000");

    at(ISSUED);
    ProcessInstance smes = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(smes, documents().putValue(TenderVariables.SME_RESERVATION, SmePolicy.SME));
    at(ISSUED.plusDays(1));
    assertThatThrownBy(() -> bidBox.submit(smes.getBusinessKey(), XINYU, bid("1600000", null)))
        .hasMessageContaining("专门面向中小企业采购");
    assertThatThrownBy(() -> bidBox.submit(smes.getBusinessKey(), HUAXIA, bid("1600000", null)))
        .hasMessageContaining("专门面向中小企业采购");
    bidBox.submit(smes.getBusinessKey(), KANGNING, bid("1600000", "MEDIUM"));
    assertThat(bidBox.countBids(smes.getBusinessKey())).isEqualTo(1);
    assertThat(bidBox.countBids(social.getBusinessKey())).isEqualTo(1);
  }

  @Test
  void filesAreCheckedByContentSealedWithTheBidAndReadAfterTheOpeningOnlyByTheReviewers() throws Exception {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    at(ISSUED.plusDays(1));
    String project = stage.getBusinessKey();
    byte[] pdf = pdf("营业执照及资质证书 LICENCE-" + project);
    byte[] docx = docx();

    // checked by what the bytes are, not by the name; each refusal names the file and changes nothing
    assertThatThrownBy(() -> bidBox.submit(project, KANGNING, bid("1600000", null),
        List.of(new BidAttachments.NewFile("QUALIFICATION", "营业执照.pdf", png())), Set.of()))
        .hasMessage("文件“营业执照.pdf”的扩展名与内容不符（内容为PNG图片文件），请上传原始文件。");
    assertThatThrownBy(() -> bidBox.submit(project, KANGNING, bid("1600000", null),
        List.of(new BidAttachments.NewFile("CERTIFICATE", "证书.pdf", "MZ\u0090\u0000program".getBytes(
            StandardCharsets.ISO_8859_1))), Set.of()))
        .hasMessage("文件“证书.pdf”的内容不是PDF、OFD、图片（JPG、PNG）或Office文件（Word、Excel、PowerPoint），不能上传。");
    byte[] tooLarge = new byte[BidAttachments.MAX_FILE_MB * 1024 * 1024 + 1];
    System.arraycopy(pdf, 0, tooLarge, 0, pdf.length);
    assertThatThrownBy(() -> bidBox.submit(project, KANGNING, bid("1600000", null),
        List.of(new BidAttachments.NewFile("SERVICE_PLAN", "方案.pdf", tooLarge)), Set.of()))
        .hasMessageContaining("超过10MB，不能上传");
    assertThat(bidBox.countBids(project)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bid_attachment WHERE project_number = ?", Integer.class,
        project)).isZero();

    bidBox.submit(project, KANGNING, bid("1600000", "SMALL"), List.of(
        new BidAttachments.NewFile("QUALIFICATION", "营业执照.pdf", pdf),
        new BidAttachments.NewFile("SERVICE_PLAN", "服务方案.docx", docx)), Set.of());
    List<BidAttachments.FileInfo> own = bidBox.ownFiles(project, KANGNING);
    assertThat(own).extracting(BidAttachments.FileInfo::name).containsExactly("营业执照.pdf", "服务方案.docx");
    String pdfId = own.get(0).id();
    String docxId = own.get(1).id();
    assertThat(bidBox.ownFile(project, KANGNING, pdfId).orElseThrow().content()).isEqualTo(pdf);
    assertThat(bidBox.ownFile(project, XINYU, pdfId)).as("another bidder").isEmpty();
    // replaced, keeping only the licence: the plan is destroyed with the old bid
    bidBox.submit(project, KANGNING, bid("1590000", "SMALL"), List.of(), Set.of(pdfId));
    assertThat(bidBox.ownFiles(project, KANGNING)).extracting(BidAttachments.FileInfo::id).containsExactly(pdfId);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bid_attachment WHERE id = ? AND attachment_status = 'DESTROYED'"
        + " AND sealed_content IS NULL AND wrapped_key IS NULL", Integer.class, docxId)).isEqualTo(1);
    tenders.bid(stage, XINYU, "1650000");
    tenders.bid(stage, YANGGUANG, "1700000");

    // before the opening the file does not exist for anybody, not even for the reviewers-to-be
    WebappBrowser department = new WebappBrowser(port);
    assertThat(department.logIn(TestIdentities.PURCHASER, TestIdentities.password(TestIdentities.PURCHASER))).isEqualTo(200);
    assertThat(bidBox.openedFile(pdfId)).isEmpty();
    assertThat(department.get("/bid-documents/" + pdfId).statusCode()).isEqualTo(404);

    tenders.reachDeadline(stage);
    assertThat(bidBox.openedFile(pdfId).orElseThrow().file().content()).isEqualTo(pdf);
    ProcessInstance review = startReview(stage);
    String links = (String) engine.getRuntimeService().getVariable(review.getId(), TenderVariables.BID_DOCUMENTS);
    assertThat(links).contains("南通康宁健康管理有限公司", "资格证明文件：[营业执照.pdf](/bid-documents/" + pdfId + ")")
        .doesNotContain(docxId);

    HttpResponse<byte[]> read = department.get("/bid-documents/" + pdfId);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(pdf);
    assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(read.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    // an expert without a task of this project, and a visitor without a login, read nothing
    WebappBrowser expert = new WebappBrowser(port);
    assertThat(expert.logIn("expert01", "demo")).isEqualTo(200);
    HttpResponse<byte[]> refused = expert.get("/bid-documents/" + pdfId);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("只有正在办理本项目资格审查");
    assertThat(new WebappBrowser(port).get("/bid-documents/" + pdfId).statusCode()).isEqualTo(401);
  }

  /** The review stage as the main process starts it after this opening. */
  private ProcessInstance startReview(ProcessInstance tender) {
    VariableMap in = Variables.createVariables();
    Tenders.in(tender.getBusinessKey(), "OPEN_TENDER").forEach(in::putValue);
    for (String name : List.of(TenderVariables.EVALUATION_METHOD, TenderVariables.PRICE_WEIGHT,
        TenderVariables.EVALUATION_CRITERIA, TenderVariables.QUALIFICATION_REQUIREMENTS, TenderVariables.BID_BOND,
        TenderVariables.BID_DEADLINE, TenderVariables.TENDER_ROUND, TenderVariables.MINIMUM_BIDS,
        TenderVariables.TENDER_OUTCOME, TenderVariables.TENDER_NOTICE_AT)) {
      in.putValue(name, engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(tender.getId())
          .variableName(name).singleResult().getValue());
    }
    in.putValueTyped(TenderVariables.OPENED_BIDS, SpinValues.jsonValue(JsonValues.toJson(JsonValues.rows(
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(tender.getId())
            .variableName(TenderVariables.OPENED_BIDS).singleResult().getValue()))).create());
    ProcessInstance review = engine.getRuntimeService().startProcessInstanceByKey("ReviewStage",
        tender.getBusinessKey(), in);
    for (int i = 0; i < 10; i++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(review.getId()).executable()
          .list();
      if (due.isEmpty()) {
        break;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey("Task_ReviewQualification").count()).isEqualTo(1);
    return review;
  }

  static BidContent bid(String price, String smeDeclaration) {
    return new BidContent(new BigDecimal(price), "分片包干，每周巡访两次。", "项目负责人1名、社工6名。", "依法登记证书；信用承诺书。",
        smeDeclaration);
  }

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  }

  /** A minimal Word document: the parts by which its ZIP is recognised. */
  static byte[] docx() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String part : List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml")) {
        zip.putNextEntry(new ZipEntry(part));
        zip.write(("<xml>" + part + "</xml>").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A browser logged into Tasklist: the session cookie of the Camunda webapps. */
  static final class WebappBrowser {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    WebappBrowser(int port) {
      this.base = "http://localhost:" + port;
      this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    int logIn(String userId, String password) throws Exception {
      HttpResponse<byte[]> page = get("/camunda/app/tasklist/default/");
      String token = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
          .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow());
      return http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    HttpResponse<byte[]> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  static List<String> names(List<BidAttachments.FileInfo> files) {
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(f.name()));
    return names;
  }
}
