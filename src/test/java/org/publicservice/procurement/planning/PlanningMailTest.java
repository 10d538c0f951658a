package org.publicservice.procurement.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.publicservice.procurement.TestIdentities.FINANCE_OFFICIAL;
import static org.publicservice.procurement.TestIdentities.PURCHASER;
import static org.publicservice.procurement.planning.PlanningVariables.PROCESS_KEY;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.notification.MailVariables;
import org.springframework.beans.factory.annotation.Autowired;

/** The planning stage's first mail: a filed request reaches the finance bureau's officials by mail. */
@ProcurementSpringTest
class PlanningMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.onEngineClock().withOfficials();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void aFiledRequestIsMailedToTheFinanceOfficialsWithProjectNumberServiceAndLink() throws Exception {
    ProcessInstance purchase = file();
    assertThat(purchase).isWaitingAt("Task_ReviewRequest");
    String projectNumber = purchase.getBusinessKey();
    assertThat(greenMail.getReceivedMessages()).as("nothing leaves before it is delivered").isEmpty();
    assertThat(session.mails().deliver(projectNumber)).isPositive();

    List<MimeMessage> toFinance = MailDeliveries.mailsTo(greenMail, FINANCE_OFFICIAL + "@test.local");
    assertThat(toFinance).hasSize(1);
    MimeMessage mail = toFinance.get(0);
    assertThat(mail.getSubject()).isEqualTo("【新待办】" + projectNumber + " 崇川区居家养老上门服务：审核采购申请");
    assertThat(mail.getContent().toString()).contains("，您好", "财政局", "项目编号：" + projectNumber,
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + task(purchase).getId());
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(MailDeliveries::recipients))
        .as("the purchaser filed the request and is not mailed about it").noneMatch(r -> r.contains(PURCHASER));
  }

  @Test
  void aReviewLeftPastItsFiveWorkingDaysIsRemindedAsOverdue() throws Exception {
    ProcessInstance purchase = file();
    String projectNumber = purchase.getBusinessKey();
    session.mails().deliver(projectNumber);
    greenMail.purgeEmailFromAllMailboxes();

    ClockUtil.setCurrentTime(Date.from(task(purchase).getDueDate().toInstant().plus(Duration.ofHours(1))));
    Job timer = managementService.createJobQuery().processDefinitionKey(MailVariables.DEADLINE_WATCH_PROCESS)
        .timers().singleResult();
    managementService.executeJob(timer.getId());
    managementService.createJobQuery().processDefinitionKey(MailVariables.DEADLINE_WATCH_PROCESS).messages().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    session.mails().deliver(projectNumber);

    List<MimeMessage> toFinance = MailDeliveries.mailsTo(greenMail, FINANCE_OFFICIAL + "@test.local");
    assertThat(toFinance).hasSize(1);
    assertThat(toFinance.get(0).getSubject())
        .isEqualTo("【已超期】" + projectNumber + " 崇川区居家养老上门服务：审核采购申请");
  }

  @Test
  void theRequesterLearnsOfTheApprovalAndOfARejectionWithItsReason() throws Exception {
    ProcessInstance approved = file();
    review(approved, "APPROVE", "同意。");
    session.mails().deliver(approved.getBusinessKey());
    ProcessInstance rejected = file();
    review(rejected, "REJECT", "该服务已由区级财政安排，不予重复购买。");
    session.mails().deliver(rejected.getBusinessKey());

    List<MimeMessage> toRequester = MailDeliveries.mailsTo(greenMail, PURCHASER + "@test.local");
    // the approved plan goes on to its tender: the requester's department is asked for the tender documents
    assertThat(toRequester).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
        "【采购计划已批准】" + approved.getBusinessKey() + " 崇川区居家养老上门服务",
        "【新待办】" + approved.getBusinessKey() + " 崇川区居家养老上门服务：编制招标文件",
        "【采购申请未获批准】" + rejected.getBusinessKey() + " 崇川区居家养老上门服务");
    MimeMessage rejection = toRequester.stream().filter(m -> MailDeliveries.subject(m).contains("未获批准"))
        .findFirst().orElseThrow();
    assertThat(rejection.getContent().toString()).contains("张敏，您好", "不予批准的理由：该服务已由区级财政安排，不予重复购买。");
    MimeMessage approval = toRequester.stream().filter(m -> MailDeliveries.subject(m).contains("已批准"))
        .findFirst().orElseThrow();
    assertThat(approval.getContent().toString()).contains("采购方式：竞争性磋商", "审核意见：同意。");
  }

  private void review(ProcessInstance purchase, String decision, String comment) {
    session.people().actAs(FINANCE_OFFICIAL);
    try {
      var review = engine.getTaskService().createTaskQuery().processInstanceId(purchase.getId()).singleResult();
      engine.getTaskService().claim(review.getId(), FINANCE_OFFICIAL);
      engine.getFormService().submitTaskForm(review.getId(), SplittingReasons.asTheFormAsks(engine, review.getId(),
          Variables.createVariables().putValue("reviewDecision", decision).putValue("reviewComment", comment)));
    } finally {
      session.people().actAsNobody();
    }
  }

  private ProcessInstance file() {
    session.people().actAs(PURCHASER);
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId(),
          PurchaseRequests.elderlyCare(1_200_000));
    } finally {
      session.people().actAsNobody();
    }
  }

}
