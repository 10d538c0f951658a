package org.publicservice.procurement.notification;

import static org.publicservice.procurement.notification.MailVariables.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.identity.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends event mails: the API the procedure stages call. A call writes the mail to the outbox in the caller's
 * transaction (inside the engine: the step's own transaction and connection); the {@link MailDispatcher} sends it
 * after that transaction committed, and never for a step that rolls back.
 *
 * <p>{@code eventKey} names the event ("award-published:NT-2026-0001"); together with the recipient it makes a
 * mail unique, so repeating a call for the same event and person sends nothing more. Users come from the
 * engine's identity service; a user without an e-mail address is skipped and logged.
 *
 * <p>Inside a delegate or listener, prefer the variants that take the {@link DelegateExecution}: they add the
 * project number and the service name to the model and derive the event key from the step.
 */
@Component
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final MailOutbox outbox;
  private final MailDispatcher dispatcher;
  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final ProcessEngine processEngine;

  // The engine's services are lazy: the engine is built with the task listener plugin, which needs this bean.
  public Notifications(MailOutbox outbox, @Lazy MailDispatcher dispatcher, @Lazy IdentityService identityService,
      @Lazy RepositoryService repositoryService, @Lazy ProcessEngine processEngine) {
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.processEngine = processEngine;
  }

  /**
   * Mails the user; returns the number of mails queued (0 when the user has no address or had it already). Mails are
   * queued as the system ({@link SystemAccess}): whoever's action causes a mail may not read other users' profiles,
   * and need not.
   */
  @Transactional
  public int toUser(String userId, String template, String eventKey, Map<String, ?> model) {
    return SystemAccess.run(processEngine, () -> queueForUser(userId, template, eventKey, model));
  }

  private int queueForUser(String userId, String template, String eventKey, Map<String, ?> model) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      LOG.warn("Mail '{}' for event {} not sent: there is no user '{}'", template, eventKey, userId);
      return 0;
    }
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      LOG.info("Mail '{}' for event {} not sent: user '{}' has no e-mail address", template, eventKey, userId);
      return 0;
    }
    Map<String, Object> personal = new LinkedHashMap<>(model);
    personal.put(MODEL_RECIPIENT_NAME, displayName(user));
    return enqueue(eventKey + ":" + userId, template, userId, user.getEmail().trim(), personal);
  }

  /** Mails every member of the group; a member in several groups of one event gets one mail. */
  @Transactional
  public int toGroup(String groupId, String template, String eventKey, Map<String, ?> model) {
    return SystemAccess.run(processEngine, () -> {
      int queued = 0;
      for (String userId : membersOf(groupId)) {
        queued += queueForUser(userId, template, eventKey, model);
      }
      return queued;
    });
  }

  /** Mails an address that belongs to no user (for example a supplier's contact address). */
  @Transactional
  public int toAddress(String address, String template, String eventKey, Map<String, ?> model) {
    if (address == null || address.isBlank()) {
      LOG.info("Mail '{}' for event {} not sent: no address", template, eventKey);
      return 0;
    }
    String trimmed = address.trim();
    return SystemAccess.run(processEngine,
        () -> enqueue(eventKey + ":" + trimmed.toLowerCase(Locale.ROOT), template, null, trimmed, model));
  }

  /** {@link #toUser} from a step of a process: project data added to the model, event key from the step. */
  public int toUser(DelegateExecution execution, String userId, String template, Map<String, ?> model) {
    return toUser(userId, template, eventKey(execution, template), projectModel(execution, model));
  }

  public int toGroup(DelegateExecution execution, String groupId, String template, Map<String, ?> model) {
    return toGroup(groupId, template, eventKey(execution, template), projectModel(execution, model));
  }

  public int toAddress(DelegateExecution execution, String address, String template, Map<String, ?> model) {
    return toAddress(address, template, eventKey(execution, template), projectModel(execution, model));
  }

  /** The user ids of the group's members. */
  public List<String> membersOf(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }

  /** The group's name as the identity service stores it, or its id. */
  public String groupName(String groupId) {
    var group = identityService.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  /** The user's name (family name first), or the id when no name is stored. */
  public String userName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : displayName(user);
  }

  /** Project number, service and process name of the execution's process, plus the given entries. */
  public Map<String, Object> projectModel(DelegateExecution execution, Map<String, ?> model) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put(MODEL_PROJECT_NUMBER, execution.getProcessBusinessKey());
    Object serviceName = execution.getVariable(SERVICE_NAME);
    all.put(MODEL_SERVICE_NAME, serviceName == null ? null : serviceName.toString());
    all.put(MODEL_PROCESS_NAME, processName(execution.getProcessDefinitionId()));
    all.putAll(model);
    return all;
  }

  String processName(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    var definition = repositoryService.getProcessDefinition(processDefinitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  /** One step (activity instance) sends a given template once per recipient. */
  static String eventKey(DelegateExecution execution, String template) {
    return template + ":" + execution.getActivityInstanceId();
  }

  private int enqueue(String eventAndRecipient, String template, String userId, String address,
      Map<String, ?> model) {
    String dedupKey = fitting(eventAndRecipient);
    if (outbox.contains(dedupKey)) {
      LOG.debug("Mail {} already queued", dedupKey);
      return 0;
    }
    Map<String, Object> stored = new LinkedHashMap<>();
    model.forEach((key, value) -> stored.put(key, value == null ? null : value.toString()));
    Object projectNumber = stored.get(MODEL_PROJECT_NUMBER);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    outbox.add(dedupKey, template, userId, address, projectNumber == null ? null : projectNumber.toString(),
        purchaseOfCurrentStep(), stored, now);
    dispatcher.afterCommit();
    return 1;
  }

  /** The root process instance (the purchase) of the engine step running now, if any: where an incident shows. */
  private static String purchaseOfCurrentStep() {
    BpmnExecutionContext step = Context.getBpmnExecutionContext();
    return step == null || step.getExecution() == null ? null : step.getExecution().getRootProcessInstanceId();
  }

  /** The key as stored (mail_outbox.dedup_key holds 400 characters): a longer key is replaced by its hash. */
  static String fitting(String key) {
    if (key.length() <= 400) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The name as the product stores it for Camunda's "first last" display: a person's family name in firstName and
   * given name in lastName, an organisation's full name in firstName. Chinese names need no space.
   */
  private static String displayName(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    String last = user.getLastName() == null ? "" : user.getLastName().trim();
    String name = first + last;
    return name.isEmpty() ? user.getId() : name;
  }
}
