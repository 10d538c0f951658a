package org.publicservice.procurement.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The form a task or a start event presents, read inside the running command as the engine itself would (whoever
 * asks): its deployed Camunda Form, plus the outputs its model declares for clients that complete it by API with the
 * extension property {@value #OUTPUTS_PROPERTY} (comma separated variable names, e.g. a list the form takes as
 * text).
 */
final class TaskForms {

  static final String OUTPUTS_PROPERTY = "completionOutputs";

  private TaskForms() {
  }

  static CamundaForm ofTask(CommandContext context, TaskEntity task) {
    CamundaForm form = context.runWithoutAuthorization(
        () -> read(() -> new GetDeployedTaskFormCmd(task.getId()).execute(context)));
    return form.with(declaredOutputs(task.getExecution() == null ? null : task.getExecution().getActivity()));
  }

  static CamundaForm ofStart(CommandContext context, ProcessDefinitionEntity definition) {
    CamundaForm form = context.runWithoutAuthorization(
        () -> read(() -> new GetDeployedStartFormCmd(definition.getId()).execute(context)));
    return form.with(declaredOutputs(definition.getInitial()));
  }

  private static List<String> declaredOutputs(ActivityImpl activity) {
    if (activity == null) {
      return List.of();
    }
    Object outputs = activity.getProperty(OUTPUTS_PROPERTY);
    return !(outputs instanceof String) ? List.of() : Arrays.stream(((String) outputs).split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }

  /** Keeps a user task's or start event's declared outputs on the parsed activity (the engine keeps no others). */
  static final class OutputsParseListener extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      keep(element, activity);
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      keep(element, activity);
    }

    private static void keep(Element element, ActivityImpl activity) {
      Element extensions = element.element("extensionElements");
      Element properties = extensions == null ? null
          : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
      if (properties == null) {
        return;
      }
      for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        if (OUTPUTS_PROPERTY.equals(property.attribute("name"))) {
          activity.setProperty(OUTPUTS_PROPERTY, property.attribute("value"));
        }
      }
    }
  }

  private interface FormStream {
    InputStream open();
  }

  /** A step without a Camunda Form asks for nothing (and shows nothing). */
  private static CamundaForm read(FormStream form) {
    InputStream stream;
    try {
      stream = form.open();
    } catch (ProcessEngineException noForm) {
      return CamundaForm.EMPTY;
    }
    try (InputStream json = stream) {
      return CamundaForm.parse(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException notCamundaForm) {
      return CamundaForm.EMPTY;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
