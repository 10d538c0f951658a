package org.publicservice.procurement.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.publicservice.procurement.evaluation.EvaluationStages.CONTRACTOR;
import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.credit.CreditEffect;
import org.publicservice.procurement.credit.CreditListing;
import org.publicservice.procurement.credit.CreditRecord;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.rating.ServiceRatings;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evaluation stage started directly with its IN variables and driven as its users drive it: the organisation's
 * self-evaluation, the department handing out rating codes, service recipients and residents rating on the
 * portal's API, the rating window closing on its timer, the third-party evaluator scoring, then grade, final
 * payment, publication, credit record and archive.
 */
@ProcurementSpringTest
class EvaluationStageTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  /** A Monday: the 10 working days of the rating window (the day itself not counted) end two Mondays later. */
  static final ZonedDateTime MONDAY_MORNING = ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, ProcurementTime.ZONE);
  static final ZonedDateTime WINDOW_END = ZonedDateTime.of(2027, 3, 15, 23, 59, 59, 0, ProcurementTime.ZONE);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ServiceRatings ratings;
  @Autowired FinalPayments payments;
  @Autowired PurchaseArchive archive;
  @Autowired CreditRegister credit;
  @Autowired DisclosureRegister register;
  @Autowired WorkingDayCalendar workingDays;

  EvaluationStages stages;
  MailDeliveries mails;
  String projectNumber;
  String serviceName;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    stages = new EvaluationStages(engine);
    mails = new MailDeliveries(engine);
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    projectNumber = EvaluationStages.newProjectNumber();
    serviceName = "崇川区居家养老上门服务" + UUID.randomUUID().toString().substring(0, 4);
  }

  @AfterEach
  void tearDown() {
    new TestIdentities(engine.getIdentityService()).actAsNobody();
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "third party {0}, {1} stars, self {2} -> {3} {4}, final payment {5}")
  @CsvSource({
      // 0.6 × 95 + 0.3 × 100 + 0.1 × 90 = 96
      "95, 5, 90, EXCELLENT, 优秀,   84000.00, 96.00",
      // 0.6 × 80 + 0.3 × 100 + 0.1 × 80 = 86
      "80, 5, 80, GOOD,      良好,   84000.00, 86.00",
      // 0.6 × 60 + 0.3 × 60 + 0.1 × 80 = 62
      "60, 3, 80, PASS,      合格,   67200.00, 62.00",
      // 0.6 × 40 + 0.3 × 40 + 0.1 × 70 = 43
      "40, 2, 70, FAIL,      不合格, 0.00,     43.00"
  })
  void eachGradeDecidesTheFinalPaymentRecordedOnceAndIsPublished(double thirdParty, int stars, double self,
      String grade, String gradeName, String finalPayment, String score) {
    ProcessInstance stage = stages.start(projectNumber, serviceName, 3);
    assertThat(stage).isWaitingAt("Task_SelfEvaluation", "Task_HandOutRatingCodes");
    List<String> codes = stages.ratingCodes(stage);
    ratings.rateWithCode(projectNumber, codes.get(0), Map.of(1, stars, 2, stars), "服务人员很耐心。");
    ratings.rateWithCode(projectNumber, codes.get(1), Map.of(1, stars, 2, stars), null);
    stages.selfEvaluate(stage, self, self);
    stages.handOutCodes(stage);
    stages.endRatingWindow(stage);
    assertThat(stage).isWaitingAt("Task_ThirdPartyEvaluation");
    stages.scoreAsEvaluator(stage, thirdParty, thirdParty);
    assertThat(stage).isWaitingAt("Task_GradeEvaluation");
    stages.grade(stage);

    assertThat(stage).isEnded().hasPassed("Task_RecordFinalPayment", "Task_PublishEvaluationResult",
        "Task_ArchivePurchase", "Task_MailEvaluationResult", "EndEvent_EvaluationCompleted");
    var history = BpmnAwareTests.historyService();
    assertThat(historicVariable(stage, GRADE)).isEqualTo(grade);
    assertThat(BigDecimal.valueOf((Double) historicVariable(stage, SCORE))).isEqualByComparingTo(score);
    if ("FAIL".equals(grade)) {
      assertThat(stage).hasPassed("Task_RecordFailedEvaluation");
    } else {
      assertThat(stage).hasNotPassed("Task_RecordFailedEvaluation");
      assertThat(credit.activeRecordsOf(CONTRACTOR, ProcurementTime.today()))
          .noneMatch(r -> projectNumber.equals(r.projectNumber()));
    }

    long evaluationId = ((Number) historicVariable(stage, EVALUATION_ID)).longValue();
    var payment = payments.find(evaluationId).orElseThrow();
    assertThat(payment.milestoneName()).isEqualTo("尾款");
    assertThat(payment.milestoneIndex()).isEqualTo(3);
    assertThat(payment.amount()).isEqualByComparingTo(finalPayment);
    assertThat(payment.grade()).isEqualTo(grade);
    // the step runs again (a retried job): still one payment, the same amount
    var again = payments.record(evaluationId, projectNumber, payment.contractId(), 3, "尾款",
        BigDecimal.valueOf(EvaluationStages.FINAL_INSTALMENT), BigDecimal.ONE, grade);
    assertThat(again.amount()).isEqualByComparingTo(finalPayment);
    assertThat(payments.countFor(projectNumber)).isEqualTo(1);

    DisclosureNotice notice = notices(NoticeType.EVALUATION_RESULT).get(0);
    assertThat(notices(NoticeType.EVALUATION_RESULT)).hasSize(1);
    assertThat(notice.title()).isEqualTo("南通市民政局关于" + serviceName + "的绩效评价结果公告");
    assertThat(notice.content()).contains("项目编号：" + projectNumber, "承接主体：南通安乐居家养老服务社",
        "评价等级：" + gradeName, "综合得分：" + score + "分",
        "服务对象和居民评价：2人评价，平均" + stars + ".00星（满分5星）", "尾款支付：" + String.format("%,.2f元", new BigDecimal(finalPayment)));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(stage.getId()).variableName(
        FINAL_PAYMENT_AMOUNT).singleResult().getValue()).isEqualTo(new BigDecimal(finalPayment).doubleValue());
    assertThat(archive.find(projectNumber)).hasValueSatisfying(record -> {
      assertThat(record.keepUntil()).isEqualTo(ProcurementTime.today().plusYears(15));
      assertThat(record.rootProcessInstanceId()).isEqualTo(stage.getId());
      assertThat(record.manifest()).contains("\"grade\":\"" + grade + "\"", "绩效评价结果公告", "ACT_HI");
    });
  }

  @Test
  void aFailedEvaluationIsACreditRecordForThreeYearsThatLaterChecksFindThenNoLonger() {
    ProcessInstance stage = stages.start(projectNumber, serviceName, 1);
    stages.selfEvaluate(stage, 60, 60);
    stages.handOutCodes(stage);
    stages.endRatingWindow(stage);
    stages.scoreAsEvaluator(stage, 30, 50);
    LocalDate gradedOn = ProcurementTime.today();
    stages.grade(stage);

    assertThat(stage).isEnded().hasPassed("Task_RecordFailedEvaluation");
    // nobody rated: satisfaction is not counted; 0.85 × 40 + 0.15 × 60 = 43
    assertThat(historicVariable(stage, SATISFACTION_RATED)).isEqualTo(false);
    assertThat(historicVariable(stage, SCORE)).isEqualTo(43.0);
    List<CreditRecord> records = ofThisProject(credit.activeRecordsOf(CONTRACTOR, gradedOn));
    assertThat(records).singleElement().satisfies(record -> {
      assertThat(record.listing()).isEqualTo(CreditListing.FAILED_EVALUATION);
      assertThat(record.effect()).isEqualTo(CreditEffect.PENALISE);
      assertThat(record.organisationName()).isEqualTo("南通安乐居家养老服务社");
      assertThat(record.validFrom()).isEqualTo(gradedOn);
      assertThat(record.validUntil()).isEqualTo(gradedOn.plusYears(3).minusDays(1));
      assertThat(record.reason()).contains(serviceName, "绩效评价不合格", "43.0");
      assertThat(record.recordedBy()).isEqualTo(EvaluationStages.EVALUATOR);
    });
    // a later tender's qualification check, within the validity and after it
    assertThat(ofThisProject(credit.activeRecordsOf(CONTRACTOR, gradedOn.plusYears(2)))).hasSize(1);
    assertThat(ofThisProject(credit.activeRecordsOf(CONTRACTOR, gradedOn.plusYears(3).minusDays(1)))).hasSize(1);
    assertThat(ofThisProject(credit.activeRecordsOf(CONTRACTOR, gradedOn.plusYears(3)))).isEmpty();
    assertThat(notices(NoticeType.EVALUATION_RESULT)).singleElement()
        .satisfies(n -> assertThat(n.content()).contains("评价等级：不合格", "评价期内无人评价，满意度未计入", "尾款支付：0.00元"));
  }

  @Test
  void aLargeServiceKeepsAllItsCodesItsResidentsCommentsAndALongEvaluationReportWhole() {
    // 450 codes, ten comments of nearly 500 characters and a report of 6,000: each more than the 4,000 characters a
    // String variable holds, and each within what the stage allows (1,000 codes, 500 a comment, 8,000 a report)
    ProcessInstance stage = stages.start(projectNumber, serviceName, 450);
    List<String> codes = stages.ratingCodes(stage);
    assertThat(codes).hasSize(450).doesNotHaveDuplicates();
    for (int i = 1; i <= 10; i++) {
      ratings.rateWithCode(projectNumber, codes.get(i), Map.of(1, 5, 2, 4), i + "号意见：" + "服务及时周到。".repeat(70));
    }
    stages.selfEvaluate(stage, 60, 60);
    stages.handOutCodes(stage);
    stages.endRatingWindow(stage);
    assertThat((String) runtimeService.getVariable(stage.getId(), RATING_COMMENTS)).hasSizeGreaterThan(4000)
        .contains("1. 1号意见：服务及时周到。", "10. 10号意见：服务及时周到。");

    String report = "经入户抽查服务对象120户、查阅服务记录和财务凭证，评价如下。" + "服务记录完整，回访及时。".repeat(500);
    stages.completeAs(EvaluationStages.EVALUATOR, stage, "Task_ThirdPartyEvaluation",
        EvaluationStages.thirdPartyScores(90, 90).putValue(THIRD_PARTY_REPORT, report));
    assertThat(stage).hasPassed("Task_ThirdPartyEvaluation");
    assertThat(runtimeService.getVariable(stage.getId(), THIRD_PARTY_REPORT)).isEqualTo(report);
  }

  @Test
  void thirtyLongIndicatorsAreAllSummedUpForTheEvaluator() {
    // 30 indicators of 150 characters (200 allowed): a summary longer than the 4,000 characters a String variable
    // holds, which made closing the ratings fail
    List<Map<String, Object>> indicators = new java.util.ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      indicators.add(Map.of("name", "指标" + i + "：" + "服务对象对上门服务及时性和服务质量的满意程度".repeat(7), "target", "90%"));
    }
    ProcessInstance stage = engine.getRuntimeService().startProcessInstanceByKey(EvaluationVariables.PROCESS_KEY,
        projectNumber, EvaluationStages.inVariables(serviceName, 1).putValue("projectNumber", projectNumber)
            .putValueTyped(org.publicservice.procurement.planning.PlanningVariables.INDICATORS, org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                org.publicservice.procurement.purchase.JsonValues.toJson(indicators)).create()));
    ratings.rateWithCode(projectNumber, stages.ratingCodes(stage).get(0), Map.of(1, 4, 30, 5), null);
    stages.endRatingWindow(stage);
    assertThat((String) runtimeService.getVariable(stage.getId(), RATING_SUMMARY)).hasSizeGreaterThan(4000)
        .contains("1. 指标1：服务对象", "平均4.00星（1人）", "30. 指标30：服务对象", "平均5.00星（1人）");
  }

  @Test
  void theEvaluationWaitsForTheEndOfTheServicePeriod() {
    java.time.LocalDate lastDay = MONDAY_MORNING.toLocalDate().plusDays(40);
    ProcessInstance stage = engine.getRuntimeService().startProcessInstanceByKey(EvaluationVariables.PROCESS_KEY,
        projectNumber, EvaluationStages.inVariables(serviceName, 2).putValue("projectNumber", projectNumber)
            .putValue(org.publicservice.procurement.planning.PlanningVariables.SERVICE_PERIOD_END, lastDay.toString()));
    assertThat(stage).isWaitingAt("Timer_ServicePeriodEnds");
    assertThat(ratings.latestOf(projectNumber)).as("no rating window before the service ends").isEmpty();
    var periodEnds = engine.getManagementService().createJobQuery().processInstanceId(stage.getId()).timers()
        .activityId("Timer_ServicePeriodEnds").singleResult();
    assertThat(periodEnds.getDuedate()).isEqualTo(Date.from(lastDay.atTime(23, 59, 59)
        .atZone(ProcurementTime.ZONE).toInstant()));
    ClockUtil.setCurrentTime(new Date(periodEnds.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(periodEnds.getId());
    assertThat(stage).isWaitingAt("Task_SelfEvaluation", "Task_HandOutRatingCodes");
  }

  @Test
  void theRatingWindowClosesAtItsEndEvenWhenTheCodesWereNeverHandedOut() {
    ProcessInstance stage = stages.start(projectNumber, serviceName, 2);
    assertThat(stages.ratingWindowTimer(stage).getDuedate()).isEqualTo(Date.from(WINDOW_END.toInstant()))
        .isEqualTo(workingDays.after(Date.from(MONDAY_MORNING.toInstant()), 10));
    var handOut = stages.task(stage, "Task_HandOutRatingCodes");
    assertThat(taskService.getIdentityLinksForTask(handOut.getId())).extracting(l -> l.getGroupId())
        .contains(Groups.DEPT_CIVIL_AFFAIRS);
    List<String> codes = stages.ratingCodes(stage);
    assertThat(codes).hasSize(2).allMatch(code -> code.matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"));

    ClockUtil.setCurrentTime(Date.from(WINDOW_END.minusMinutes(1).toInstant()));
    ratings.rateWithCode(projectNumber, codes.get(0).toLowerCase(), Map.of(1, 4, 2, 5), null);
    ClockUtil.setCurrentTime(Date.from(WINDOW_END.plusSeconds(2).toInstant()));
    assertThatThrownBy(() -> ratings.rateWithCode(projectNumber, codes.get(1), Map.of(1, 5), null))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("本项目的服务评价已于2027年3月15日 23:59结束，不再接受评价");

    stages.endRatingWindow(stage);
    assertThat(stage).hasPassed("BoundaryEvent_RatingWindowEndedFirst", "Task_CloseRatings")
        .hasNotPassed("Timer_RatingWindowEnds").isWaitingAt("Task_SelfEvaluation");
    assertThat(runtimeService.getVariable(stage.getId(), RATING_COUNT)).isEqualTo(1);
    assertThat(runtimeService.getVariable(stage.getId(), AVERAGE_RATING)).isEqualTo(4.5);
    assertThat(runtimeService.getVariable(stage.getId(), SATISFACTION_SCORE)).isEqualTo(90.0);
    assertThat((String) runtimeService.getVariable(stage.getId(), RATING_SUMMARY))
        .contains("共1人参与评价（服务对象1人，居民0人），平均4.50星", "1. 服务对象满意度（目标：90%）：平均4.00星（1人）");
    // closed by the stage: refused even if the clock were turned back
    ClockUtil.setCurrentTime(Date.from(WINDOW_END.minusHours(1).toInstant()));
    assertThatThrownBy(() -> ratings.rateWithCode(projectNumber, codes.get(1), Map.of(1, 5), null))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("不再接受评价");
  }

  @Test
  void residentsRateOnceWithAConfirmedAddressAndThoseWhoAskedAreToldTheOutcome() throws Exception {
    ProcessInstance stage = stages.start(projectNumber, serviceName, 1);
    String code = stages.ratingCodes(stage).get(0);
    ratings.rateWithCode(projectNumber, code, Map.of(1, 5, 2, 4), "送餐准时。");
    assertThatThrownBy(() -> ratings.rateWithCode(projectNumber, code, Map.of(1, 1), null))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("该评价码已使用过，每个评价码只能评价一次");

    String resident = "zhang.san" + UUID.randomUUID().toString().substring(0, 4) + "@example.cn";
    ratings.sendEmailCode(projectNumber, resident);
    assertThatThrownBy(() -> ratings.sendEmailCode(projectNumber, resident))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("验证码刚刚已发送到该邮箱");
    String confirmation = confirmationCodeMailedTo(resident);
    assertThatThrownBy(() -> ratings.rateWithEmail(projectNumber, resident, "000000".equals(confirmation) ? "111111"
        : "000000", Map.of(1, 3), null, true))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("验证码不正确");
    ratings.rateWithEmail(projectNumber, resident.toUpperCase(), confirmation, Map.of(1, 3, 2, 2),
        "<script>alert(1)</script>希望增加助浴次数", true);
    assertThatThrownBy(() -> ratings.sendEmailCode(projectNumber, resident))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("该邮箱已对本项目评价过，每人只能评价一次");
    assertThatThrownBy(() -> ratings.rateWithEmail(projectNumber, resident, confirmation, Map.of(1, 5), null, false))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("该邮箱已对本项目评价过");

    stages.selfEvaluate(stage, 90, 90);
    stages.handOutCodes(stage);
    stages.endRatingWindow(stage);
    assertThat((String) runtimeService.getVariable(stage.getId(), RATING_COMMENTS))
        .isEqualTo("1. 送餐准时。\n2. <script>alert(1)</script>希望增加助浴次数");
    stages.scoreAsEvaluator(stage, 90, 88);
    stages.grade(stage);
    // 0.6 × 89 + 0.3 × 70 + 0.1 × 90 = 83.4
    assertThat(historicVariable(stage, GRADE)).isEqualTo("GOOD");

    // (5 + 4) / 2 = 4.5 and (3 + 2) / 2 = 2.5: each person counts once, average 3.5 stars = 70 points
    DisclosureNotice notice = notices(NoticeType.EVALUATION_RESULT).get(0);
    assertThat(notice.content()).contains("2人评价，平均3.50星（满分5星），满意度得分70.00分",
        "服务对象满意度（目标：90%）：平均4.00星（2人）");
    assertThat(notice.content()).doesNotContain(resident, code, "送餐准时", "script", "助浴");
    assertThat(notice.content() + notice.title()).doesNotContainPattern("[A-Z2-9]{4}-[A-Z2-9]{4}");

    mails.deliver(projectNumber);
    List<MimeMessage> outcome = MailDeliveries.mailsTo(greenMail, resident).stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【评价结果公布】")).toList();
    assertThat(outcome).singleElement().satisfies(mail -> {
      assertThat(mail.getSubject()).isEqualTo("【评价结果公布】" + projectNumber + " " + serviceName);
      assertThat(mail.getContent().toString()).contains("评价等级：良好", "公众评价：2人参与，平均3.50星",
          "/portal/notices/" + notice.id());
    });
    List<MimeMessage> toContractor = MailDeliveries.mailsTo(greenMail, CONTRACTOR + "@demo.local").stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【绩效评价结果】" + projectNumber)).toList();
    assertThat(toContractor).singleElement().satisfies(mail -> assertThat(mail.getContent().toString())
        .contains("南通安乐居家养老服务社，您好", "评价等级：良好", "综合得分：83.40分", "尾款金额：84,000.00元", "/portal/notices/" + notice.id()));
    // the address was kept only for that mail
    long evaluationId = ((Number) historicVariable(stage, EVALUATION_ID)).longValue();
    assertThat(ratings.takeFollowers(evaluationId)).isEmpty();
  }

  @Test
  void scoresOutOfRangeOrMissingAreRefusedInChineseAndNothingIsSaved() {
    ProcessInstance stage = stages.start(projectNumber, serviceName, 1);
    assertThatThrownBy(() -> stages.selfEvaluate(stage, 90, 101)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("第2项指标“上门服务人次（目标：76800人次）”：自评分须在0至100分之间。");
    assertThatThrownBy(() -> stages.completeAs(EvaluationStages.CONTRACTOR, stage, "Task_SelfEvaluation",
        EvaluationStages.selfEvaluation(new String[] {"92%", " "}, 90, 90).putValue(SELF_REPORT, "全年完成。")))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("第2项指标“上门服务人次（目标：76800人次）”：请填写完成情况。");
    assertThatThrownBy(() -> stages.selfEvaluate(stage, 90)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("自评表应有2行，提交了1行。请刷新任务后重新填写。");
    assertThat(stage).isWaitingAt("Task_SelfEvaluation", "Task_HandOutRatingCodes");
    assertThat(runtimeService.getVariable(stage.getId(), SELF_SCORE_TOTAL)).isNull();
    assertThatThrownBy(() -> stages.completeAs(TestIdentities.PURCHASER, stage, "Task_HandOutRatingCodes",
        Variables.createVariables().putValue(RATING_CODES_HANDED_OUT, false)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("已发放评价码");
    // the self-evaluation is the organisation's own: the department cannot do it
    assertThatThrownBy(() -> stages.completeAs(TestIdentities.PURCHASER, stage, "Task_SelfEvaluation",
        Variables.createVariables())).isInstanceOf(AssertionError.class);

    stages.selfEvaluate(stage, 90, 90);
    stages.handOutCodes(stage);
    stages.endRatingWindow(stage);
    assertThatThrownBy(() -> stages.scoreAsEvaluator(stage, -1, 80)).isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("第1项指标“服务对象满意度（目标：90%）”：评分须在0至100分之间。");
    assertThatThrownBy(() -> stages.completeAs(EvaluationStages.EVALUATOR, stage, "Task_ThirdPartyEvaluation",
        EvaluationStages.thirdPartyScores(80, 80)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("请填写评价报告");
    assertThat(stage).isWaitingAt("Task_ThirdPartyEvaluation");
    assertThat(runtimeService.getVariable(stage.getId(), THIRD_PARTY_SCORE_TOTAL)).isNull();
  }

  private Object historicVariable(ProcessInstance stage, String name) {
    return BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(stage.getId())
        .variableName(name).singleResult().getValue();
  }

  private List<DisclosureNotice> notices(NoticeType type) {
    return register.findByProject(projectNumber).stream().filter(n -> n.type() == type).toList();
  }

  private List<CreditRecord> ofThisProject(List<CreditRecord> records) {
    return records.stream().filter(r -> projectNumber.equals(r.projectNumber())).toList();
  }

  private String confirmationCodeMailedTo(String address) throws Exception {
    mails.deliver(projectNumber);
    MimeMessage mail = MailDeliveries.mailsTo(greenMail, address).stream()
        .filter(m -> MailDeliveries.subject(m).startsWith("【评价验证码】")).findFirst().orElseThrow();
    Matcher code = Pattern.compile("验证码为：\\s+(\\d{6})").matcher(mail.getContent().toString());
    assertThat(code.find()).as("code in %s", mail.getContent()).isTrue();
    return code.group(1);
  }
}
