package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.tender.Tenders.*;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementIntentions;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.award.AwardVariables;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.award.BondVariables;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.award.Challenges;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Challenges to the tender documents (94号令第十一条: within 7 working days of the end of their announcement period)
 * in a running purchase: upheld, the documents are amended and the deadline moves (94号令第十六条第一项, 87号令第二十七条),
 * or the tender ends and the bids go back unopened; late challenges are refused.
 */
@ProcurementSpringTest
class DocumentChallengeTest {

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired DisclosureRegister register;
  @Autowired Challenges challenges;

  Tenders tenders;
  TestIdentities people;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    tenders = new Tenders(engine, bidBox);
    people = new TestIdentities(engine.getIdentityService()).ensureOfficials();
    at(ISSUED);
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void anUpheldChallengeToTheDocumentsAmendsThemAndMovesTheDeadlineAndALateOneIsRefused() {
    ProcessInstance purchase = purchaseInTender();
    ProcessInstance stage = tenderStage(purchase);
    tenders.prepareDocuments(stage, documents());
    String project = purchase.getBusinessKey();

    at(ZonedDateTime.of(2026, 12, 17, 10, 0, 0, 0, ProcurementTime.ZONE));
    String id = challenges.file(project, XINYU, "DOCUMENTS", "资格要求“近三年同类项目3个以上”排斥新成立的社会组织。");
    ProcessInstance challenge = challenge(id);
    assertThat(challenge).isWaitingAt("Task_ReplyToChallenge");
    assertThat(remedyOptions(challenge)).containsExactly(AwardVariables.REMEDY_NO_EFFECT, AwardVariables.REMEDY_AMEND,
        AwardVariables.REMEDY_RE_TENDER);
    assertThatThrownBy(() -> reply(challenge, AwardVariables.REMEDY_AMEND, null))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("采购文件的修改内容");

    at(ZonedDateTime.of(2026, 12, 18, 10, 0, 0, 0, ProcurementTime.ZONE));
    reply(challenge, AwardVariables.REMEDY_AMEND, "资格要求修改为：具有与本项目相适应的服务能力，不再要求同类项目数量。");
    runJobs(challenge);

    assertThat(challenge).isEnded().hasPassed("Task_ApplyChallengeRemedy");
    assertThat(stage).isWaitingAt("Task_AmendDocuments").hasPassed("Task_PublishAmendment");
    DisclosureNotice amendment = notices(project, NoticeType.CLARIFICATION).get(0);
    assertThat(amendment.content()).contains("质疑成立（采购单位质疑答复），依照财政部令第94号第十六条第一项修改采购文件",
        "不再要求同类项目数量", "顺延至");
    // fewer than 15 days were left to the deadline of 28 December: it moved, and its timer with it
    assertThat(tenders.deadlineTimer(stage).getDuedate()).isAfter(java.util.Date.from(DEADLINE.toInstant()));

    // the window ended 7 working days after the 5 working days of the notice (21 December)
    at(ZonedDateTime.of(2026, 12, 22, 0, 0, 1, 0, ProcurementTime.ZONE));
    assertThatThrownBy(() -> challenges.file(project, HUIMIN, "DOCUMENTS", "评分标准不明确。"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("项目" + project + "对采购文件的质疑期已于2026年12月21日 23:59结束，不再受理质疑。");
  }

  @Test
  void aLongAmendmentOrderedByAnUpheldChallengeIsPublishedWholeAndOneTooLongForTheTenderStageIsRefusedAtOnce()
      throws Exception {
    ProcessInstance purchase = purchaseInTender();
    ProcessInstance stage = tenderStage(purchase);
    tenders.prepareDocuments(stage, documents());
    String project = purchase.getBusinessKey();
    at(ZonedDateTime.of(2026, 12, 17, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance challenge = challenge(challenges.file(project, XINYU, "DOCUMENTS", "资格要求和评分标准排斥新成立的社会组织。"));
    at(ZonedDateTime.of(2026, 12, 18, 10, 0, 0, 0, ProcurementTime.ZONE));

    // the legal basis Remedies puts before it would take it past the tender stage's 8,000: refused with the
    // decision, rather than failing afterwards in the remedy step
    String clause = "评分标准第二项修改为：按服务方案的针对性和可行性评分，不再按成立年限评分。";
    assertThatThrownBy(() -> reply(challenge, AwardVariables.REMEDY_AMEND, clause.repeat(7950 / clause.length() + 1)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessage("采购文件的修改内容不能超过7900个字。");
    // 7,000 characters: more than a String variable holds
    String amendment = clause.repeat(7000 / clause.length());
    reply(challenge, AwardVariables.REMEDY_AMEND, amendment);
    runJobs(challenge);

    assertThat(challenge).isEnded().hasPassed("Task_ApplyChallengeRemedy");
    assertThat(notices(project, NoticeType.CLARIFICATION)).singleElement()
        .satisfies(notice -> assertThat(notice.content()).contains(amendment));
    // the forms take what the Java takes
    for (String form : List.of("reply-to-challenge", "decide-complaint")) {
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Files.readString(
          java.nio.file.Path.of("forms", form + ".form"))).findParents("key").stream()
          .filter(field -> field.path("key").asText().equals(AwardVariables.AMENDMENT_TEXT))
          .map(field -> field.path("validate").path("maxLength").asInt())).as(form)
          .containsExactly(AwardVariables.MAX_AMENDMENT);
    }
  }

  @Test
  void anUpheldChallengeThatEndsTheTenderReturnsTheBidsUnopenedAndStartsTheTenderAnew() {
    ProcessInstance purchase = purchaseInTender();
    ProcessInstance stage = tenderStage(purchase);
    tenders.prepareDocuments(stage, documents());
    String project = purchase.getBusinessKey();
    BidContent plain = bid("1800000", "分片包干，每周巡访。");
    bidBox.submit(project, ANLE, new BidContent(plain.price(), plain.servicePlan(), plain.team(),
        plain.qualifications(), null, "BANK_GUARANTEE", "BH-T1"));

    at(ZonedDateTime.of(2026, 12, 10, 10, 0, 0, 0, ProcurementTime.ZONE));
    ProcessInstance challenge = challenge(challenges.file(project, XINYU, "DOCUMENTS", "采购需求指向特定供应商。"));
    reply(challenge, AwardVariables.REMEDY_RE_TENDER, null);
    runJobs(challenge);

    assertThat(purchase).hasPassed("BoundaryEvent_OverturnedInTender").isWaitingAt("Task_TenderStage");
    ProcessInstance again = tenderStage(purchase);
    assertThat(again.getId()).isNotEqualTo(stage.getId());
    assertThat(again).isWaitingAt("Task_DecideAfterFailedTender");
    assertThat(bidBox.currentCall(project)).isEmpty();
    assertThat(bidBox.receiptOf(project, ANLE)).isEmpty();
    assertThat(notices(project, NoticeType.FAILED_TENDER)).singleElement()
        .satisfies(n -> assertThat(n.content()).contains("质疑成立（采购单位质疑答复）", "采购需求指向特定供应商已核实"));
    // terminated on Thursday 10 December: the bond goes back by Thursday 17 December (87号令第三十八条)
    ProcessInstance refund = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(BondRefunds.PROCESS_KEY).processInstanceBusinessKey(project).singleResult();
    TasklistDriver tasklist = new TasklistDriver(engine, people);
    tasklist.runJobs(refund);
    assertThat(tasklist.task(refund, "Task_RefundBidBonds").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2026, 12, 17)));
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(refund.getId(), BondVariables.BOND_REFUNDS)))
        .extracting(row -> row.get("lodged")).containsExactly("银行保函（编号BH-T1）");
  }

