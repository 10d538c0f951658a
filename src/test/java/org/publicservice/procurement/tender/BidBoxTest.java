package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.tender.Tenders.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.award.BondVariables;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.JsonValues;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bid box as the portal uses it for social organisations: refusals in Chinese that store nothing, replacing,
 * withdrawing, the deadline, and reading one's own bid back. Nothing a bidder does creates an incident.
 */
@ProcurementSpringTest
class BidBoxTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired JdbcClient jdbc;
  @Autowired BondRefunds bondRefunds;
  @Autowired WorkingDayCalendar workingDays;

  Tenders tenders;
  TasklistDriver tasklist;
  ProcessInstance stage;
  String project;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    tenders = new Tenders(engine, bidBox);
    tasklist = new TasklistDriver(engine, new TestIdentities(engine.getIdentityService()));
    at(ISSUED);
    stage = tenders.start("OPEN_TENDER");
    tenders.prepareDocuments(stage, documents());
    project = stage.getBusinessKey();
  }

  @AfterEach
  void tearDown() {
    new TestIdentities(engine.getIdentityService()).actAsNobody();
    ClockUtil.reset();
  }

  @Test
  void badBidsAreRefusedInChineseAndNothingIsStored() {
    refused(() -> bidBox.submit(project, ANLE, bid("0", "方案")), "投标报价必须大于零。");
    refused(() -> bidBox.submit(project, ANLE, bid("-5", "方案")), "投标报价必须大于零。");
    refused(() -> bidBox.submit(project, ANLE, bid("2000000.01", "方案")),
        "投标报价2,000,000.01元超过项目预算2,000,000.00元，不能提交。");
    refused(() -> bidBox.submit(project, ANLE, bid("100.001", "方案")), "投标报价最多保留两位小数（分）。");
    refused(() -> bidBox.submit(project, ANLE, bid("1000", "  ")), "请填写服务方案。");
    refused(() -> bidBox.submit(project, ANLE, new BidContent(new BigDecimal("1000"), "方案", null, "资质")), "请填写项目团队。");
    refused(() -> bidBox.submit(project, ANLE, new BidContent(new BigDecimal("1000"), "方案", "团队", "")),
        "请填写资格证明材料。");
    refused(() -> bidBox.submit(project, ANLE, new BidContent(null, "方案", "团队", "资质")), "请填写投标报价。");
    refused(() -> bidBox.submit(project, ANLE, null), "请填写投标文件。");
    refused(() -> bidBox.submit(project, TestIdentities.PURCHASER, bid("1000", "方案")),
        "只有在平台注册并确认的供应商可以投标或提问，请先在信息公开门户注册（供应商注册）。");
    refused(() -> bidBox.submit(project, "nobody-" + project, bid("1000", "方案")),
        "只有在平台注册并确认的供应商可以投标或提问，请先在信息公开门户注册（供应商注册）。");
    refused(() -> bidBox.submit("NT-2026-0000", ANLE, bid("1000", "方案")),
        "项目NT-2026-0000目前没有正在接受投标的招标，请核对项目编号。");
    refused(() -> bidBox.withdraw(project, ANLE), "贵单位在项目" + project + "中没有可撤回的投标。");

    assertThat(rowsOf(project)).isZero();
    assertThat(bidBox.countBids(project)).isZero();
    assertThat(bidBox.receiptOf(project, ANLE)).isEmpty();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(stage.getId()).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(stage.getId()).withException().count()).isZero();
  }

  @Test
  void aNewerBidReplacesTheEarlierOneAndAWithdrawnBidIsGone() throws Exception {
    BidReceipt first = tenders.bid(stage, ANLE, "1900000");
    at(ISSUED.plusHours(2));
    BidReceipt second = bidBox.submit(project.toLowerCase(), ANLE, bid("1850000.00", "修订后的服务方案"));

    assertThat(second.receiptCode()).isNotEqualTo(first.receiptCode()).startsWith(project + "-1-");
    assertThat(second.submittedAt().toInstant()).isEqualTo(ISSUED.plusHours(2).toInstant());
    assertThat(bidBox.countBids(project)).isEqualTo(1);
    assertThat(bidBox.receiptOf(project, ANLE)).contains(second);
    assertThat(bidBox.ownBid(project, ANLE)).hasValueSatisfying(own -> {
      assertThat(own.price()).isEqualByComparingTo("1850000");
      assertThat(own.servicePlan()).isEqualTo("修订后的服务方案");
    });
    // the superseded bid's content is destroyed, not just hidden
    assertThat(jdbc.sql("SELECT COUNT(*) FROM tender_bid WHERE receipt_code = :code AND bid_status = 'SUPERSEDED'"
        + " AND sealed_content IS NULL AND wrapped_key IS NULL").param("code", first.receiptCode())
        .query(Integer.class).single()).isOne();

    bidBox.withdraw(project, ANLE);
    assertThat(bidBox.countBids(project)).isZero();
    assertThat(bidBox.receiptOf(project, ANLE)).isEmpty();
    assertThat(bidBox.ownBid(project, ANLE)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM tender_bid WHERE sealed_content IS NOT NULL AND project_number = :p")
        .param("p", project).query(Integer.class).single()).isZero();

    new MailDeliveries(engine).deliver(project);
    assertThat(MailDeliveries.mailsTo(greenMail, ANLE + "@demo.local")).extracting(MailDeliveries::subject)
        .contains("【投标回执】" + project + " 崇川区居家养老上门服务", "【撤回投标】" + project + " 崇川区居家养老上门服务");
    assertThat(MailDeliveries.mailsTo(greenMail, ANLE + "@demo.local")).anySatisfy(mail ->
        assertThat(mail.getContent().toString()).contains("本次投标已替换贵单位此前提交的投标文件"));
    // every bidder mail leads back to the bid page and the project (issue 20)
    assertThat(MailDeliveries.mailsTo(greenMail, ANLE + "@demo.local")).allSatisfy(mail ->
        assertThat(mail.getContent().toString()).contains("/portal/bidder/tenders/" + project,
            "/portal/projects/" + project));
  }

  @Test
  void afterTheDeadlineBidsAndWithdrawalsAreRefusedAndTheCallIsNoLongerOpen() {
    tenders.bid(stage, ANLE, "1900000");
    at(DEADLINE);

    refused(() -> bidBox.submit(project, XINYU, bid("1000", "方案")),
        "项目" + project + "的投标截止时间（2026年12月28日 09:30）已过，不能再投标。");
    refused(() -> bidBox.withdraw(project, ANLE),
        "项目" + project + "的投标截止时间（2026年12月28日 09:30）已过，不能再撤回投标。");
    assertThat(bidBox.openCalls()).extracting(TenderCall::projectNumber).doesNotContain(project);
    assertThat(bidBox.countBids(project)).isOne();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(stage.getId()).count()).isZero();
  }

  @Test
  void onlyTheBidderReadsItsBidBackAndNobodyOpensTheBoxBeforeTheDeadline() {
    tenders.bid(stage, ANLE, "1900000");
    var people = new TestIdentities(engine.getIdentityService());

    people.actAs(TestIdentities.PURCHASER);
    try {
      refused(() -> bidBox.ownBid(project, ANLE), "只有投标人本人可以查看自己的投标文件。");
    } finally {
      people.actAsNobody();
    }
    people.actAs(ANLE);
    try {
      assertThat(bidBox.ownBid(project, ANLE)).isPresent();
    } finally {
      people.actAsNobody();
    }
    assertThat(bidBox.ownBid(project, XINYU)).isEmpty();
    assertThatThrownBy(() -> bidBox.openBids(project, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stay sealed until the bid deadline");
    assertThatThrownBy(() -> bidBox.returnUnopened(project, 1)).isInstanceOf(IllegalStateException.class);
    assertThat(bidBox.currentCall(project)).isPresent();
  }

  @Test
  void theOpenCallsListTheTendersTakingBids() {
    List<TenderCall> calls = bidBox.openCalls();
    assertThat(calls).filteredOn(call -> call.projectNumber().equals(project)).singleElement().satisfies(call -> {
      assertThat(call.round()).isOne();
      assertThat(call.serviceName()).isEqualTo("崇川区居家养老上门服务");
      assertThat(call.departmentName()).isEqualTo("南通市民政局");
      assertThat(call.procurementMethod()).isEqualTo("OPEN_TENDER");
      assertThat(call.budget()).isEqualByComparingTo("2000000");
      assertThat(call.bidDeadline().toInstant()).isEqualTo(DEADLINE.toInstant());
      assertThat(call.clarificationDeadline().toInstant())
          .isEqualTo(ZonedDateTime.of(2026, 12, 14, 23, 59, 59, 0, DEADLINE.getZone()).toInstant());
      assertThat(call.qualificationRequirements()).contains("民政部门登记的社会组织");
    });
  }

  @Test
  void aWithdrawnBidsBondIsDueBackInFiveWorkingDaysAndABondLodgedWithANewBidIsANewOne() {
    bidBox.submit(project, ANLE, bonded("1900000", "BANK_GUARANTEE", "BH-A1"));
    at(ISSUED.plusHours(1));
    bidBox.withdraw(project, ANLE);

    // withdrawn on Thursday 3 December: due by Thursday 10 December (87号令第三十八条), beside the open tender
    ProcessInstance refund = refunds(1).get(0);
    Task task = tasklist.task(refund, "Task_RefundBidBonds");
    assertThat(task.getName()).isEqualTo("退还投标保证金");
    assertThat(task.getDueDate()).isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2026, 12, 10)));
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(refund.getId(), BondVariables.BOND_REFUNDS)))
        .containsExactly(Map.of("supplierName", nameOf(ANLE), "amount", "20,000.00元", "lodged", "银行保函（编号BH-A1）"));
    assertThat(stage).isWaitingAt("Timer_BidDeadline", "Task_AmendDocuments");
    assertThat(bidBox.takesBids(project)).isTrue();
    // the withdrawn content is offered back as a draft; that is no bond, a bond lodged with a new bid is
    assertThat(bidBox.withdrawnBid(project, ANLE)).isPresent();
    bidBox.submit(project, ANLE, bonded("1880000", "TRANSFER", "ZZ-A2"));
    at(ISSUED.plusDays(1));
    bidBox.withdraw(project, ANLE);
    ProcessInstance second = refunds(2).get(1);
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(second.getId(), BondVariables.BOND_REFUNDS)))
        .extracting(row -> row.get("lodged")).containsExactly("银行转账（支票、汇票、本票）（编号ZZ-A2）");
    assertThat(tasklist.task(second, "Task_RefundBidBonds").getDueDate())
        .isEqualTo(WorkingDayCalendar.endOf(LocalDate.of(2026, 12, 11)));
  }

  @Test
  void aFailedTenderOwesBackEveryStatedBondOnceFromTheDayItFails() {
    bidBox.submit(project, ANLE, bonded("1900000", "BANK_GUARANTEE", "BH-A1"));
    bidBox.withdraw(project, ANLE);
    // the same guarantee, not yet back, stated again: still one bond
    bidBox.submit(project, ANLE, bonded("1890000", "BANK_GUARANTEE", "BH-A1"));
    bidBox.submit(project, YANGGUANG, bonded("1800000", "TRANSFER", "ZZ-Y1"));
    bidBox.submit(project, XINYU, bid("1750000", "心语的服务方案"));
    bidBox.withdraw(project, XINYU);
    assertThat(refunds(1)).hasSize(1);

    tenders.reachDeadline(stage);

    assertThat(stage).isWaitingAt("Task_DecideAfterFailedTender").hasPassed("Task_DeclareFailedTender");
    ProcessInstance failed = refunds(2).get(1);
    assertThat(JsonValues.rows(engine.getRuntimeService().getVariable(failed.getId(), BondVariables.BOND_REFUNDS)))
        .containsExactly(Map.of("supplierName", nameOf(YANGGUANG), "amount", "20,000.00元",
            "lodged", "银行转账（支票、汇票、本票）（编号ZZ-Y1）"));
    assertThat(tasklist.task(failed, "Task_RefundBidBonds").getDueDate())
        .isEqualTo(workingDays.after(DEADLINE.toLocalDate(), BondRefunds.BID_REFUND_WORKING_DAYS));
    assertThat(bondRefunds.ofProject(project)).extracting(BondRefunds.Line::supplier)
        .containsExactly(ANLE, YANGGUANG);
  }

  private static BidContent bonded(String price, String form, String reference) {
    BidContent plain = bid(price, "服务方案：分片包干，每周巡访。");
    return new BidContent(plain.price(), plain.servicePlan(), plain.team(), plain.qualifications(), null, form,
        reference);
  }

  /** The project's refund instances, oldest first, past their asynchronous start. */
  private List<ProcessInstance> refunds(int expected) {
    List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(BondRefunds.PROCESS_KEY).processInstanceBusinessKey(project).list().stream()
        .sorted(Comparator.comparing(instance -> engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getId()).singleResult().getStartTime()))
        .toList();
    assertThat(instances).as("refund instances").hasSize(expected);
    instances.forEach(tasklist::runJobs);
    return instances;
  }

  private String nameOf(String bidder) {
    return jdbc.sql("SELECT bidder_name FROM tender_bid WHERE bidder = :b AND project_number = :p LIMIT 1")
        .param("b", bidder).param("p", project).query(String.class).single();
  }

  private int rowsOf(String projectNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM tender_bid WHERE project_number = :p").param("p", projectNumber)
        .query(Integer.class).single();
  }

  private static void refused(Runnable action, String message) {
    assertThatThrownBy(action::run).isInstanceOf(SubmissionRejectedException.class).hasMessage(message);
  }
}
