package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a stage gets when the purchase calls it is its contract (docs/stages.md) and nothing more: the tender stage an
 * approved plan starts sees the purchase's identity and the facts its documents and notice need, not the request's
 * needs assessment, the finance review or the method's decision.
 */
@ProcurementSpringTest
class StageHandOverTest {

  @Autowired ProcessEngine engine;

  @Test
  void theTenderStageOfAnApprovedPlanReceivesExactlyItsContract() throws Exception {
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request("交接测试助老服务", 600_000));
    var runtime = engine.getRuntimeService();
    var purchase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(projectNumber)
        .processDefinitionKey("PublicServicePurchase").singleResult();
    var tender = runtime.createProcessInstanceQuery().superProcessInstanceId(purchase.getId()).singleResult();
    assertThat(tender.getProcessDefinitionId()).startsWith("TenderStage:");

    var received = runtime.getVariables(tender.getId());
    assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(
        StageContractTest.Contract.read().receives("TenderStage"));
    assertThat(received).containsEntry("projectNumber", projectNumber).containsEntry("budget", 600_000L)
        .containsEntry("serviceName", "交接测试助老服务").containsEntry("failedTenderReason", null);
    assertThat(runtime.getVariables(purchase.getId())).containsKeys("needsAssessment", "reviewDecision",
        "methodDecision");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(tender.getId())
        .count()).isEqualTo(received.size());

    // what Tasklist loads for 编制招标文件 in a first round: no empty variable whose type Null it would submit back
    // (the engine refuses a value of type Null: "Cannot convert value ... of type 'Null'")
    var documents = engine.getTaskService().createTaskQuery().processInstanceId(tender.getId())
        .taskDefinitionKey("Task_PrepareDocuments").singleResult();
    assertThat(received).containsEntry("evaluationCriteria", null);
    var officials = new TestIdentities(engine.getIdentityService());
    officials.actAs(TestIdentities.PURCHASER);
    try {
      var shown = engine.getFormService().getTaskFormVariables(documents.getId(), null, false);
      assertThat(shown).containsKey("projectNumber").doesNotContainKey("evaluationCriteria");
      shown.keySet().forEach(name -> assertThat(shown.getValueTyped(name).getType()).as(name)
          .isNotEqualTo(org.camunda.bpm.engine.variable.type.ValueType.NULL));
    } finally {
      officials.actAsNobody();
    }
  }
}