  // --- helpers --------------------------------------------------------------------------------------------

  /** The purchase's main process at its tender round, with the approved plan's facts. */
  private ProcessInstance purchaseInTender() {
    String project = newProjectNumber();
    ProcurementIntentions.publishedBefore(engine, project, ISSUED);
    return engine.getRuntimeService().createProcessInstanceByKey("PublicServicePurchase").businessKey(project)
        .setVariables(in(project, "OPEN_TENDER")).startBeforeActivity("Gateway_TenderRound").execute();
  }

  private ProcessInstance tenderStage(ProcessInstance purchase) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TenderVariables.STAGE_PROCESS_KEY)
        .processInstanceBusinessKey(purchase.getBusinessKey()).singleResult();
  }

  private ProcessInstance challenge(String challengeId) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(AwardVariables.CHALLENGE_PROCESS_KEY)
        .variableValueEquals(AwardVariables.CHALLENGE_ID, challengeId).singleResult();
  }

  private void reply(ProcessInstance challenge, String remedy, String amendment) {
    var form = Variables.createVariables().putValue(AwardVariables.CHALLENGE_DECISION, AwardVariables.UPHELD)
        .putValue(AwardVariables.CHALLENGE_REMEDY, remedy)
        .putValue(AwardVariables.CHALLENGE_REPLY, "经复核，质疑事项成立，采购需求指向特定供应商已核实。");
    if (amendment != null) {
      form.putValue(AwardVariables.AMENDMENT_TEXT, amendment);
    }
    tenders.submit(PURCHASER, engine.getTaskService().createTaskQuery().processInstanceId(challenge.getId())
        .taskDefinitionKey("Task_ReplyToChallenge").singleResult(), form);
  }

  private void runJobs(ProcessInstance instance) {
    engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private List<Object> remedyOptions(ProcessInstance challenge) {
    var task = engine.getTaskService().createTaskQuery().processInstanceId(challenge.getId()).singleResult();
    return org.publicservice.procurement.purchase.JsonValues.rows(engine.getTaskService().getVariableLocal(task.getId(),
        AwardVariables.REMEDY_OPTIONS)).stream().map(row -> row.get("value")).toList();
  }

  private List<DisclosureNotice> notices(String project, NoticeType type) {
    return register.findByProject(project).stream().filter(n -> n.type() == type).toList();
  }
}
