package org.publicservice.procurement.notification;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The scan of {@code TaskDeadlineWatch}: reminds of every open task whose due date is near or passed, once per
 * task and kind. It runs as one job, so in a
 * cluster only one node scans at a time; two overlapping scans collide on the reminder's key and one retries.
 */
@Component
public class RemindTaskDeadlinesDelegate implements JavaDelegate {

  private final TaskMails taskMails;
  private final MailOutbox outbox;
  private final MailProperties properties;

  public RemindTaskDeadlinesDelegate(TaskMails taskMails, MailOutbox outbox, MailProperties properties) {
    this.taskMails = taskMails;
    this.outbox = outbox;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Date soon = dueSoonBefore(execution, now);
    var tasks = execution.getProcessEngineServices().getTaskService().createTaskQuery().active().dueBefore(soon)
        .orderByDueDate().asc().list();
    for (Task task : tasks) {
      boolean passed = task.getDueDate().toInstant().isBefore(now);
      String kind = passed ? TaskMails.OVERDUE : TaskMails.DUE_SOON;
      if (outbox.reminded(task.getId(), kind)) {
        continue;
      }
      if (passed) {
        taskMails.overdue(task);
      } else {
        taskMails.dueSoon(task);
      }
      outbox.addReminder(task.getId(), kind, now);
    }
  }

  /**
   * Tasks due before this moment are due soon: the step's input {@code dueSoonBefore} when the model sets one
   * (for example {@code ${workingDays.after(now(), 1)}}, the end of the next working day), else now plus
   * {@code procurement.mail.due-soon-within} in calendar time.
   */
  private Date dueSoonBefore(DelegateExecution execution, Instant now) {
    Object limit = execution.getVariableLocal(MailVariables.INPUT_DUE_SOON_BEFORE);
    if (limit instanceof Date date) {
      return date;
    }
    if (limit != null) {
      throw new IllegalStateException("Input '" + MailVariables.INPUT_DUE_SOON_BEFORE
          + "' of the deadline watch must be a date, not " + limit);
    }
    return Date.from(now.plus(properties.dueSoonWithin()));
  }
}
