package org.publicservice.procurement.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.TestSmtp;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident comments on a published procurement intention from its portal page, and the purchasing department
 * reads (and may answer) it in Tasklist; every refusal answers in Chinese and stores nothing.
 */
@ProcurementSpringTest
class IntentionCommentTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DisclosureRegister register;
  @Autowired IntentionCommentDesk desk;
  @Autowired JdbcClient jdbc;

  TestIdentities officials;
  String serviceName;
  String projectNumber;
  PortalClient resident;

  @BeforeEach
  void publishAnIntention() {
    BpmnAwareTests.init(engine);
    officials = new TestIdentities(engine.getIdentityService()).ensureOfficials();
    serviceName = "港闸区居家养老上门服务" + UUID.randomUUID().toString().substring(0, 6);
    projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request(serviceName, 860_000));
    resident = new PortalClient(port);
  }

  @AfterEach
  void reset() {
    officials.actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void anAcceptedCommentBecomesATaskOfTheProjectsDepartmentAndItsAnswerIsMailedToTheResident() throws Exception {
    HttpResponse<String> page = resident.openProject(projectNumber);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("公众意见", "已有 <strong>0</strong> 条公众意见送达采购单位", "提交意见");

    HttpResponse<String> sent = resident.comment(projectNumber, "陈小梅",
        "建议把每周上门次数从两次增加到三次，并公布服务人员的资质。", "chen.xiaomei@example.com");
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/projects/" + projectNumber + "?comment=sent#comment");
    String after = resident.get("/portal/projects/" + projectNumber + "?comment=sent").body();
    assertThat(after).contains("您的意见已送达采购单位", "已有 <strong>1</strong> 条公众意见送达采购单位")
        .doesNotContain("陈小梅", "上门次数", "chen.xiaomei");

    ProcessInstance comment = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CommentVariables.PROCESS_KEY).processInstanceBusinessKey(projectNumber).singleResult();
    assertThat(comment).isWaitingAt("Task_ReadComment");
    assertThat(engine.getRuntimeService().getVariables(comment.getId())).doesNotContainValue("chen.xiaomei@example.com");

    // the health commission does not see the civil affairs bureau's comment; the bureau does
    officials.actAs(TestIdentities.HEALTH_PURCHASER);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(comment.getId()).count()).isZero();
    officials.actAs(TestIdentities.PURCHASER);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(comment.getId())
        .taskCandidateGroup(Groups.DEPT_CIVIL_AFFAIRS).singleResult();
    assertThat(task.getName()).isEqualTo("阅处公众意见");
    Map<String, Object> shown = engine.getFormService().getTaskFormVariables(task.getId());
    assertThat(shown).containsEntry("commenterName", "陈小梅")
        .containsEntry("commentText", "建议把每周上门次数从两次增加到三次，并公布服务人员的资质。")
        .containsEntry("replyRequested", true).containsEntry("projectNumber", projectNumber)
        .containsEntry("serviceName", serviceName);

    engine.getTaskService().claim(task.getId(), TestIdentities.PURCHASER);
    engine.getFormService().submitTaskForm(task.getId(),
        Variables.createVariables().putValue("commentReply", "感谢建议，已在采购需求中调整为每周三次。"));
    officials.actAsNobody();
    assertThat(comment).isEnded().hasPassed("Task_MailReply");

    long id = (Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(comment.getId()).variableName("commentId").singleResult().getValue();
    var stored = new IntentionComments(jdbc).find(id).orElseThrow();
    assertThat(stored.replyText()).isEqualTo("感谢建议，已在采购需求中调整为每周三次。");
    assertThat(stored.handledBy()).isEqualTo(TestIdentities.PURCHASER);
    assertThat(stored.replyAddress()).as("the address is erased once the answer is queued").isNull();

    new MailDeliveries(engine).deliver(projectNumber);
    var mails = MailDeliveries.mailsTo(greenMail, "chen.xiaomei@example.com");
    assertThat(mails).hasSize(1);
    assertThat(MailDeliveries.subject(mails.get(0))).contains("意见答复", projectNumber, serviceName);
    String body = mails.get(0).getContent().toString();
    assertThat(body).contains("陈小梅", "感谢建议，已在采购需求中调整为每周三次。", projectNumber,
        "/portal/projects/" + projectNumber);
  }

  @Test
  void anAnonymousCommentWithoutAddressIsReadWithoutAnswerAndMailsNobody() {
    resident.openProject(projectNumber);
    assertThat(resident.comment(projectNumber, "", "同意。", "").statusCode()).isEqualTo(302);
    ProcessInstance comment = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CommentVariables.PROCESS_KEY).processInstanceBusinessKey(projectNumber).singleResult();
    officials.actAs(TestIdentities.PURCHASER);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(comment.getId()).singleResult();
    assertThat(engine.getTaskService().getVariable(task.getId(), "commenterName")).isEqualTo("未署名");
    engine.getTaskService().claim(task.getId(), TestIdentities.PURCHASER);
    engine.getFormService().submitTaskForm(task.getId(), Variables.createVariables());
    officials.actAsNobody();
    assertThat(comment).isEnded().hasPassed("EndEvent_CommentRead").hasNotPassed("Task_MailReply");
  }

  @Test
  void anOverlongAnswerIsRefusedAndTheTaskStays() {
    resident.openProject(projectNumber);
    resident.comment(projectNumber, "", "请说明预算测算依据。", "");
    officials.actAs(TestIdentities.PURCHASER);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(projectNumber)
        .taskDefinitionKey("Task_ReadComment").singleResult();
    engine.getTaskService().claim(task.getId(), TestIdentities.PURCHASER);
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
        Variables.createVariables().putValue("commentReply", "答".repeat(2001))))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("答复意见不能超过2000个字");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void aTooLongCommentIsRefusedWithItsTextShownEscapedAndNothingStored() {
    resident.openProject(projectNumber);
    String text = "<script>alert('x')</script>" + "长".repeat(1000);
    HttpResponse<String> refused = resident.comment(projectNumber, "<b>王</b>", text, "");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("意见内容不能超过1000个字，现有1027个字。")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "value=\"&lt;b&gt;王&lt;/b&gt;\"")
        .doesNotContain("<script>", "<b>王");
    assertNothingStored();
  }

  @Test
  void aScriptBearingCommentIsStoredAsTextAndNeverShownAsMarkup() {
    resident.openProject(projectNumber);
    String text = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>预算偏高";
    assertThat(resident.comment(projectNumber, "<i>李</i>", text, "").statusCode()).isEqualTo(302);
    Long id = jdbc.sql("SELECT id FROM intention_comment WHERE project_number = :p").param("p", projectNumber)
        .query(Long.class).single();
    var stored = new IntentionComments(jdbc).find(id).orElseThrow();
    assertThat(stored.text()).isEqualTo(text);
    assertThat(stored.commenterName()).isEqualTo("<i>李</i>");
    String task = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(projectNumber).processDefinitionKey(CommentVariables.PROCESS_KEY)
        .singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(task, "commentText")).isEqualTo(text);
    assertThat(resident.get("/portal/projects/" + projectNumber).body())
        .doesNotContain("<script>alert(document.cookie)", "<img src=x", "预算偏高", "<i>李</i>");
  }

  @Test
  void blankTextBadAddressAndControlCharactersAreRefused() {
    resident.openProject(projectNumber);
    assertThat(resident.comment(projectNumber, "", "   ", "").body()).contains("请填写意见内容。");
    HttpResponse<String> badAddress = resident.comment(projectNumber, "", "建议延长服务时间。", "not-an-address");
    assertThat(badAddress.statusCode()).isEqualTo(400);
    assertThat(badAddress.body()).contains("电子邮箱格式不正确");
    assertThat(resident.comment(projectNumber, "", "建议\u0000延长", "").statusCode()).isEqualTo(400);
    assertNothingStored();
  }

  @Test
  void anUnknownProjectAnswers404() {
    resident.openProject(projectNumber);
    HttpResponse<String> unknown = resident.comment("NT-1999-9999", "", "建议增加服务点。", "");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("页面不存在", "NT-1999-9999");
    assertThat(resident.comment("%3Cscript%3E", "", "建议增加服务点。", "").statusCode()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intention_comment WHERE project_number = 'NT-1999-9999'")
        .query(Long.class).single()).isZero();
  }

  @Test
  void afterTheTenderNoticeTheIntentionTakesNoMoreComments() {
    resident.openProject(projectNumber);
    register.publish(projectNumber, NoticeType.TENDER_NOTICE, serviceName + "竞争性磋商公告", "磋商文件……",
        "南通市民政局", null);
    HttpResponse<String> closed = resident.comment(projectNumber, "", "建议增加服务点。", "");
    assertThat(closed.statusCode()).isEqualTo(409);
    assertThat(closed.body()).contains("本项目已发布招标公告，采购意向征求意见已结束。").doesNotContain("name=\"token\"");
    assertThat(resident.openProject(projectNumber).body()).contains("采购意向征求意见已结束")
        .doesNotContain("提交意见</button>");
    assertNothingStored();
  }

  @Test
  void aPostWithoutAFreshTokenOfThisProjectsPageOrWithTheHoneypotFilledIsRefused() {
    HttpResponse<String> noToken = resident.comment(projectNumber, "", "建议增加服务点。", "");
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("请刷新页面后重新提交意见");
    resident.openProject(projectNumber);
    assertThat(resident.post("/portal/projects/" + projectNumber + "/comments",
        Map.of("token", "1700000000." + "0".repeat(64), "text", "建议增加服务点。")).statusCode()).isEqualTo(403);
    assertThat(resident.post("/portal/projects/" + projectNumber + "/comments",
        Map.of("token", resident.token(), "text", "建议增加服务点。", "website", "http://spam.example"))
        .statusCode()).isEqualTo(400);
    // another project's form does not fit this project
    String other = new ApprovedPlans(engine).approve(ApprovedPlans.request(serviceName + "二期", 300_000));
    new PortalClient(port).openProject(other);
    PortalClient elsewhere = new PortalClient(port);
    elsewhere.openProject(other);
    assertThat(elsewhere.post("/portal/projects/" + projectNumber + "/comments",
        Map.of("token", elsewhere.token(), "text", "建议增加服务点。")).statusCode()).isEqualTo(403);
    // a form left open for more than six hours has expired
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 7 * 3600 * 1000L));
    assertThat(resident.comment(projectNumber, "", "建议增加服务点。", "").statusCode()).isEqualTo(403);
    assertNothingStored();
  }

  @Test
  void readingTheProjectPageOpensNoSessionSendingACommentDoes() {
    HttpResponse<String> page = resident.openProject(projectNumber);
    assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    HttpResponse<String> sent = resident.comment(projectNumber, "", "建议每月公开服务记录。", "");
    assertThat(sent.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("JSESSIONID=");
  }

  @Test
  void theSameTextTwiceAndAFourthCommentWithinTenMinutesAreRefused() {
    resident.openProject(projectNumber);
    assertThat(resident.comment(projectNumber, "", "第一条：建议增加周末服务。", "").statusCode()).isEqualTo(302);
    HttpResponse<String> repeated = resident.comment(projectNumber, "", "第一条：建议增加周末服务。", "");
    assertThat(repeated.statusCode()).isEqualTo(429);
    assertThat(repeated.body()).contains("您已就本项目提交过相同的意见");
    assertThat(resident.comment(projectNumber, "", "第二条：建议公开服务人员名单。", "").statusCode()).isEqualTo(302);
    assertThat(resident.comment(projectNumber, "", "第三条：建议设立投诉电话。", "").statusCode()).isEqualTo(302);
    HttpResponse<String> fourth = resident.comment(projectNumber, "", "第四条：建议延长服务时间。", "");
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.body()).contains("提交过于频繁，请十分钟后再试。");
    assertThat(countStored()).isEqualTo(3);

    // ten minutes later the same session may comment again
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 11 * 60 * 1000L));
    assertThat(resident.comment(projectNumber, "", "第四条：建议延长服务时间。", "").statusCode()).isEqualTo(302);
    assertThat(countStored()).isEqualTo(4);
  }

  @Test
  void oneNetworkAddressSendsAtMostTwentyCommentsAnHour() {
    String client = "test-client-" + UUID.randomUUID();
    for (int i = 1; i <= 20; i++) {
      desk.receive(projectNumber, null, "第" + i + "条意见", null, client);
    }
    assertThatThrownBy(() -> desk.receive(projectNumber, null, "第21条意见", null, client))
        .isInstanceOf(CommentRefusedException.class).hasMessage("提交过于频繁，请一小时后再试。");
    assertThat(countStored()).isEqualTo(20);
    // another sender is not affected
    desk.receive(projectNumber, null, "第21条意见", null, "test-other-" + UUID.randomUUID());
    assertThat(countStored()).isEqualTo(21);
  }

  private long countStored() {
    return jdbc.sql("SELECT COUNT(*) FROM intention_comment WHERE project_number = :p").param("p", projectNumber)
        .query(Long.class).single();
  }

  private void assertNothingStored() {
    assertThat(countStored()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CommentVariables.PROCESS_KEY).processInstanceBusinessKey(projectNumber).count())
        .isZero();
  }
}
