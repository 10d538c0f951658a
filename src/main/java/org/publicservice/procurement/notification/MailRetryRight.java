package org.publicservice.procurement.notification;

import java.lang.reflect.Proxy;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.publicservice.procurement.identity.Groups;

/**
 * Supervisors may send failed mails again, and retry nothing else. A mail that could not go out is a failed job on
 * its purchase's process instance ({@link MailIncidents}); the engine's right to retry it (RETRY_JOB on the process
 * definitions, identity/AccessRules) would cover the purchase's other failed steps too. This check, added to the
 * engine's command checkers, refuses a supervisor who is not an administrator the retry of any job but a mail's.
 */
final class MailRetryRight {

  static final String REFUSED = "监督人员只能重新发送未发出的邮件；其他失败的步骤由系统管理员处理。";

  private MailRetryRight() {
  }

  /** A command checker that checks only retries and lets everything else pass. */
  static CommandChecker checker() {
    return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "checkUpdateRetriesJob" -> check((JobEntity) args[0]);
            case "checkUpdateRetriesProcessInstanceByProcessDefinitionId" -> check(null);
            case "hashCode" -> {
              return System.identityHashCode(proxy);
            }
            case "equals" -> {
              return proxy == args[0];
            }
            case "toString" -> {
              return "MailRetryRight";
            }
            default -> {
              // not a retry: nothing to add to the engine's own checks
            }
          }
          return null;
        });
  }

  /** {@code job} null: the retries of every failed job of a job definition (never a mail's). */
  private static void check(JobEntity job) {
    var context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user == null || (job != null && MailIncidents.JOB_TYPE.equals(job.getJobHandlerType()))) {
      return;
    }
    List<String> groups = context.getAuthenticatedGroupIds();
    if (groups != null && groups.contains(Groups.SUPERVISOR) && !groups.contains(Groups.ADMIN)) {
      throw new AuthorizationException(REFUSED);
    }
  }
}
