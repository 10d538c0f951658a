package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publicservice.procurement.tender.TenderVariables.*;
import static org.publicservice.procurement.tender.Tenders.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.ocds.OcdsSchemas;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The tender's notices in the OCDS open data: tender period, enquiry period, award criteria, number of tenderers. */
@ProcurementSpringTest
class TenderOpenDataTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired org.publicservice.procurement.disclosure.DisclosureRegister register;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void tenderNoticeClarificationAndOpeningAreReleasesWithTheTermsTheyStated() throws Exception {
    BpmnAwareTests.init(engine);
    Tenders tenders = new Tenders(engine, bidBox);
    at(ISSUED);
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents().putValue(BID_BOND_CONVERTIBLE, true));
    tenders.bid(stage, YANGGUANG, "1800000");
    tenders.bid(stage, XINYU, "1750000");
    tenders.bid(stage, HUIMIN, "1700000");
    at(ZonedDateTime.of(2026, 12, 18, 15, 0, 0, 0, ProcurementTime.ZONE));
    tenders.submit(TestIdentities.PURCHASER, tenders.task(stage, "Task_AmendDocuments"),
        Variables.createVariables().putValue(AMENDMENT_TEXT, "服务人数调整为850名。"));
    tenders.reachDeadline(stage);

    String body = http.getForObject("/ocds/releases/" + stage.getBusinessKey(), String.class);
    JsonNode releasePackage = json.readTree(body);
    assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, releasePackage)).isEmpty();
    JsonNode releases = releasePackage.get("releases");
    assertThat(releases).extracting(r -> r.at("/tag/0").asText())
        .containsExactly("planning", "tender", "tenderAmendment", "tenderUpdate");

    JsonNode notice = releases.get(1).get("tender");
    assertThat(notice.at("/procurementMethod").asText()).isEqualTo("open");
    assertThat(notice.at("/procurementMethodDetails").asText()).isEqualTo("公开招标");
    assertThat(notice.at("/tenderPeriod/startDate").asText()).isEqualTo("2026-12-03T10:00:00+08:00");
    assertThat(notice.at("/tenderPeriod/endDate").asText()).isEqualTo("2026-12-28T09:30:00+08:00");
    assertThat(notice.at("/enquiryPeriod/endDate").asText()).isEqualTo("2026-12-14T23:59:59+08:00");
    assertThat(notice.at("/awardCriteria").asText()).isEqualTo("ratedCriteria");
    assertThat(notice.at("/awardCriteriaDetails").asText()).isEqualTo("综合评分法");
    assertThat(notice.has("numberOfTenderers")).isFalse();
    // the bid bond the documents ask, in the submission terms extension declared by the package
    assertThat(notice.at("/submissionTerms/depositsGuarantees").asText())
        .isEqualTo("投标保证金20,000.00元，以支票、汇票、本票或者金融机构、担保机构出具的保函等非现金形式提交（政府采购法实施条例第三十三条）。"
            + "中标人签订合同时可以将投标保证金转为履约保证金（政府采购货物和服务招标投标管理办法第三十八条）。");
    assertThat(releasePackage.get("extensions").toString()).contains("ocds_submissionTerms_extension");
    // the documents let the winner turn its bid bond into the performance bond (87号令第三十八条): the notice says so
    assertThat(register.findByProject(stage.getBusinessKey())).filteredOn(n -> n.type()
            == org.publicservice.procurement.disclosure.NoticeType.TENDER_NOTICE).singleElement()
        .satisfies(n -> assertThat(n.content()).contains("投标保证金：20,000.00元（不接受现金形式；中标人签订合同时可以将投标保证金转为履约保证金）"));
    assertThat(bidBox.bidBondConvertible(stage.getBusinessKey())).isTrue();

    // the amendment moved the deadline; the earlier release keeps what its notice said
    assertThat(releases.get(2).at("/tender/tenderPeriod/endDate").asText()).isEqualTo("2027-01-04T09:30:00+08:00");
    JsonNode opening = releases.get(3).get("tender");
    assertThat(opening.at("/numberOfTenderers").asInt()).isEqualTo(3);
    assertThat(opening.at("/documents/0/documentType").asText()).isEqualTo("evaluationReports");
  }
}
