package org.publicservice.procurement.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What each demo user can and cannot do, checked over HTTP as Tasklist, Cockpit and Desktop Modeler do it, in the
 * shared test context (profiles demo and test: the demo users exist from start-up).
 */
@ProcurementSpringTest
class AccessControlTest {

  private static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentitySetup identitySetup;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeTestDeployments() {
    identityService.clearAuthentication();
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void restApiRefusesAnonymousCalls() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/deployment?maxResults=0", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void actuatorHealthStaysOpen() {
    ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("UP");
  }

  @Test
  void designerDeploysFromDesktopModelerAndAnAdministratorApproves() {
    var designer = rest.withBasicAuth("sheji", PASSWORD);
    // Modeler's connection check before it offers to deploy
    assertThat(designer.getForEntity("/engine-rest/deployment?maxResults=0", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(designer.getForEntity("/engine-rest/version", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<Map<String, Object>> response = deployAsModeler("sheji", "IdentityModelerDeploy");

    // four eyes (security/DeploymentProposals): held until an administrator approves
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat((String) response.getBody().get("message")).contains("等待系统管理员审批");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("IdentityModelerDeploy").count())
        .isZero();
    String proposal = (String) response.getBody().get("proposalId");
    String task = (String) rest.withBasicAuth("admin", PASSWORD).exchange(
        "/engine-rest/task?processInstanceBusinessKey=" + proposal, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().get(0).get("id");
    assertThat(post("admin", "/engine-rest/task/" + task + "/claim", Map.of("userId", "admin")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("admin", "/engine-rest/task/" + task + "/submit-form", Map.of("variables",
        Map.of("deploymentDecision", Map.of("value", "APPROVE")))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("IdentityModelerDeploy")
        .singleResult();
    deployments.add(definition.getDeploymentId());
    assertThat(repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult()
        .getSource()).contains("sheji", "admin");
  }

  @Test
  void purchaserCannotDeploy() {
    ResponseEntity<Map<String, Object>> response = deployAsModeler("minzheng", "IdentityPurchaserDeploy");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("IdentityPurchaserDeploy")
        .count()).isZero();
  }

  @Test
  void purchaserFilesARequestThroughTheStartForm() {
    var purchaser = rest.withBasicAuth("minzheng", PASSWORD);
    assertThat(purchaser.getForEntity("/engine-rest/process-definition/key/" + ProcessKeys.PUBLIC_SERVICE_PURCHASE
        + "/deployed-start-form", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    String instanceId = fileRequestAs("minzheng");

    assertThat(runtimeService.getVariable(instanceId, "requester")).isEqualTo("minzheng");
    // only purchasers start purchases
    assertThat(rest.withBasicAuth("caizheng", PASSWORD).postForEntity("/engine-rest/process-definition/key/"
        + ProcessKeys.PUBLIC_SERVICE_PURCHASE + "/submit-form", Map.of("variables", purchaseRequest()), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void onlyFinanceSeesClaimsAndCompletesTheReviewOfARequest() {
    String instanceId = fileRequestAs("minzheng");

    for (String outsider : List.of("org-yangguang", "minzheng", "weijian", "expert01", "pingjia", "sheji")) {
      assertThat(tasksOf(outsider, instanceId)).as(outsider).isEmpty();
    }
    List<Map<String, Object>> financeTasks = tasksOf("caizheng", instanceId);
    assertThat(financeTasks).singleElement().satisfies(t -> assertThat(t.get("taskDefinitionKey"))
        .isEqualTo("Task_ReviewRequest"));
    String taskId = (String) financeTasks.get(0).get("id");

    // a social organisation that guesses the id can neither open nor claim the task (for it, there is none)
    assertThat(rest.withBasicAuth("org-yangguang", PASSWORD).getForEntity("/engine-rest/task/" + taskId, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("org-yangguang", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "org-yangguang"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // finance opens the form as Tasklist does, claims and decides
    var finance = rest.withBasicAuth("caizheng", PASSWORD);
    assertThat(finance.getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(finance.getForEntity("/engine-rest/task/" + taskId + "/form-variables", String.class).getBody())
        .contains("崇川区居家养老上门服务");
    assertThat(post("caizheng", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "caizheng"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("caizheng", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
        "reviewDecision", Map.of("value", "RETURN"), "reviewComment", Map.of("value", "请补充服务人次的测算依据。"))))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // the revision goes to the requesting department only
    assertThat(tasksOf("minzheng2", instanceId)).singleElement()
        .satisfies(t -> assertThat(t.get("taskDefinitionKey")).isEqualTo("Task_ReviseRequest"));
    assertThat(tasksOf("weijian", instanceId)).isEmpty();
    assertThat(tasksOf("caizheng", instanceId)).isEmpty();
    assertThat(tasksOf("org-yangguang", instanceId)).isEmpty();
  }

  @Test
  void financeFindsTheReviewInItsGroupListAndASocialOrganisationDoesNot() {
    String instanceId = fileRequestAs("weijian");
    String groupFilter = filterService.createFilterQuery().filterName("本组待办").singleResult().getId();
    String requestFilter = filterService.createFilterQuery().filterName("采购需求").singleResult().getId();

    assertThat(filterList("caizheng", groupFilter)).extracting(t -> t.get("processInstanceId")).contains(instanceId);
    assertThat(filterList("caizheng", requestFilter)).extracting(t -> t.get("processInstanceId")).contains(instanceId);
    assertThat(filterList("org-yangguang", groupFilter)).extracting(t -> t.get("processInstanceId"))
        .doesNotContain(instanceId);
    // the task card in Tasklist names the project
    assertThat(rest.withBasicAuth("caizheng", PASSWORD).exchange(RequestEntity.get(
        "/engine-rest/filter/" + groupFilter + "/list").accept(MediaType.parseMediaType("application/hal+json"))
        .build(), String.class).getBody()).contains("projectNumber", "崇川区居家养老上门服务", "南通市卫生健康委员会");
    // a filter a group is not given cannot be used by it at all
    assertThat(rest.withBasicAuth("org-yangguang", PASSWORD).getForEntity(
        "/engine-rest/filter/" + requestFilter + "/list", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void supervisorSeesEveryTaskButCannotWorkOnIt() {
    String instanceId = fileRequestAs("minzheng");

    List<Map<String, Object>> tasks = tasksOf("jiandu", instanceId);
    assertThat(tasks).hasSize(1);
    String taskId = (String) tasks.get(0).get("id");
    assertThat(post("jiandu", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "jiandu"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("jiandu", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of()))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("jiandu", PASSWORD).getForEntity(
        "/engine-rest/history/process-instance?processInstanceId=" + instanceId, String.class).getBody())
        .contains(instanceId);
  }

  @Test
  void onlySupervisorsAndAdministratorsOpenCockpit() throws Exception {
    assertThat(webappLogin("minzheng", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("caizheng", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("sheji", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("jiandu", "cockpit")).isEqualTo(200);
    assertThat(webappLogin("admin", "cockpit")).isEqualTo(200);
  }

  @Test
  void onlyAdministratorsOpenAdmin() throws Exception {
    assertThat(webappLogin("jiandu", "admin")).isEqualTo(403);
    assertThat(webappLogin("sheji", "admin")).isEqualTo(403);
    assertThat(webappLogin("admin", "admin")).isEqualTo(200);
  }

  @Test
  void everyRoleOpensTasklist() throws Exception {
    for (String user : List.of("minzheng", "weijian", "caizheng", "expert07", "org-anle", "pingjia", "jiandu",
        "sheji", "admin")) {
      assertThat(webappLogin(user, "tasklist")).as(user).isEqualTo(200);
    }
  }

  @Test
  void eachRoleGetsItsTasklistFilters() {
    List<String> common = List.of("我的任务", "本组待办", "已逾期");
    assertThat(filtersOf("minzheng")).containsExactlyElementsOf(with(common, "采购需求", "招标与合同", "履约与评价"));
    assertThat(filtersOf("weijian")).containsExactlyElementsOf(with(common, "采购需求", "招标与合同", "履约与评价"));
    assertThat(filtersOf("caizheng")).containsExactlyElementsOf(with(common, "采购需求", "招标与合同", "履约与评价"));
    assertThat(filtersOf("expert01")).containsExactlyElementsOf(with(common, "评审任务"));
    assertThat(filtersOf("org-xinyu")).containsExactlyElementsOf(with(common, "招标与合同", "履约与评价"));
    assertThat(filtersOf("pingjia")).containsExactlyElementsOf(with(common, "履约与评价"));
    assertThat(filtersOf("jiandu")).containsExactlyElementsOf(with(common, "全部任务"));
    assertThat(filtersOf("sheji")).containsExactlyElementsOf(common);
    assertThat(filtersOf("admin")).containsExactlyElementsOf(
        with(common, "采购需求", "招标与合同", "评审任务", "履约与评价", "全部任务"));
  }

  @Test
  void tasklistOffersEachRoleOnlyTheProcessesItMayStartAndNeverATechnicalOne() {
    assertThat(startableBy("minzheng")).contains(ProcessKeys.PUBLIC_SERVICE_PURCHASE);
    assertThat(startableBy("admin")).contains(ProcessKeys.MAINTAIN_HOLIDAY_SCHEDULE);
    assertThat(startableBy("caizheng")).doesNotContain(ProcessKeys.PUBLIC_SERVICE_PURCHASE);
    // objections to a single-source notice, challenges to an award and complaints come from social organisations;
    // the stages themselves are never started by hand
    assertThat(startableBy("org-xinyu")).containsExactlyInAnyOrder(ProcessKeys.SINGLE_SOURCE_OBJECTION,
        ProcessKeys.BID_CHALLENGE, ProcessKeys.BID_COMPLAINT);
    assertThat(startableBy("minzheng")).doesNotContain(ProcessKeys.SINGLE_SOURCE_OBJECTION, ProcessKeys.SINGLE_SOURCE_STAGE);
    assertThat(startableBy("jiandu")).isEmpty();
    for (String user : List.of("minzheng", "caizheng", "org-xinyu", "jiandu", "sheji", "admin")) {
      assertThat(startableBy(user)).as("technical processes in %s's start menu", user)
          .doesNotContain("MailDelivery", "TaskDeadlineWatch", "CheckHolidaySchedule");
    }
  }

  /** The processes Tasklist lists under "Start process" for this user. */
  private List<String> startableBy(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId()).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return repositoryService.createProcessDefinitionQuery().startableInTasklist().startablePermissionCheck()
          .latestVersion().list().stream().map(d -> d.getKey()).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void demoUsersHaveTheirRolesAndMailAddresses() {
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.EXPERT).count()).isEqualTo(11);
    // the demo's suppliers of every type; suppliers registered by other tests may be there too
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.SOCIAL_ORGANISATION).list())
        .hasSizeGreaterThanOrEqualTo(11)
        .extracting(User::getFirstName).contains("南通阳光养老服务中心", "南通康宁健康管理有限公司", "南通市社会福利院", "张岚");
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.DEPT_CIVIL_AFFAIRS).list())
        .extracting(User::getId).contains("minzheng", "minzheng2").doesNotContain("weijian");
    assertThat(groupsOf("minzheng")).containsExactlyInAnyOrder(Groups.PURCHASER, Groups.DEPT_CIVIL_AFFAIRS);
    assertThat(groupsOf("weijian")).containsExactlyInAnyOrder(Groups.PURCHASER, Groups.DEPT_HEALTH);
    assertThat(identityService.createGroupQuery().groupId(Groups.DEPT_HEALTH).singleResult().getType())
        .isEqualTo(Groups.TYPE_DEPARTMENT);
    for (String role : Groups.ROLES) {
      assertThat(identityService.createUserQuery().memberOfGroup(role).count()).as(role).isPositive();
    }
    for (DemoAccounts.DemoUser demo : DemoAccounts.USERS) {
      User user = identityService.createUserQuery().userId(demo.id()).singleResult();
      assertThat(user.getEmail()).isEqualTo(demo.id() + "@demo.local");
      assertThat(groupsOf(demo.id())).containsExactlyInAnyOrderElementsOf(demo.groups());
    }
  }

  @Test
  void aRestartChangesNothing() {
    long users = identityService.createUserQuery().count();
    long memberships = identityService.createGroupQuery().groupMember("minzheng").count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();

    identitySetup.onDeployed(new PostDeployEvent(processEngine));

    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().groupMember("minzheng").count()).isEqualTo(memberships);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  // ---------------------------------------------------------------------------------------------------------

  private ResponseEntity<Map<String, Object>> deployAsModeler(String user, String processKey) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(processKey).name("Modeler 部署检查")
        .startEvent("StartEvent_Submitted").userTask("Task_Check").name("检查").camundaCandidateGroups("designer")
        .endEvent("EndEvent_Done").done();
    byte[] bpmn = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", processKey);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("enable-duplicate-filtering", "true");
    parts.add("deploy-changed-only", "true");
    parts.add(processKey + ".bpmn", new ByteArrayResource(bpmn) {
      @Override
      public String getFilename() {
        return processKey + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(parts, headers), new ParameterizedTypeReference<>() { });
  }

  /** Files a valid purchase request through the start form, as Tasklist submits it for this purchaser. */
  private String fileRequestAs(String purchaser) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(purchaser, PASSWORD).exchange(
        "/engine-rest/process-definition/key/" + ProcessKeys.PUBLIC_SERVICE_PURCHASE + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", purchaseRequest())),
        new ParameterizedTypeReference<>() { });
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return (String) response.getBody().get("id");
  }

  private static Map<String, Object> purchaseRequest() {
    LocalDate start = ProcurementTime.today().plusMonths(2).withDayOfMonth(1);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("serviceName", Map.of("value", "崇川区居家养老上门服务"));
    form.put("serviceCategory", Map.of("value", "ELDERLY_CARE"));
    form.put("serviceDescription", Map.of("value", "为辖区内800名失能、半失能老人提供助餐、助洁、助浴等上门服务。"));
    form.put("serviceStandards", Map.of("value", "每名老人每月上门服务不少于8次，每次不少于1小时。"));
    form.put("indicators", Map.of("type", "Json",
        "value", "[{\"name\": \"服务对象满意度\", \"target\": \"90%\"}]"));
    form.put("budget", Map.of("value", 600000));
    form.put("servicePeriodStart", Map.of("value", start.toString()));
    form.put("servicePeriodEnd", Map.of("value", start.plusYears(1).minusDays(1).toString()));
    form.put("region", Map.of("value", "南通市崇川区"));
    form.put("servesPublic", Map.of("value", true));
    form.put("needsAssessment", Map.of("value", "入户问卷调查并召开专家论证会。"));
    form.put("surveyRespondents", Map.of("value", 120));
    form.put("singleSourceGround", Map.of("value", "NONE"));
    return form;
  }

  private List<Map<String, Object>> tasksOf(String user, String instanceId) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, PASSWORD).exchange(
        "/engine-rest/task?processInstanceId=" + instanceId, HttpMethod.GET, null,
        new ParameterizedTypeReference<>() { });
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private List<Map<String, Object>> filterList(String user, String filterId) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, PASSWORD).exchange(
        "/engine-rest/filter/" + filterId + "/list", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private ResponseEntity<String> post(String user, String path, Map<String, Object> body) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, String.class);
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private List<String> filtersOf(String user) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      return filterService.createTaskFilterQuery().list().stream()
          .sorted((a, b) -> Integer.compare(priority(a), priority(b)))
          .map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static int priority(Filter filter) {
    return ((Number) filter.getProperties().get("priority")).intValue();
  }

  private static List<String> with(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(more));
    return all;
  }

  /** Logs into a webapp as its login page does: fetch the CSRF token, then post the credentials. */
  private int webappLogin(String user, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    HttpResponse<String> page = client.send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
    HttpResponse<String> login = client.send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    return login.statusCode();
  }
}
