package org.publicservice.procurement.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.credit.CreditVariables;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node that was killed while it held job locks finds them again under its own name when it starts and gives them
 * back; another node's locks stay.
 */
@ProcurementSpringTest
class OwnJobLocksTest {

  @Autowired ProcessEngine engine;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired OwnJobLocks ownJobLocks;
  @Value("${procurement.node-name}") String nodeName;
  ProcessInstance first;
  ProcessInstance second;

  @AfterEach
  void tearDown() {
    new TestIdentities(identityService).actAsNobody();
    for (ProcessInstance instance : new ProcessInstance[] {first, second}) {
      if (instance != null) {
        runtimeService.deleteProcessInstance(instance.getId(), "test finished");
      }
    }
    jdbc.update("delete from credit_record where organisation_user_id = 'org-anle' and reason like 'OwnJobLocksTest%'");
  }

  @Test
  void aStartingNodeGivesBackTheLocksItsPreviousRunHeldAndNoOneElses() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
        .getLockOwner()).as("the job executor locks under the node's name").isEqualTo(nodeName);
    new TestIdentities(identityService).actAs("admin");
    first = enterCreditRecord("OwnJobLocksTest 1");
    second = enterCreditRecord("OwnJobLocksTest 2");
    Timestamp inAnHour = Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS));
    lock(first, nodeName, inAnHour);
    lock(second, "another-node", inAnHour);

    ownJobLocks.postProcessEngineBuild(engine);

    assertThat(jdbc.queryForList("select lock_owner_ from act_ru_job where process_instance_id_ = ?", String.class,
        first.getId())).as("this node's old lock").containsExactly((String) null);
    assertThat(jdbc.queryForList("select lock_owner_ from act_ru_job where process_instance_id_ = ?", String.class,
        second.getId())).as("the other node's lock").containsExactly("another-node");
  }

  /** An administrator's credit record: its start queues the job that writes the register. */
  private ProcessInstance enterCreditRecord(String reason) {
    String definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(CreditVariables.MAINTAIN_PROCESS).latestVersion().singleResult().getId();
    return formService.submitStartForm(definition, Variables.createVariables()
        .putValue(CreditVariables.ACTION, CreditVariables.ACTION_ADD).putValue(CreditVariables.ORGANISATION, "org-anle")
        .putValue(CreditVariables.LISTING, "MAJOR_TAX_VIOLATION").putValue(CreditVariables.EFFECT, "PENALISE")
        .putValue(CreditVariables.SOURCE, "国家税务总局重大税收违法失信主体信息公布栏").putValue(CreditVariables.REASON, reason)
        .putValue(CreditVariables.VALID_FROM, ProcurementTime.today().toString()));
  }

  private void lock(ProcessInstance instance, String owner, Timestamp until) {
    assertThat(jdbc.update("update act_ru_job set lock_owner_ = ?, lock_exp_time_ = ? where process_instance_id_ = ?",
        owner, until, instance.getId())).as("the queued job of %s", instance.getId()).isOne();
  }
}
