package org.publicservice.procurement.planning;

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

/** The decision table a designer maintains: each rule, and the threshold on both sides. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/ProcurementMethod.dmn")
class ProcurementMethodDecisionTest {

  ProcessEngine engine;

  @ParameterizedTest(name = "{0} yuan, ground {1} -> {2}")
  @CsvSource({
      "100000,     NONE,                COMPETITIVE_CONSULTATION, 竞争性磋商",
      "3999999.99, NONE,                COMPETITIVE_CONSULTATION, 竞争性磋商",
      "4000000,    NONE,                OPEN_TENDER,              公开招标",
      "25000000,   NONE,                OPEN_TENDER,              公开招标",
      "5000000,    UNIQUE_SUPPLIER,     SINGLE_SOURCE,            单一来源采购",
      "200000,     EMERGENCY,           SINGLE_SOURCE,            单一来源采购",
      "300000,     ADDITIONAL_PURCHASE, SINGLE_SOURCE,            单一来源采购"
  })
  void choosesTheMethod(double budget, String ground, String method, String methodName) {
    DmnDecisionResultEntries result = evaluate(budget, ground);
    assertThat(result.<String>getEntry("procurementMethod")).isEqualTo(method);
    assertThat(result.<String>getEntry("procurementMethodName")).isEqualTo(methodName);
    assertThat(result.<String>getEntry("methodRationale")).isNotBlank();
  }

  @ParameterizedTest(name = "{0} yuan, ground {1} -> {2} ({3})")
  @CsvSource({
      "300000,   INVITED_LIMITED_SUPPLIERS,     INVITED_TENDER,          第二十九条第一项",
      "6000000,  INVITED_DISPROPORTIONATE_COST, INVITED_TENDER,          第二十九条第二项",
      "800000,   NEGOTIATION_UNCLEAR_SPECS,     COMPETITIVE_NEGOTIATION, 第三十条第二项",
      "5000000,  NEGOTIATION_URGENT,            COMPETITIVE_NEGOTIATION, 第三十条第三项",
      "200000,   NEGOTIATION_PRICE_UNKNOWN,     COMPETITIVE_NEGOTIATION, 第三十条第四项",
      "5000000,  NONE,                          OPEN_TENDER,             第二十六条"
  })
  void aGroundOfArticle29Or30GivesAnInvitedTenderOrANegotiationWhateverTheBudget(double budget, String ground,
      String method, String article) {
    DmnDecisionResultEntries result = engine.getDecisionService().evaluateDecisionByKey("ProcurementMethod")
        .variables(Variables.createVariables().putValue("budget", budget).putValue("singleSourceGround", "NONE")
            .putValue("methodGround", ground))
        .evaluate().getSingleResult();
    assertThat(result.<String>getEntry("procurementMethod")).isEqualTo(method);
    assertThat(result.<String>getEntry("methodRationale")).contains(article);
  }

  @Test
  void aRequestWithoutGroundIsTreatedAsNone() {
    assertThat(evaluate(500_000, null).<String>getEntry("procurementMethod")).isEqualTo("COMPETITIVE_CONSULTATION");
  }

  @Test
  void singleSourceCitesTheStatute() {
    assertThat(evaluate(100_000, "EMERGENCY").<String>getEntry("methodRationale")).contains("第三十一条第二项");
  }

  private DmnDecisionResultEntries evaluate(double budget, String ground) {
    return engine.getDecisionService().evaluateDecisionByKey("ProcurementMethod")
        .variables(Variables.createVariables().putValue("budget", budget).putValue("singleSourceGround", ground))
        .evaluate()
        .getSingleResult();
  }
}
