package org.publicservice.procurement.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.planning.PurchaseRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * 我的采购项目 shows a department its own purchases only, with who acts next named by role outside the department,
 * and answers only to a Tasklist login.
 */
@ProcurementSpringTest
class PurchaseOverviewTest {

  @Autowired PurchaseOverview overview;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate rest;

  private final List<ProcessInstance> filed = new java.util.ArrayList<>();

  @AfterEach
  void withdraw() {
    filed.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
  }

  @Test
  void aDepartmentSeesItsOwnPurchasesWithStageDeadlineAndWhoActsByRole() {
    ProcessInstance civil = file("minzheng", "崇川区助浴服务（概览）", 880_000);
    ProcessInstance health = file("weijian", "社区康复训练服务（概览）", 990_000);
    // a finance official took the review: outside the department she is named by her role, not her name
    var review = taskService.createTaskQuery().processInstanceId(civil.getId()).singleResult();
    taskService.claim(review.getId(), "caizheng");

    List<Group> departments = overview.departmentsOf(List.of(Groups.PURCHASER, Groups.DEPT_CIVIL_AFFAIRS));
    assertThat(departments).extracting(Group::getId).containsExactly(Groups.DEPT_CIVIL_AFFAIRS);
    var purchases = overview.purchasesOf(departments);

    assertThat(purchases).extracting(PurchaseOverview.PurchaseStatus::projectNumber)
        .contains(civil.getBusinessKey()).doesNotContain(health.getBusinessKey());
    var status = purchases.stream().filter(p -> p.projectNumber().equals(civil.getBusinessKey())).findFirst()
        .orElseThrow();
    assertThat(status.serviceName()).isEqualTo("崇川区助浴服务（概览）");
    assertThat(status.budget()).isEqualTo("880,000.00元");
    assertThat(status.stage()).isEqualTo(PurchaseOverview.PLANNING_STAGE);
    assertThat(status.running()).isTrue();
    assertThat(status.steps()).singleElement().satisfies(step -> {
      assertThat(step.task()).isEqualTo("审核采购申请");
      assertThat(step.who()).isEqualTo("财政局").doesNotContain("赵");
      assertThat(step.due()).matches("\\d{4}-\\d{2}-\\d{2} 23:59");
      assertThat(step.overdue()).isFalse();
    });
    assertThat(status.nextDeadline().what()).isEqualTo("审核采购申请");
    assertThat(status.nextDeadline().at()).isEqualTo(status.steps().get(0).due());
  }

  @Test
  void theListsAnswerOnlyToATasklistLogin() {
    for (String path : List.of("/officials/me", "/officials/purchases")) {
      var answer = rest.getForEntity(path, Map.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(answer.getBody()).containsEntry("message", "请先登录任务平台。");
    }
  }

  private ProcessInstance file(String userId, String serviceName, long budget) {
    ProcessInstance instance = PurchaseFiling.fileAs(engine, userId,
        PurchaseRequests.elderlyCare(budget).putValue(PlanningVariables.SERVICE_NAME, serviceName));
    filed.add(instance);
    return instance;
  }
}
