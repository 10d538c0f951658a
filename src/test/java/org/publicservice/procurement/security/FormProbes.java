package org.publicservice.procurement.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.security.CamundaForm.Field;
import org.publicservice.procurement.security.CamundaForm.Kind;
import org.publicservice.procurement.security.CamundaForm.Shape;

/**
 * Every form the application deployed, shown one at a time to one user by the test process
 * {@code security/FormProbe.bpmn}, with values for the form's read-only fields and options lists, and a sample
 * submission Tasklist could make (a lawful value for each field the user may change).
 */
final class FormProbes {

  static final String OPTION = "opt-a";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;

  FormProbes(ProcessEngine engine) {
    this.engine = engine;
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("SecurityFormProbe")
        .count() == 0) {
      engine.getRepositoryService().createDeployment().name("security-form-probe")
          .addClasspathResource("security/FormProbe.bpmn").deploy();
    }
  }

  /** The forms of the application's deployment (the one holding the main process), parsed. */
  Map<String, CamundaForm> deployedForms() {
    ProcessDefinition main = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.PUBLIC_SERVICE_PURCHASE).latestVersion().singleResult();
    Map<String, CamundaForm> forms = new LinkedHashMap<>();
    for (String resource : engine.getRepositoryService().getDeploymentResourceNames(main.getDeploymentId())) {
      if (resource.endsWith(".form")) {
        try (InputStream json = engine.getRepositoryService().getResourceAsStream(main.getDeploymentId(), resource)) {
          CamundaForm form = CamundaForm.parse(json);
          forms.put(form.id(), form);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return forms;
  }

  /** A task showing the form to the user, in an instance that also holds {@code extra} variables. */
  Task show(CamundaForm form, String user, Map<String, Object> extra) {
    VariableMap variables = Variables.createVariables().putValue("formId", form.id()).putValue("probeUser", user);
    readOnlyValues(form).forEach(variables::putValue);
    for (Field field : form.fields()) {
      if (field.optionsVariable() != null) {
        variables.putValue(field.optionsVariable(),
            SpinValues.jsonValue("[{\"label\":\"甲\",\"value\":\"" + OPTION + "\"}]").create());
      }
    }
    extra.forEach(variables::putValue);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("SecurityFormProbe", variables);
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** A value for each top-level read-only field, as an earlier step would have left it. */
  static Map<String, Object> readOnlyValues(CamundaForm form) {
    Map<String, Object> values = new LinkedHashMap<>();
    form.variables().forEach((name, shape) -> {
      if (shape.kind() == Kind.FIELD && shape.field().readonly()) {
        Field field = shape.field();
        values.put(name, switch (field.type()) {
          case "number" -> 12345L;
          case "checkbox" -> true;
          case "datetime" -> "2027-02-01";
          case "radio", "select" -> field.options().isEmpty() ? OPTION : field.options().iterator().next();
          default -> "只读内容：上一步的结果";
        });
      }
    });
    return values;
  }

  /** A submission of every field the user may change, as REST variables ({value} or Json). */
  static Map<String, Object> sample(CamundaForm form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.variables().forEach((name, shape) -> {
      if (shape.kind() == Kind.FIELD && shape.field().readonly()) {
        return;
      }
      Object value = sample(shape);
      variables.put(name, value instanceof List<?> || value instanceof Map<?, ?>
          ? Map.of("type", "Json", "value", json(value)) : Map.of("value", value));
    });
    return variables;
  }

  private static Object sample(Shape shape) {
    return switch (shape.kind()) {
      case FIELD -> sample(shape.field());
      case LIST -> List.of(members(shape));
      case OBJECT -> members(shape);
    };
  }

  private static Map<String, Object> members(Shape shape) {
    Map<String, Object> row = new LinkedHashMap<>();
    shape.children().forEach((key, child) -> row.put(key, sample(child)));
    return row;
  }

  private static Object sample(Field field) {
    return switch (field.type()) {
      case "number" -> {
        BigDecimal value = field.min() != null ? field.min() : BigDecimal.ONE;
        if (field.max() != null && value.compareTo(field.max()) > 0) {
          value = field.max();
        }
        yield field.decimalDigits() != null && field.decimalDigits() == 0 ? value.longValue() : value;
      }
      case "checkbox" -> true;
      case "datetime" -> "2027-01-01";
      case "radio", "select" -> field.options().isEmpty() ? OPTION : field.options().iterator().next();
      case "checklist", "taglist" -> new ArrayList<>(List.of(field.options().isEmpty() ? OPTION
          : field.options().iterator().next()));
      default -> "测试内容";
    };
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
