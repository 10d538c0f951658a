package org.publicservice.procurement.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed process a listener that mails the people who must act on it, so
 * that no model needs to declare it (and a model from Desktop Modeler cannot forget it).
 */
@Component
public class TaskMailPlugin extends AbstractProcessEnginePlugin {

  private final TaskListener listener;

  public TaskMailPlugin(@Lazy TaskMails taskMails) {
    this.listener = new NewTaskListener(taskMails);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Mails a new task to its assignee or candidates, and a task assigned later to the new assignee. */
  static final class NewTaskListener implements TaskListener {

    private final TaskMails taskMails;

    NewTaskListener(TaskMails taskMails) {
      this.taskMails = taskMails;
    }

    @Override
    public void notify(DelegateTask task) {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        taskMails.created(task);
      } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
        taskMails.assigned(task);
      }
    }
  }
}
