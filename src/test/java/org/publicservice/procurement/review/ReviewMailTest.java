package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.review.ReviewStages.BIDS;
import static org.publicservice.procurement.review.ReviewStages.forgetCreditRecordsOfTheBidders;
import static org.publicservice.procurement.review.ReviewStages.inputs;
import static org.publicservice.procurement.review.ReviewVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The review stage's mails, delivered over SMTP: experts get their tasks, the released and the department hear. */
@ProcurementSpringTest
class ReviewMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, ProcurementTime.ZONE));

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  ReviewStages stages;

  @BeforeEach
  void setUp() {
    stages = new ReviewStages(engine, session.people());
    forgetCreditRecordsOfTheBidders(jdbc);
  }

  @Test
  void expertsGetTheirTasksTheReleasedExpertHearsAndTheDepartmentGetsTheReport() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0961", 2_000_000, LOWEST_PRICE, 3, BIDS));
    stages.submitQualification(stage, stages.qualificationForm(4, null));
    List<Task> declarations = stages.tasks(stage, "Task_DeclareConflict");
    Task conflicted = declarations.get(0);
    stages.declare(conflicted, CONFLICT, "本人曾在南通阳光养老服务中心任职，离职未满三年。");
    declarations.subList(1, 5).forEach(task -> stages.declare(task, NO_CONFLICT, null));
    stages.runJobs(stage);
    stages.acceptAll(stage);
    stages.passCompliance(stage);
    stages.confirmAll(stage);
    assertThat(stage).isEnded();

    session.mails().deliver("NT-2026-0961");
    String drawn = declarations.get(1).getAssignee();
    assertThat(MailDeliveries.mailsTo(greenMail, drawn + "@demo.local")).extracting(MailDeliveries::subject)
        .anyMatch(subject -> subject.contains("回避声明")).anyMatch(subject -> subject.contains("签署评审报告"));
    List<MimeMessage> released = MailDeliveries.mailsTo(greenMail, conflicted.getAssignee() + "@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【评审专家替补】")).toList();
    assertThat(released).singleElement().satisfies(m -> {
      assertThat(MailDeliveries.subject(m)).isEqualTo("【评审专家替补】NT-2026-0961 崇川区居家养老上门服务");
      assertThat(GreenMailUtil.getBody(m)).isNotBlank();
    });
    assertThat(MailDeliveries.mailsTo(greenMail, "minzheng@demo.local")).extracting(MailDeliveries::subject)
        .contains("【评审报告】NT-2026-0961 崇川区居家养老上门服务 评审完成");
  }

  @Test
  void theDepartmentHearsWhenTooFewBidsQualify() {
    ProcessInstance stage = stages.start(inputs("NT-2026-0962", 2_000_000, COMPREHENSIVE, 3, BIDS[0], BIDS[1],
        BIDS[2]));
    stages.submitQualification(stage, stages.qualificationForm(3, null, new Object[] {3, "未提供社保缴纳证明"}));

    session.mails().deliver("NT-2026-0962");
    assertThat(MailDeliveries.mailsTo(greenMail, "minzheng2@demo.local")).extracting(MailDeliveries::subject)
        .contains("【合格投标人不足】NT-2026-0962 崇川区居家养老上门服务");
  }
}
