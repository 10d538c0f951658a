package org.publicservice.procurement.notification;

import org.publicservice.procurement.purchase.PurchaseIdentity;

/** Names used by the mail processes, their variables and the template models. */
public final class MailVariables {

  /** Timer-started process that reminds of task deadlines (processes/TaskDeadlineWatch.bpmn). */
  public static final String DEADLINE_WATCH_PROCESS = "TaskDeadlineWatch";

  /** Process variable every procurement process carries: the purchased service, shown in mails. */
  public static final String SERVICE_NAME = PurchaseIdentity.SERVICE_NAME;

  /** Inputs of the generic "send notification" step (element template send-notification.json). */
  public static final String INPUT_TEMPLATE = "notificationTemplate";
  public static final String INPUT_GROUP = "recipientGroup";
  public static final String INPUT_USER = "recipientUser";
  public static final String INPUT_ADDRESS = "recipientAddress";

  /** Optional input of the deadline watch's scan: tasks due before this date are "due soon". */
  public static final String INPUT_DUE_SOON_BEFORE = "dueSoonBefore";

  /** Model entries every template may use. */
  public static final String MODEL_PROJECT_NUMBER = "projectNumber";
  public static final String MODEL_SERVICE_NAME = "serviceName";
  public static final String MODEL_PROCESS_NAME = "processName";
  public static final String MODEL_RECIPIENT_NAME = "recipientName";
  public static final String MODEL_TASK_NAME = "taskName";
  public static final String MODEL_TASK_LINK = "taskLink";
  public static final String MODEL_DUE_DATE = "dueDate";
  public static final String MODEL_GROUP_NAMES = "groupNames";
  public static final String MODEL_RESPONSIBLE = "responsible";

  private MailVariables() {
  }
}
