package org.publicservice.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Attack 3 of issue 12 replayed as the designer sheji deploying from Desktop Modeler: a model that calls a bean
 * (the bid box), reaches the engine through the context, runs a script or a Java class, or a decision or form with
 * code, is refused with 400 and a Chinese reason, and nothing is deployed. A vetted model is held for an
 * administrator's approval (four eyes) and then deployed; the designer cannot approve his own.
 */
@ProcurementSpringTest
class DeploymentVettingTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired DeploymentProposals proposals;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bid box read early     | <bpmn:serviceTask id='T' camunda:expression=\"${bidBox.ownBid('NT-2026-0001', 'org-xinyu')}\"/> | 未经审核的方法",
      "bean named whole       | <bpmn:serviceTask id='T' camunda:delegateExpression='${bidBox}'/>                   | 应用组件“bidBox”",
      "engine via execution   | <bpmn:serviceTask id='T' camunda:expression='${execution.processEngineServices.identityService}'/> | 不允许的属性",
      "engine via method      | <bpmn:serviceTask id='T' camunda:expression=\"${execution.getProcessEngine().getIdentityService().createMembership('sheji','camunda-admin')}\"/> | 未经审核的方法",
      "identity service bean  | <bpmn:serviceTask id='T' camunda:expression=\"${identityService.createMembership('sheji', 'camunda-admin')}\"/> | 未经审核的方法",
      "class of a variable    | <bpmn:serviceTask id='T' camunda:expression='${budget.class.forName(\"java.lang.Runtime\")}'/> | 未经审核的方法",
      "java class             | <bpmn:serviceTask id='T' camunda:class='java.lang.Object'/>                         | camunda:class",
      "script task            | <bpmn:scriptTask id='T' scriptFormat='javascript'><bpmn:script>1</bpmn:script></bpmn:scriptTask> | 脚本",
      "external task          | <bpmn:serviceTask id='T' camunda:type='external' camunda:topic='x'/>                | 外部任务",
      "embedded html form     | <bpmn:userTask id='T' camunda:formKey='embedded:deployment:x.html'/>                | formKey",
      "unknown function       | <bpmn:userTask id='T' camunda:assignee='${evil()}'/>                                 | 未知函数",
      "listener on a bean     | <bpmn:userTask id='T'><bpmn:extensionElements><camunda:taskListener event='create' expression='${bidBox.open(task)}'/></bpmn:extensionElements></bpmn:userTask> | 未经审核的方法"})
  void aModelThatReachesBeyondTheVettedSetIsRefused(String attack, String element, String reason) {
    String key = "Vetting" + Math.abs(attack.hashCode());
    ResponseEntity<Map<String, Object>> response = deploy("sheji", Map.of(key + ".bpmn", process(key, element)));

    assertThat(response.getStatusCode()).as(attack).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).as(attack).startsWith("部署被拒绝").contains(reason);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
  }

  @Test
  void decisionsAndFormsWithCodeAndOtherFilesAreRefused() {
    String javascriptDecision = "<definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' id='d' name='d'"
        + " namespace='x'><decision id='VettingDecision' name='d'><decisionTable id='t'><input id='i'>"
        + "<inputExpression id='ie' typeRef='string' expressionLanguage='javascript'><text>1</text>"
        + "</inputExpression></input><output id='o' typeRef='string'/></decisionTable></decision></definitions>";
    assertThat(deploy("sheji", Map.of("vetting.dmn", javascriptDecision)).getBody().get("message").toString())
        .contains("FEEL");
    String iframeForm = "{\"id\":\"vetting-form\",\"type\":\"default\",\"components\":[{\"type\":\"iframe\","
        + "\"url\":\"https://example.com/\"}]}";
    assertThat(deploy("sheji", Map.of("vetting.form", iframeForm)).getBody().get("message").toString())
        .contains("iframe");
    assertThat(deploy("sheji", Map.of("steal.js", "fetch('/engine-rest/task')")).getBody().get("message")
        .toString()).contains(".bpmn");
    // the application's own start-up deployment passed the same rules: its models are deployed
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("TenderStage")
        .count()).isPositive();
  }

  @Test
  void aVettedModelWaitsForAnotherAdministratorsApproval() {
    String key = "VettingApproved";
    ResponseEntity<Map<String, Object>> response = deploy("sheji", Map.of(key + ".bpmn", process(key,
        "<bpmn:userTask id='T' camunda:candidateGroups='designer' "
            + "camunda:dueDate='${workingDays.after(now(), 5)}'/>")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String proposal = (String) response.getBody().get("proposalId");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
    assertThat(proposals.status(proposal)).isEqualTo(DeploymentProposals.PENDING);
    // neither the designer nor anyone but an administrator sees the approval task
    assertThat(EngineHttp.as(rest, "sheji").get("/engine-rest/task?processInstanceBusinessKey=" + proposal)
        .getBody()).isEqualTo("[]");

    // an administrator who proposed it himself could not approve it
    engine.getIdentityService().createMembership("sheji", Groups.ADMIN);
    try {
      String task = taskOf(proposal);
      EngineHttp sheji = EngineHttp.as(rest, "sheji");
      ResponseEntity<String> own = sheji.submit(task, Map.of("deploymentDecision", Map.of("value", "APPROVE")));
      assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(own.getBody()).contains("不能审批自己的部署");
    } finally {
      engine.getIdentityService().deleteMembership("sheji", Groups.ADMIN);
    }

    String task = taskOf(proposal);
    EngineHttp admin = EngineHttp.as(rest, "admin");
    admin.post("/engine-rest/task/" + task + "/unclaim", Map.of());
    assertThat(admin.get("/engine-rest/task/" + task + "/form-variables").getBody())
        .contains("VettingApproved.bpmn", "workingDays.after(now(), 5)");
    assertThat(admin.submit(task, Map.of("deploymentDecision", Map.of("value", "APPROVE"))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(proposals.status(proposal)).isEqualTo(DeploymentProposals.APPROVED);
    var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .singleResult();
    assertThat(definition).isNotNull();
    engine.getRepositoryService().deleteDeployment(definition.getDeploymentId(), true);
  }

  @Test
  void aRefusedProposalNeedsAReasonAndDeploysNothing() {
    String key = "VettingRejected";
    String proposal = (String) deploy("sheji", Map.of(key + ".bpmn",
        process(key, "<bpmn:userTask id='T' camunda:candidateGroups='designer'/>"))).getBody().get("proposalId");
    EngineHttp admin = EngineHttp.as(rest, "admin");
    String task = taskOf(proposal);

    assertThat(admin.submit(task, Map.of("deploymentDecision", Map.of("value", "REJECT"))).getBody())
        .contains("请说明理由");
    assertThat(admin.submit(task, Map.of("deploymentDecision", Map.of("value", "REJECT"),
        "deploymentDecisionComment", Map.of("value", "调用的组件与需求不符。"))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(proposals.status(proposal)).isEqualTo(DeploymentProposals.REJECTED);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
  }

  @Test
  void aChangeToTheApplicationsOwnStagesIsSummedUpWholeForTheApprover() throws Exception {
    // five of the application's own models: their expressions alone give some 5,500 characters of summary, more
    // than the 4,000 a String variable holds, which made the proposal itself fail
    Map<String, String> models = new java.util.LinkedHashMap<>();
    for (String stage : List.of("ReviewStage", "PublicServicePurchase", "TenderStage", "ContractStage",
        "BidComplaint")) {
      models.put(stage + ".bpmn", java.nio.file.Files.readString(java.nio.file.Path.of("processes", stage + ".bpmn")));
    }
    ResponseEntity<Map<String, Object>> response = deploy("sheji", models);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String proposal = (String) response.getBody().get("proposalId");
    String task = taskOf(proposal);
    String summary = (String) engine.getTaskService().getVariable(task, DeploymentApprovalVariables.RESOURCE_SUMMARY);
    assertThat(summary).hasSizeGreaterThan(4000).contains("ReviewStage.bpmn", "BidComplaint.bpmn",
        "${drawReviewPanelDelegate}");

    EngineHttp admin = EngineHttp.as(rest, "admin");
    assertThat(admin.submit(task, Map.of("deploymentDecision", Map.of("value", "REJECT"),
        "deploymentDecisionComment", Map.of("value", "测试提交，不予部署。"))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(proposals.status(proposal)).isEqualTo(DeploymentProposals.REJECTED);
  }

  @Test
  void atRunTimeExpressionsReachOnlyTheVettedBeans() {
    ExpressionManager expressions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getExpressionManager();
    String key = "VettingRuntime";
    engine.getRepositoryService().createDeployment().addString(key + ".bpmn", process(key,
        "<bpmn:userTask id='T' camunda:candidateGroups='designer'/>")).deploy();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key);
    var execution = (org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) engine.getRuntimeService()
        .createExecutionQuery().executionId(instance.getId()).singleResult();

    Object calendar = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> expressions.createExpression("${workingDays}")
            .getValue(context.getExecutionManager().findExecutionById(execution.getId())));
    assertThat(calendar).isNotNull();
    assertThatThrownBy(() -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> expressions.createExpression("${bidBox}")
            .getValue(context.getExecutionManager().findExecutionById(execution.getId()))))
        .hasMessageContaining("bidBox");
    engine.getRepositoryService().deleteDeployment(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).singleResult().getDeploymentId(), true);
  }

  private String taskOf(String proposal) {
    List<Map<String, Object>> tasks = EngineHttp.as(rest, "admin")
        .list("/engine-rest/task?processInstanceBusinessKey=" + proposal);
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  private static String process(String key, String element) {
    return "<?xml version='1.0' encoding='UTF-8'?><bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' id='D' targetNamespace='x'>"
        + "<bpmn:process id='" + key + "' isExecutable='true'><bpmn:startEvent id='S'/>"
        + "<bpmn:sequenceFlow id='F1' sourceRef='S' targetRef='T'/>" + element
        + "<bpmn:sequenceFlow id='F2' sourceRef='T' targetRef='E'/><bpmn:endEvent id='E'/></bpmn:process>"
        + "</bpmn:definitions>";
  }

  /** Deploys as Desktop Modeler does: multipart with name, source and the files. */
  private ResponseEntity<Map<String, Object>> deploy(String user, Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "vetting-test");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("enable-duplicate-filtering", "true");
    files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, EngineHttp.PASSWORD).exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(parts, headers), new ParameterizedTypeReference<>() { });
  }
}
