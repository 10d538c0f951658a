package org.publicservice.procurement.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.credit.CreditListing;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.postgres.EmbeddedPostgresConfiguration;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.rating.ServiceRatings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The evaluation stage and the public's ratings on PostgreSQL, the production database: every statement of the
 * rating, final-payment and archive tables runs here once (the other tests use H2).
 */
@Tag("isolated")
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(EmbeddedPostgresConfiguration.class)
class EvaluationPostgresTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired ProcessEngine engine;
  @Autowired ServiceRatings ratings;
  @Autowired FinalPayments payments;
  @Autowired PurchaseArchive archive;
  @Autowired CreditRegister credit;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aFailedEvaluationWithRatingsRunsOnPostgres() throws Exception {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    EvaluationStages stages = new EvaluationStages(engine);
    String projectNumber = EvaluationStages.newProjectNumber();
    ProcessInstance stage = stages.start(projectNumber, "崇川区居家养老上门服务", 2);
    List<String> codes = stages.ratingCodes(stage);
    ratings.rateWithCode(projectNumber, codes.get(0), Map.of(1, 2, 2, 1), "服务不及时。");
    assertThatThrownBy(() -> ratings.rateWithCode(projectNumber, codes.get(0), Map.of(1, 5), null))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("该评价码已使用过");
    String resident = "resident@example.cn";
    ratings.sendEmailCode(projectNumber, resident);
    new MailDeliveries(engine).deliver(projectNumber);
    Matcher code = Pattern.compile("验证码为：\\s+(\\d{6})")
        .matcher(MailDeliveries.mailsTo(greenMail, resident).get(0).getContent().toString());
    assertThat(code.find()).isTrue();
    ratings.rateWithEmail(projectNumber, resident, code.group(1), Map.of(1, 2), null, true);

    stages.selfEvaluate(stage, 70, 70);
    stages.handOutCodes(stage);
    stages.endRatingWindow(stage);
    stages.scoreAsEvaluator(stage, 40, 50);
    stages.grade(stage);

    assertThat(stage).isEnded().hasPassed("Task_RecordFailedEvaluation", "Task_ArchivePurchase");
    long evaluationId = ratings.latestOf(projectNumber).orElseThrow().evaluationId();
    assertThat(ratings.summary(evaluationId).ratings()).isEqualTo(2);
    assertThat(payments.find(evaluationId).orElseThrow().amount()).isEqualByComparingTo("0.00");
    assertThat(payments.countFor(projectNumber)).isEqualTo(1);
    assertThat(archive.find(projectNumber)).isPresent();
    assertThat(credit.activeRecordsOf(EvaluationStages.CONTRACTOR, ProcurementTime.today()))
        .anyMatch(r -> r.listing() == CreditListing.FAILED_EVALUATION && projectNumber.equals(r.projectNumber()));
    assertThat(ratings.takeFollowers(evaluationId)).isEmpty();
  }
}
