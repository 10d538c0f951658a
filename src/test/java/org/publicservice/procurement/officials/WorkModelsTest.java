package org.publicservice.procurement.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the models offer officials in Tasklist: only purchases, objections, challenges, complaints and the
 * administrators' registers can be started by hand (a stage runs only inside its purchase), and every task has a
 * deadline that Tasklist shows and the 已逾期 list uses.
 */
class WorkModelsTest {

  /** Processes a person starts from Tasklist's 发起流程; every other process is started by the procedure. */
  static final Set<String> STARTED_BY_HAND = Set.of("PublicServicePurchase", "SingleSourceObjection", "BidChallenge",
      "BidComplaint", "MaintainHolidaySchedule", "MaintainCreditRecord");

  /** Tasks without a deadline, and why. */
  static final Map<String, String> WITHOUT_DEADLINE = Map.of(
      "Task_AmendDocuments", "optional; offered until the bid deadline, which ends it");

  static final Map<String, BpmnModelInstance> MODELS = new LinkedHashMap<>();

  @BeforeAll
  static void readModels() throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      try (InputStream in = resource.getInputStream()) {
        MODELS.put(resource.getFilename(), Bpmn.readModelFromStream(in));
      }
    }
    assertThat(MODELS).hasSizeGreaterThan(15);
  }

  @Test
  void onlyWhatAPersonStartsIsOfferedInTheStartMenu() {
    Set<String> startable = new TreeSet<>();
    MODELS.forEach((file, model) -> model.getModelElementsByType(Process.class).forEach(process -> {
      assertThat(process.getDomElement().hasAttribute("http://camunda.org/schema/1.0/bpmn", "isStartableInTasklist"))
          .as("%s states whether Tasklist offers it", file).isTrue();
      if (process.isCamundaStartableInTasklist()) {
        startable.add(process.getId());
        assertThat(process.getCamundaCandidateStarterGroups()).as("who may start %s", process.getId()).isNotBlank();
      }
    }));
    assertThat(startable).containsExactlyInAnyOrderElementsOf(STARTED_BY_HAND);
  }

  @Test
  void everyTaskHasADeadline() {
    List<String> without = MODELS.values().stream()
        .flatMap(model -> model.getModelElementsByType(UserTask.class).stream())
        .filter(task -> task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank())
        .map(UserTask::getId).toList();
    assertThat(without).containsExactlyInAnyOrderElementsOf(WITHOUT_DEADLINE.keySet());
  }
}
