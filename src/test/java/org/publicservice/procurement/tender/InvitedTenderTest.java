package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.TenderVariables.*;
import static org.publicservice.procurement.tender.Tenders.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.review.PanelDraw;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 邀请招标 (政府采购法第二十九条、第三十四条; 87号令第十四条): the qualified list, the supervised random draw kept for the
 * file, invitations to the drawn suppliers only and a round only they may bid in; and the negotiation with the two
 * suppliers a failed open tender left (74号令第二十七条第二款), the only other case where 2 suffice.
 */
@ProcurementSpringTest
class InvitedTenderTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired InvitationDraws draws;
  @Autowired DisclosureRegister register;

  Tenders tenders;
  TestIdentities people;
  MailDeliveries mails;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    tenders = new Tenders(engine, bidBox);
    people = new TestIdentities(engine.getIdentityService()).ensureExtraOrganisations();
    mails = new MailDeliveries(engine);
    at(ISSUED);
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    people.removeExtraOrganisations();
    ClockUtil.reset();
  }

  static VariableMap selection(String source, int count) {
    return Variables.createVariables().putValue(INVITATION_LIST_SOURCE, source).putValue(INVITATION_COUNT, count)
        .putValue(INVITATION_SUPERVISOR_1, TestIdentities.PURCHASER).putValue(INVITATION_SUPERVISOR_2, "minzheng2");
  }

  @Test
  void anInvitedTenderDrawsItsSuppliersAtRandomFromAListTwiceAsLongAndOnlyTheyMayBid() throws Exception {
    ProcessInstance stage = tenders.start("INVITED_TENDER");
    // 20 days as any tender (政府采购法第三十五条)
    assertThatThrownBy(() -> tenders.prepareDocuments(stage, documents().putValue(BID_DEADLINE_DATE, "2026-12-22")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageStartingWith("邀请招标自招标文件开始发出之日起");
    tenders.prepareDocuments(stage, documents());
    assertThat(stage).isWaitingAt("Task_SelectInvitedSuppliers");
    var select = tenders.task(stage, "Task_SelectInvitedSuppliers");

    // every registered supplier is on the list (the demo's suppliers of every type too): one more than half of them
    // to invite would need a list longer than the register (87号令第十四条第三款)
    int registered = (int) engine.getIdentityService().createUserQuery().memberOfGroup(Groups.SOCIAL_ORGANISATION)
        .count();
    int tooMany = registered / 2 + 1;
    assertThatThrownBy(() -> tenders.submit(TestIdentities.PURCHASER, select, selection(SUPPLIER_DATABASE, tooMany)))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("符合资格条件的供应商名单只有" + registered + "家，不得少于拟抽取家数的两倍（" + 2 * tooMany
            + "家，政府采购货物和服务招标投标管理办法第十四条第三款）。");
    assertThatThrownBy(() -> tenders.submit(TestIdentities.PURCHASER, select, selection(SUPPLIER_DATABASE, 3)
        .putValue(INVITATION_SUPERVISOR_2, TestIdentities.PURCHASER)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("不少于两名采购人工作人员在场监督");
    assertThatThrownBy(() -> tenders.submit(TestIdentities.PURCHASER, select, selection(WRITTEN_RECOMMENDATION, 3)
        .putValue(INVITATION_RECOMMENDED, "南通阳光养老服务中心\n南通某某不存在的机构").putValue(INVITATION_REASONS, "有同类经验")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("推荐名单第2行“南通某某不存在的机构”不是平台注册的供应商，请填写供应商全称或账号。");
    // nothing published but the procurement intention the fixture published 40 days before (财库〔2020〕10号)
    assertThat(register.findByProject(stage.getBusinessKey())).extracting(n -> n.type())
        .containsExactly(NoticeType.PROCUREMENT_INTENTION);
    tenders.submit(TestIdentities.PURCHASER, tenders.task(stage, "Task_SelectInvitedSuppliers"),
        selection(SUPPLIER_DATABASE, 3));

    assertThat(stage).isWaitingAt("Timer_BidDeadline", "Task_AmendDocuments");
    InvitationDraws.Draw draw = draws.find(((Number) engine.getRuntimeService()
        .getVariable(stage.getId(), INVITATION_DRAW_ID)).longValue());
    assertThat(draw.pool()).hasSize(registered).isSorted().contains(YANGGUANG, TestIdentities.EXTRA_ORGANISATIONS.get(0));
    // reproducible: the recorded seed and list give the recorded order, the first three are invited
    assertThat(PanelDraw.drawOrder(draw.seed(), draw.pool())).isEqualTo(draw.drawOrder());
    assertThat(draw.invited()).isEqualTo(draw.drawOrder().subList(0, 3));
    assertThat(draw.supervisors()).containsExactly(TestIdentities.PURCHASER, "minzheng2");
    assertThat(draw.drawnBy()).isEqualTo(TestIdentities.PURCHASER);

    var notice = register.findByProject(stage.getBusinessKey()).stream()
        .filter(n -> n.type() == NoticeType.TENDER_NOTICE).findFirst().orElseThrow();
    assertThat(notice.title()).endsWith("的邀请招标公告");
    assertThat(notice.content()).contains("采购方式：邀请招标", "仅限受邀请的3家供应商");
    for (String invitee : draw.invited()) {
      assertThat(notice.content()).doesNotContain(invitee);
    }

    String outsider = draw.drawOrder().get(3);
    assertThatThrownBy(() -> tenders.bid(stage, outsider, "1800000"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("贵单位未受邀请");
    List<String> prices = List.of("1800000", "1750000", "1700000");
    for (int i = 0; i < 3; i++) {
      tenders.bid(stage, draw.invited().get(i), prices.get(i));
    }
    mails.deliver(stage.getBusinessKey());
    for (String invitee : draw.invited()) {
      assertThat(MailDeliveries.mailsTo(greenMail, invitee + (invitee.startsWith("t-") ? "@test.local" : "@demo.local")))
          .extracting(MailDeliveries::subject).contains("【投标邀请书】" + stage.getBusinessKey() + " 崇川区居家养老上门服务");
    }
    assertThat(MailDeliveries.mailsTo(greenMail, outsider + (outsider.startsWith("t-") ? "@test.local" : "@demo.local")))
        .extracting(MailDeliveries::subject).noneMatch(s -> s.startsWith("【投标邀请书】" + stage.getBusinessKey()));

    tenders.reachDeadline(stage);
    assertThat(stage).isEnded().hasPassed("Task_DrawInvitedSuppliers", "EndEvent_BidsOpened");
    assertThat(historicVariable(stage, MINIMUM_BIDS)).isEqualTo(3L);
    assertThat((String) historicVariable(stage, MINIMUM_BIDS_BASIS)).contains("87号令第四十一条");
  }

  @Test
  void aDrawAmongSomeThreeHundredSuppliersFromTheDatabaseOrRecommendedInWritingIsRecordedWhole() {
    // a few hundred registered suppliers, drawn from the database or recommended in writing, and reasons of 3,000
    // characters (4,000 allowed): the recommended list was longer than a String variable holds and the draw's record
    // longer than its columns, and the draw failed
    var identity = engine.getIdentityService();
    List<String> added = new java.util.ArrayList<>();
    for (int i = 1; i <= 320; i++) {
      String id = String.format("t-lt-org-%03d", i);
      var user = identity.newUser(id);
      user.setFirstName("南通测试社会组织" + i);
      user.setLastName("");
      identity.saveUser(user);
      identity.createMembership(id, Groups.SOCIAL_ORGANISATION);
      added.add(id);
    }
    try {
      ProcessInstance fromDatabase = tenders.start("INVITED_TENDER");
      tenders.prepareDocuments(fromDatabase, documents());
      tenders.submit(TestIdentities.PURCHASER, tenders.task(fromDatabase, "Task_SelectInvitedSuppliers"),
          selection(SUPPLIER_DATABASE, 3));
      InvitationDraws.Draw draw = draws.find(((Number) engine.getRuntimeService()
          .getVariable(fromDatabase.getId(), INVITATION_DRAW_ID)).longValue());
      assertThat(String.join(",", draw.pool())).hasSizeGreaterThan(4000);
      assertThat(draw.pool()).containsAll(added);
      assertThat(draw.drawOrder()).hasSameSizeAs(draw.pool());

      // the same suppliers recommended in writing, one account a line (4,160 characters), with long reasons
      ProcessInstance recommended = tenders.start("INVITED_TENDER");
      tenders.prepareDocuments(recommended, documents());
      String reasons = "推荐理由如下。" + "该机构近三年在本市承接同类居家养老服务项目，服务对象满意度较高。".repeat(95);
      tenders.submit(TestIdentities.PURCHASER, tenders.task(recommended, "Task_SelectInvitedSuppliers"),
          selection(WRITTEN_RECOMMENDATION, 3).putValue(INVITATION_RECOMMENDED, String.join("\n", added))
              .putValue(INVITATION_REASONS, reasons));
      InvitationDraws.Draw written = draws.find(((Number) engine.getRuntimeService()
          .getVariable(recommended.getId(), INVITATION_DRAW_ID)).longValue());
      assertThat(written.listBasis()).endsWith(reasons);
      assertThat(written.pool()).containsExactlyInAnyOrderElementsOf(added);
    } finally {
      added.forEach(identity::deleteUser);
    }
  }

  @Test
  void aFailedOpenTenderWithTwoBidsMayBeNegotiatedWithThoseTwoAloneAndAnyOtherNeedsThree() {
    ProcessInstance stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    tenders.bid(stage, YANGGUANG, "1800000");
    tenders.bid(stage, XINYU, "1750000");
    tenders.reachDeadline(stage);
    tenders.decide(stage, CHANGE_METHOD, "COMPETITIVE_NEGOTIATION");
    tenders.approveMethodChange(stage, APPROVE, "同意与该两家供应商进行竞争性谈判。");

    assertThat(engine.getRuntimeService().getVariables(stage.getId()))
        .containsEntry(PROCUREMENT_METHOD, "COMPETITIVE_NEGOTIATION").containsEntry(MINIMUM_BIDS, 2L)
        .containsEntry(TWO_SUPPLIER_EXCEPTION, true)
        .containsEntry(INVITED_SUPPLIERS, new ArrayList<>(List.of(YANGGUANG, XINYU)));
    assertThat((String) engine.getRuntimeService().getVariable(stage.getId(), MINIMUM_BIDS_BASIS))
        .contains("74号令第二十七条第二款");
    at(ISSUED.plusDays(26));
    // negotiation: 3 working days (74号令第二十九条), the lowest price wins (第三十五条)
    tenders.prepareDocuments(stage, documents().putValue(EVALUATION_METHOD, LOWEST_PRICE).putValue(PRICE_WEIGHT, null)
        .putValue(EVALUATION_CRITERIA, null).putValue(BID_DEADLINE_DATE, "2027-01-04").putValue(CLARIFICATION_DEADLINE_DATE,
            "2026-12-30"));
    assertThatThrownBy(() -> tenders.bid(stage, HUIMIN, "1600000"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("贵单位未受邀请");
    tenders.bid(stage, YANGGUANG, "1700000");
    tenders.bid(stage, XINYU, "1650000");
    tenders.reachDeadline(stage);
    assertThat(stage).isEnded().hasPassed("EndEvent_BidsOpened");
    assertThat(JsonValues.rows(historicVariable(stage, OPENED_BIDS))).hasSize(2);

    // a failed open tender with a single bid: a negotiation needs 3 and is open to all
    at(ISSUED);
    ProcessInstance single = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(single, documents());
    tenders.bid(single, YANGGUANG, "1800000");
    tenders.reachDeadline(single);
    tenders.decide(single, CHANGE_METHOD, "COMPETITIVE_NEGOTIATION");
    tenders.approveMethodChange(single, APPROVE, "同意。");
    assertThat(engine.getRuntimeService().getVariables(single.getId())).containsEntry(MINIMUM_BIDS, 3L)
        .containsEntry(TWO_SUPPLIER_EXCEPTION, false);
    assertThat(engine.getRuntimeService().getVariable(single.getId(), INVITED_SUPPLIERS)).isNull();
  }

  Object historicVariable(ProcessInstance stage, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(stage.getId())
        .variableName(name).singleResult().getValue();
  }
}
