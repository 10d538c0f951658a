package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.tender.SingleSourceVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The single-source path of a purchase, driven as the department, the finance bureau and social organisations
 * would drive it in Tasklist: notice, 5 working days of publicity with objections, approval, negotiation, result.
 */
@ProcurementSpringTest
class SingleSourceProcessTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  /**
   * Social organisations of the demo accounts (the demo profile is active in every Spring test); their number is
   * asserted elsewhere, so the tests add none of their own.
   */
  static final String ORGANISATION = "org-anle";
  static final String OTHER_ORGANISATION = "org-xinyu";

  /** A Thursday: the 5 working days of the notice run over a weekend. */
  static final ZonedDateTime THURSDAY_MORNING = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ProcurementTime.ZONE);
  /** End of the 5th working day after that Thursday: Fri 4, Mon 7, Tue 8, Wed 9, Thu 10 December. */
  static final ZonedDateTime PERIOD_END = ZonedDateTime.of(2026, 12, 10, 23, 59, 59, 0, ProcurementTime.ZONE);

  @Autowired ProcessEngine engine;
  MailDeliveries mails;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired DisclosureRegister register;
  @Autowired WorkingDayCalendar workingDays;

  TestIdentities people;
  TasklistDriver tasklist;

  @BeforeEach
  void setUp() {
    mails = new MailDeliveries(engine);
    BpmnAwareTests.init(engine);
    people = new TestIdentities(identityService).ensureOfficials();
    tasklist = new TasklistDriver(engine, people);
    ClockUtil.setCurrentTime(Date.from(THURSDAY_MORNING.toInstant()));
  }

  @AfterEach
  void tearDown() {
    people.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void withoutObjectionsTheSingleSourceIsApprovedNegotiatedPublishedAndTheSupplierMailed() throws Exception {
    ProcessInstance purchase = approvedSingleSource();
    assertThat(purchase).isWaitingAt("Task_SingleSourceProcurement");
    ProcessInstance stage = stage(purchase);
    assertThat(stage.getBusinessKey()).isEqualTo(purchase.getBusinessKey());
    assertThat(stage).isWaitingAt("Task_PrepareNotice");
    Task prepare = tasklist.task(stage, "Task_PrepareNotice");
    assertThat(identityLinks(prepare)).contains(Groups.DEPT_CIVIL_AFFAIRS);
    assertThat(inFilter(PURCHASER, "招标与合同")).contains(prepare.getId());
    assertThat(JsonValues.rows(runtimeService.getVariable(stage.getId(), SUPPLIER_OPTIONS)))
        .contains(Map.of("label", "南通安乐居家养老服务社", "value", ORGANISATION));
    assertThat(runtimeService.getVariable(stage.getId(), SINGLE_SOURCE_JUSTIFICATION))
        .isEqualTo("本市唯一具备盲文教学资质的社会组织。");

    prepareNotice(stage, 280_000);

    DisclosureNotice notice = notices(purchase, NoticeType.SINGLE_SOURCE_NOTICE).get(0);
    assertThat(notice.content()).contains("拟定唯一供应商：南通安乐居家养老服务社", "拟定成交价格：280,000.00元",
        "采用单一来源采购的理由：本市唯一具备盲文教学资质的社会组织。", "至2026年12月10日 23:59止");
    Job timer = noticePeriodTimer(stage);
    assertThat(timer.getDuedate()).isEqualTo(workingDays.after(notice.publishedAt().toLocalDate(), 5))
        .isEqualTo(Date.from(PERIOD_END.toInstant()));

    endNoticePeriod(stage);
    assertThat(stage).isWaitingAt("Task_ApproveSingleSource");
    assertThat(identityLinks(tasklist.task(stage, "Task_ApproveSingleSource"))).contains(Groups.FINANCE);
    assertThat(inFilter(FINANCE_OFFICIAL, "招标与合同")).contains(tasklist.task(stage, "Task_ApproveSingleSource").getId());
    approve(stage, APPROVE, "同意采用单一来源采购。");

    assertThat(stage).isWaitingAt("Task_RecordNegotiation");
    recordNegotiation(stage, 275_000);

    assertThat(stage).isEnded().hasPassed("Task_PublishResult", "Task_NotifySupplier", "EndEvent_SingleSourceConcluded");
    // the single supplier is awarded like a tender's winner and offered the contract
    assertThat(purchase).hasPassed("Task_AdoptSingleSourceAward").hasNotPassed("Task_TenderStage")
        .isWaitingAt("Task_ContractStage").variables()
        .containsEntry("winner", ORGANISATION).containsEntry("awardedPrice", 275_000L);
    assertThat(purchase).calledProcessInstance("ContractStage").hasBusinessKey(purchase.getBusinessKey());
    assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(purchase.getId())
        .variableName(AGREED_PRICE).singleResult().getValue()).isEqualTo(275_000L);
    assertThat(notices(purchase, NoticeType.AWARD_NOTICE)).singleElement().satisfies(award -> {
      assertThat(award.title()).isEqualTo("南通市民政局关于崇川区居家养老上门服务的成交结果公告");
      assertThat(award.content()).contains("成交供应商：南通安乐居家养老服务社", "成交金额：275,000.00元");
    });
    assertThat(notices(purchase, NoticeType.CLARIFICATION)).isEmpty();

    mails.deliver(purchase.getBusinessKey());
    List<MimeMessage> toSupplier = MailDeliveries.mailsTo(greenMail, ORGANISATION + "@demo.local");
    assertThat(toSupplier).extracting(MimeMessage::getSubject)
        .contains("【成交通知】" + purchase.getBusinessKey() + " 崇川区居家养老上门服务 单一来源采购");
    assertThat(toSupplier.stream().filter(m -> MailDeliveries.subject(m).startsWith("【成交通知】")).findFirst().orElseThrow()
        .getContent().toString()).contains("南通安乐居家养老服务社，您好", "成交金额：275,000.00元");
  }

  @Test
  void anObjectionAnsweredAsUnfoundedIsPublishedMailedAndTheSingleSourceGoesOn() throws Exception {
    ProcessInstance purchase = approvedSingleSource();
    ProcessInstance stage = stage(purchase);
    prepareNotice(stage, 280_000);

    ClockUtil.setCurrentTime(Date.from(THURSDAY_MORNING.plusDays(4).toInstant()));
    object(OTHER_ORGANISATION, purchase.getBusinessKey().toLowerCase(), "本社同样具备盲文教学资质，可参与竞争。");
    Task answer = tasklist.task(stage, "Task_AnswerObjection");
    assertThat(identityLinks(answer)).contains(Groups.DEPT_CIVIL_AFFAIRS);
    assertThat(answer.getDueDate()).isEqualTo(workingDays.after(ClockUtil.getCurrentTime(), 5));
    assertThat(taskService.getVariables(answer.getId())).containsEntry(OBJECTOR_NAME, "南通心语社会工作服务社")
        .containsEntry(OBJECTION_GROUNDS, "本社同样具备盲文教学资质，可参与竞争。");

    answerObjection(stage, OBJECTION_REJECTED, "经核实，贵社尚未取得盲文教学资质证书，异议不成立。");

    assertThat(notices(purchase, NoticeType.CLARIFICATION)).singleElement().satisfies(published ->
        assertThat(published.content()).contains("异议人：南通心语社会工作服务社", "异议不成立，继续单一来源采购",
            "答复意见：经核实，贵社尚未取得盲文教学资质证书，异议不成立。"));
    mails.deliver(purchase.getBusinessKey());
    assertThat(MailDeliveries.mailsTo(greenMail, OTHER_ORGANISATION + "@demo.local")).singleElement().satisfies(mail -> {
      assertThat(mail.getSubject()).isEqualTo("【异议答复】" + purchase.getBusinessKey() + " 崇川区居家养老上门服务 单一来源采购");
      assertThat(mail.getContent().toString()).contains("处理结论：异议不成立，继续单一来源采购");
    });

    endNoticePeriod(stage);
    approve(stage, APPROVE, null);
    recordNegotiation(stage, 280_000);
    assertThat(purchase).hasPassed("Task_AdoptSingleSourceAward").isWaitingAt("Task_ContractStage");
    assertThat(notices(purchase, NoticeType.AWARD_NOTICE)).hasSize(1);
  }

  @Test
  void twoObjectionsAreAnsweredEachOnItsOwn() {
    ProcessInstance purchase = approvedSingleSource();
    ProcessInstance stage = stage(purchase);
    prepareNotice(stage, 280_000);
    object(ORGANISATION, purchase.getBusinessKey(), "第一件异议：价格偏高。");
    object(OTHER_ORGANISATION, purchase.getBusinessKey(), "第二件异议：资质不足。");

    List<Task> answers = taskService.createTaskQuery().processInstanceId(stage.getId())
        .taskDefinitionKey("Task_AnswerObjection").list();
    assertThat(answers).extracting(t -> taskService.getVariable(t.getId(), OBJECTION_GROUNDS))
        .containsExactlyInAnyOrder("第一件异议：价格偏高。", "第二件异议：资质不足。");
    // each objection keeps its data in its own scope, not in the stage's
    assertThat(runtimeService.getVariable(stage.getId(), OBJECTION_GROUNDS)).isNull();

    Task second = answers.stream().filter(t -> taskService.getVariable(t.getId(), OBJECTOR).equals(OTHER_ORGANISATION))
        .findFirst().orElseThrow();
    people.actAs(PURCHASER);
    try {
      taskService.claim(second.getId(), PURCHASER);
      engine.getFormService().submitTaskForm(second.getId(), Variables.createVariables()
          .putValue(OBJECTION_DECISION, OBJECTION_REJECTED).putValue(OBJECTION_ANSWER, "资质证书在有效期内。"));
    } finally {
      people.actAsNobody();
    }
    Task first = tasklist.task(stage, "Task_AnswerObjection");
    assertThat(taskService.getVariable(first.getId(), OBJECTOR)).isEqualTo(ORGANISATION);
    assertThat(taskService.getVariable(first.getId(), OBJECTION_DECISION)).isNull();
    assertThat(notices(purchase, NoticeType.CLARIFICATION)).singleElement()
        .satisfies(n -> assertThat(n.content()).contains("异议人：南通心语社会工作服务社", "第二件异议：资质不足。"));
  }

  @Test
  void onlySocialOrganisationsObjectAndTheyDoNotSeeTheDepartmentsTasks() {
    ProcessInstance purchase = approvedSingleSource();
    ProcessInstance stage = stage(purchase);
    prepareNotice(stage, 280_000);
    assertThatThrownBy(() -> object(FINANCE_OFFICIAL, purchase.getBusinessKey(), "财政部门不应通过此途径提出异议。"))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

    object(ORGANISATION, purchase.getBusinessKey(), "对资质有疑问。");
    people.actAs(ORGANISATION);
    try {
      assertThat(taskService.createTaskQuery().processInstanceId(stage.getId()).count()).isZero();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(stage.getId()).count()).isZero();
    } finally {
      people.actAsNobody();
    }
    people.actAs(FINANCE_OFFICIAL);
    try {
      assertThat(taskService.createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey("Task_AnswerObjection")
          .count()).isZero();
    } finally {
      people.actAsNobody();
    }
  }

  @Test
  void anUpheldObjectionStopsTheSingleSourceWithoutAward() {
    ProcessInstance purchase = approvedSingleSource();
    ProcessInstance stage = stage(purchase);
    prepareNotice(stage, 280_000);
    object(OTHER_ORGANISATION, purchase.getBusinessKey(), "公示的资质证书已过期。");

    answerObjection(stage, OBJECTION_UPHELD, "经核实，拟定供应商资质证书已过期，异议成立。");

    assertThat(stage).isEnded().hasPassed("EndEvent_ObjectionUpheld", "EndEvent_SingleSourceStopped")
        .hasNotPassed("Task_ApproveSingleSource");
    assertThat(purchase).isEnded().hasPassed("EndEvent_SingleSourceStopped")
        .hasNotPassed("Task_AdoptSingleSourceAward");
    assertThat(managementService.createJobQuery().processInstanceId(stage.getId()).count()).isZero();
    assertThat(notices(purchase, NoticeType.CLARIFICATION)).singleElement()
        .satisfies(n -> assertThat(n.content()).contains("异议成立，本项目停止单一来源采购"));
    assertThat(notices(purchase, NoticeType.AWARD_NOTICE)).isEmpty();
  }

  @Test
  void financeCannotApproveWhileAnObjectionIsUnanswered() {
    ProcessInstance purchase = approvedSingleSource();
    ProcessInstance stage = stage(purchase);
    prepareNotice(stage, 280_000);
    ClockUtil.setCurrentTime(Date.from(PERIOD_END.minusMinutes(5).toInstant()));
    object(ORGANISATION, purchase.getBusinessKey(), "对拟定价格的测算依据有异议。");
    endNoticePeriod(stage);

    assertThatThrownBy(() -> approve(stage, APPROVE, null)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("本项目尚有1件异议未答复");
    assertThat(stage).isWaitingAt("Task_ApproveSingleSource", "Task_AnswerObjection");
    assertThat(runtimeService.getVariable(stage.getId(), APPROVAL_DECISION)).isNull();

    answerObjection(stage, OBJECTION_REJECTED, "价格依据已在公示中列明。");
    approve(stage, APPROVE, null);
    assertThat(stage).isWaitingAt("Task_RecordNegotiation");
  }

  @Test
  void anObjectionAfterTheNoticePeriodIsRefusedAndNothingIsSaved() {
    ProcessInstance purchase = approvedSingleSource();
    ProcessInstance stage = stage(purchase);
    prepareNotice(stage, 280_000);
    ClockUtil.setCurrentTime(Date.from(PERIOD_END.plusSeconds(2).toInstant()));

    assertThatThrownBy(() -> object(ORGANISATION, purchase.getBusinessKey(), "迟到的异议。"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("公示期已于2026年12月10日 23:59结束，不再受理异议");
    assertThat(taskService.createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey("Task_AnswerObjection")
        .count()).isZero();
    assertThat(BpmnAwareTests.historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OBJECTION_PROCESS_KEY).processInstanceBusinessKey(purchase.getBusinessKey()).count()).isZero();
  }

  @Test
  void anObjectionOnAnUnknownProjectOrWithoutGroundsIsRefused() {
    assertThatThrownBy(() -> object(ORGANISATION, "NT-2026-9999", "理由。"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("项目NT-2026-9999不在单一来源采购公示中");
    ProcessInstance purchase = approvedSingleSource();
    assertThatThrownBy(() -> object(ORGANISATION, purchase.getBusinessKey(), "理由。"))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("公示尚未发布");
    prepareNotice(stage(purchase), 280_000);
    assertThatThrownBy(() -> object(ORGANISATION, purchase.getBusinessKey(), "  "))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请填写异议事项及理由");
  }

  @Test
  void aPriceAboveTheBudgetOrASupplierThatIsNoSocialOrganisationIsRefused() {
    ProcessInstance purchase = approvedSingleSource();
    ProcessInstance stage = stage(purchase);
    assertThatThrownBy(() -> prepareNotice(stage, 300_001)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("拟定成交价格不得超过采购预算（300,000.00元）");
    assertThatThrownBy(() -> tasklist.completeAs(PURCHASER, stage, "Task_PrepareNotice", notice(280_000)
        .putValue(SUPPLIER, FINANCE_OFFICIAL))).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("所选供应商不是在平台注册并确认的供应商");
    assertThat(stage).isWaitingAt("Task_PrepareNotice");

    prepareNotice(stage, 280_000);
    endNoticePeriod(stage);
    approve(stage, APPROVE, null);
    assertThatThrownBy(() -> recordNegotiation(stage, 300_500)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("协商确定的成交价格不得超过采购预算");
    assertThatThrownBy(() -> recordNegotiation(stage, 0)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("协商确定的成交价格必须大于0元");
    assertThat(stage).isWaitingAt("Task_RecordNegotiation");
    assertThat(notices(purchase, NoticeType.AWARD_NOTICE)).isEmpty();
  }

  @Test
  void financeMayRefuseTheSingleSourceWithAReason() {
    ProcessInstance purchase = approvedSingleSource();
    ProcessInstance stage = stage(purchase);
    prepareNotice(stage, 280_000);
    endNoticePeriod(stage);
    assertThatThrownBy(() -> approve(stage, REJECT, null)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("不予批准时请填写理由");
    approve(stage, REJECT, "理由不符合政府采购法第三十一条。");
    assertThat(purchase).isEnded().hasPassed("EndEvent_SingleSourceStopped");
  }

  // --- driving the purchase as its users -------------------------------------------------------------------

  private ProcessInstance approvedSingleSource() {
    VariableMap request = PurchaseRequests.elderlyCare(300_000)
        .putValue(SINGLE_SOURCE_GROUND, "UNIQUE_SUPPLIER")
        .putValue(SINGLE_SOURCE_JUSTIFICATION, "本市唯一具备盲文教学资质的社会组织。");
    people.actAs(PURCHASER);
    ProcessInstance purchase;
    try {
      purchase = engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId(), request);
    } finally {
      people.actAsNobody();
    }
    tasklist.completeAs(FINANCE_OFFICIAL, purchase, "Task_ReviewRequest",
        Variables.createVariables().putValue(REVIEW_DECISION, DECISION_APPROVE));
    return purchase;
  }

  private ProcessInstance stage(ProcessInstance purchase) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(purchase.getId()).singleResult();
  }

  private static VariableMap notice(long price) {
    return Variables.createVariables()
        .putValue(SUPPLIER, ORGANISATION)
        .putValue(SUPPLIER_QUALIFICATIONS, "民政部门登记的社会服务机构，持有盲文教学资质证书，近三年同类服务3项。")
        .putValue(SINGLE_SOURCE_JUSTIFICATION, "本市唯一具备盲文教学资质的社会组织。")
        .putValue(PROPOSED_PRICE, price);
  }

  private void prepareNotice(ProcessInstance stage, long price) {
    tasklist.completeAs(PURCHASER, stage, "Task_PrepareNotice", notice(price));
  }

  private void approve(ProcessInstance stage, String decision, String comment) {
    VariableMap form = Variables.createVariables().putValue(APPROVAL_DECISION, decision);
    if (comment != null) {
      form.putValue(APPROVAL_COMMENT, comment);
    }
    tasklist.completeAs(FINANCE_OFFICIAL, stage, "Task_ApproveSingleSource", form);
  }

  private void recordNegotiation(ProcessInstance stage, long price) {
    tasklist.completeAs(PURCHASER, stage, "Task_RecordNegotiation", Variables.createVariables()
        .putValue(AGREED_PRICE, price)
        .putValue(NEGOTIATION_RECORD, "2026年12月11日与供应商协商，确定服务内容不变，价格按人工成本核定。"));
  }

  private void answerObjection(ProcessInstance stage, String decision, String answer) {
    tasklist.completeAs(PURCHASER, stage, "Task_AnswerObjection", Variables.createVariables()
        .putValue(OBJECTION_DECISION, decision).putValue(OBJECTION_ANSWER, answer));
  }

  private void object(String organisation, String projectNumber, String grounds) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(OBJECTION_PROCESS_KEY).latestVersion().singleResult().getId();
    people.actAs(organisation);
    try {
      engine.getFormService().submitStartForm(definitionId,
          Variables.createVariables().putValue(OBJECTION_PROJECT_NUMBER, projectNumber)
              .putValue(OBJECTION_GROUNDS, grounds));
    } finally {
      people.actAsNobody();
    }
  }

  private List<String> identityLinks(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId()).toList();
  }

  /** The ids of the tasks the user's Tasklist filter of that name lists. */
  private List<String> inFilter(String user, String filterName) {
    var filters = engine.getFilterService();
    String filterId = filters.createTaskFilterQuery().filterName(filterName).singleResult().getId();
    people.actAs(user);
    try {
      return filters.<Task>list(filterId).stream().map(Task::getId).toList();
    } finally {
      people.actAsNobody();
    }
  }

  private Job noticePeriodTimer(ProcessInstance stage) {
    return managementService.createJobQuery().processInstanceId(stage.getId()).activityId("Timer_NoticePeriodEnds")
        .timers().singleResult();
  }

  private void endNoticePeriod(ProcessInstance stage) {
    Job timer = noticePeriodTimer(stage);
    if (ClockUtil.getCurrentTime().before(timer.getDuedate())) {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    }
    assertThat(managementService.createJobQuery().processInstanceId(stage.getId()).executable().count()).isEqualTo(1);
    managementService.executeJob(timer.getId());
  }

  private List<DisclosureNotice> notices(ProcessInstance purchase, NoticeType type) {
    return register.findByProject(purchase.getBusinessKey()).stream().filter(n -> n.type() == type).toList();
  }




}
