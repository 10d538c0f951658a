package org.publicservice.procurement.notification;

import static org.publicservice.procurement.notification.MailVariables.*;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step a designer places to mail a group, a user and/or an address with a template (element template
 * "发送通知邮件"). Its inputs are local variables of the step, so one bean serves every such step safely.
 */
@Component
public class SendNotificationDelegate implements JavaDelegate {


  private final Notifications notifications;

  public SendNotificationDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = text(execution, INPUT_TEMPLATE);
    if (template == null) {
      throw new IllegalStateException("Step " + execution.getCurrentActivityId() + " has no input '"
          + INPUT_TEMPLATE + "' naming the mail template");
    }
    String group = text(execution, INPUT_GROUP);
    String user = text(execution, INPUT_USER);
    String address = text(execution, INPUT_ADDRESS);
    if (group == null && user == null && address == null) {
      throw new IllegalStateException("Step " + execution.getCurrentActivityId()
          + " names no recipient (recipientGroup, recipientUser or recipientAddress)");
    }
    Map<String, Object> model = simpleVariables(execution);
    if (group != null) {
      for (String groupId : group.split("\\s*,\\s*")) {
        notifications.toGroup(execution, groupId, template, model);
      }
    }
    if (user != null) {
      for (String userId : user.split("\\s*,\\s*")) {
        notifications.toUser(execution, userId, template, model);
      }
    }
    if (address != null) {
      notifications.toAddress(execution, address, template, model);
    }
  }

  /** Texts, numbers, flags and dates of the process, so that a template may quote any of them by name. */
  private static Map<String, Object> simpleVariables(DelegateExecution execution) {
    Map<String, Object> model = new LinkedHashMap<>();
    execution.getVariables().forEach((name, value) -> {
      if (value instanceof Number) {
        // kept a number, so that a template can format an amount: #numbers.formatDecimal(x, 1, 'COMMA', 2, 'POINT')
        model.put(name, value);
      } else if (value instanceof String || value instanceof Boolean) {
        model.put(name, value.toString());
      } else if (value instanceof Date date) {
        model.put(name, MINUTE_IN_WORDS.format(date.toInstant()));
      }
    });
    return model;
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
