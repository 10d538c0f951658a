package org.publicservice.procurement.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decisions a designer maintains: weights (third party 60%, satisfaction 30%, self 10%), the weighted score,
 * each grade with its thresholds on both sides, and the share of the final payment each grade allows.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/EvaluationGrade.dmn")
class EvaluationGradeDecisionTest {

  ProcessEngine engine;

  @ParameterizedTest(name = "third party {0}, satisfaction {1}, self {2} -> {3} ({4}) {5}, share {6}")
  @CsvSource({
      // every part the same: the score is that value
      "95,    95,   95,  95.0,  EXCELLENT, 优秀,   1.0",
      "90,    90,   90,  90.0,  EXCELLENT, 优秀,   1.0",
      "89.99, 89.99, 89.99, 89.99, GOOD, 良好,   1.0",
      "80,    80,   80,  80.0,  GOOD,      良好,   1.0",
      "79.99, 79.99, 79.99, 79.99, PASS, 合格,   0.8",
      "60,    60,   60,  60.0,  PASS,      合格,   0.8",
      "59.99, 59.99, 59.99, 59.99, FAIL, 不合格, 0.0",
      "20,    40,   100, 34.0,  FAIL,      不合格, 0.0",
      // the weights: 0.6 × 100 + 0.3 × 50 + 0.1 × 0 = 75; 0.6 × 90 + 0.3 × 100 + 0.1 × 60 = 90
      "100,   50,   0,   75.0,  PASS,      合格,   0.8",
      "90,    100,  60,  90.0,  EXCELLENT, 优秀,   1.0",
      "85,    70,   100, 82.0,  GOOD,      良好,   1.0"
  })
  void gradesTheWeightedScore(double thirdParty, double satisfaction, double self, double score, String grade,
      String gradeName, double share) {
    DmnDecisionResultEntries result = evaluate(thirdParty, true, satisfaction, self);
    assertThat(result.<Double>getEntry("evaluationScore")).isEqualTo(score);
    assertThat(result.<String>getEntry("evaluationGrade")).isEqualTo(grade);
    assertThat(result.<String>getEntry("evaluationGradeName")).isEqualTo(gradeName);
    assertThat(result.<Double>getEntry("finalPaymentShare")).isEqualTo(share);
  }

  @Test
  void withoutRatingsSatisfactionWeighsNothingAndItsWeightGoesToTheOtherParts() {
    // 0.85 × 80 + 0.15 × 100 = 83
    DmnDecisionResultEntries result = evaluate(80, false, 0, 100);
    assertThat(result.<Double>getEntry("evaluationScore")).isEqualTo(83.0);
    assertThat(result.<String>getEntry("evaluationGrade")).isEqualTo("GOOD");
  }

  @Test
  void theWeightsAreTheirOwnDecisionAndAddUpToOne() {
    for (boolean rated : new boolean[] {true, false}) {
      DmnDecisionResultEntries weights = engine.getDecisionService().evaluateDecisionByKey("EvaluationWeights")
          .variables(Variables.createVariables().putValue("satisfactionRated", rated)).evaluate().getSingleResult();
      double sum = weights.<Double>getEntry("thirdPartyWeight") + weights.<Double>getEntry("satisfactionWeight")
          + weights.<Double>getEntry("selfWeight");
      assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  private DmnDecisionResultEntries evaluate(double thirdParty, boolean rated, double satisfaction, double self) {
    return engine.getDecisionService().evaluateDecisionByKey("EvaluationGrade")
        .variables(Variables.createVariables()
            .putValue("thirdPartyEvaluationScore", thirdParty)
            .putValue("satisfactionRated", rated)
            .putValue("satisfactionScore", satisfaction)
            .putValue("selfEvaluationScore", self))
        .evaluate()
        .getSingleResult();
  }
}
