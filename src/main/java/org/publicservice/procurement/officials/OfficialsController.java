package org.publicservice.procurement.officials;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist's custom scripts ask about the logged-in official (scripts/officials.js, scripts/purchases.js):
 * her roles with what each does and where, whether she may create tasks or start processes (Tasklist offers both
 * buttons to everyone), and, for a purchasing department, its purchases. Answers only to a Tasklist login.
 */
@RestController
@RequestMapping("/officials")
class OfficialsController {

  private final PurchaseOverview purchases;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final RepositoryService repository;

  OfficialsController(PurchaseOverview purchases, IdentityService identity, AuthorizationService authorizations,
      RepositoryService repository) {
    this.purchases = purchases;
    this.identity = identity;
    this.authorizations = authorizations;
    this.repository = repository;
  }

  @GetMapping("/me")
  ResponseEntity<Map<String, Object>> me(HttpServletRequest request) {
    var login = WebappLogin.of(request);
    if (login.isEmpty()) {
      return refuse(HttpStatus.UNAUTHORIZED, "请先登录任务平台。");
    }
    String userId = login.get().userId();
    List<String> groups = login.get().groupIds();
    User user = identity.createUserQuery().userId(userId).singleResult();
    List<Group> departments = purchases.departmentsOf(groups);
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("userId", userId);
    me.put("name", user == null ? userId : user.getFirstName() + " " + user.getLastName());
    me.put("departments", departments.stream().map(Group::getName).toList());
    me.put("guides", RoleGuide.of(groups));
    me.put("mayCreateTasks", authorizations.isUserAuthorized(userId, groups, Permissions.CREATE, Resources.TASK));
    me.put("mayStartProcesses", startableProcesses(userId, groups) > 0);
    me.put("seesPurchases", !departments.isEmpty());
    return ok(me);
  }

  @GetMapping("/purchases")
  ResponseEntity<Map<String, Object>> purchases(HttpServletRequest request) {
    var login = WebappLogin.of(request);
    if (login.isEmpty()) {
      return refuse(HttpStatus.UNAUTHORIZED, "请先登录任务平台。");
    }
    List<Group> departments = purchases.departmentsOf(login.get().groupIds());
    if (departments.isEmpty()) {
      return refuse(HttpStatus.FORBIDDEN, "只有采购单位的工作人员可以查看本单位的采购项目。");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("departments", departments.stream().map(Group::getName).toList());
    answer.put("purchases", purchases.purchasesOf(departments));
    return ok(answer);
  }

  /** What Tasklist's start dialog would list for her: the latest active definitions she may start there. */
  private long startableProcesses(String userId, List<String> groups) {
    identity.setAuthentication(userId, groups);
    try {
      return repository.createProcessDefinitionQuery().latestVersion().active().startableInTasklist()
          .startablePermissionCheck().count();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static ResponseEntity<Map<String, Object>> ok(Map<String, Object> body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String message) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(Map.of("message", message));
  }
}
