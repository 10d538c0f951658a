package org.publicservice.procurement.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.planning.ApprovedPlans;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history keeps the record of a purchase (who did what and when, the final values) without a copy of
 * every intermediate value and every job, and of the deadline scan only that it ran.
 */
@ProcurementSpringTest
class HistoryLevelTest {

  @Autowired ProcessEngine engine;

  @Test
  void aPurchaseKeepsItsRecordButNotEveryTechnicalStep() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel())
        .isSameAs(ProcurementHistoryLevel.INSTANCE);
    String projectNumber = new ApprovedPlans(engine).approve(ApprovedPlans.request("历史记录测试助老服务", 600_000));
    var history = engine.getHistoryService();
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(projectNumber)
        .processDefinitionKey("PublicServicePurchase").singleResult().getId();

    var review = history.createHistoricTaskInstanceQuery().processInstanceId(instance)
        .taskDefinitionKey("Task_ReviewRequest").singleResult();
    assertThat(review.getAssignee()).isEqualTo(TestIdentities.FINANCE_OFFICIAL);
    assertThat(review.getEndTime()).isNotNull();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId("Task_PublishProcurementIntention").count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("reviewDecision")
        .singleResult().getValue()).isEqualTo("APPROVE");
    assertThat(history.createUserOperationLogQuery().taskId(review.getId()).operationType("Claim").count())
        .isEqualTo(1);
    // the method's decision is kept (the finance review's splitting check asks the same table once more)
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance)
        .activityIdIn("Task_ChooseProcurementMethod").count()).isEqualTo(1);
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(review.getId()).groupId("finance").count())
        .isPositive();

    assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void theDeadlineScanKeepsOnlyThatItRan() {
    var jobs = engine.getManagementService();
    var history = engine.getHistoryService();
    var timer = jobs.createJobQuery().processDefinitionKey("TaskDeadlineWatch").timers().singleResult();
    jobs.executeJob(timer.getId());
    var scan = history.createHistoricProcessInstanceQuery().processDefinitionKey("TaskDeadlineWatch")
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
    jobs.createJobQuery().processInstanceId(scan.getId()).list().forEach(job -> jobs.executeJob(job.getId()));

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(scan.getId()).singleResult()
        .getEndTime()).isNotNull();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(scan.getId()).count()).isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(scan.getId()).count()).isZero();
  }

  @Test
  void onlyTheTechnicalProcessesAreRecordedAsRunsAlone() {
    assertThat(ProcurementHistoryLevel.technical("TaskDeadlineWatch:3:4f1c")).isTrue();
    assertThat(ProcurementHistoryLevel.technical("TaskDeadlineWatchExtra:1:9")).isFalse();
    assertThat(ProcurementHistoryLevel.technical("PublicServicePurchase:2:77")).isFalse();
    assertThat(ProcurementHistoryLevel.technical(null)).isFalse();
  }
}
