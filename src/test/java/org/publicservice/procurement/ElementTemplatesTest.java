package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Desktop Modeler offers a delegate only through its element template: every delegate bound in a model has one,
 * and every template names a delegate bean that exists.
 */
@ProcurementSpringTest
class ElementTemplatesTest {

  private static final Pattern DELEGATE = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"");
  private static final Pattern SERVICE_TASK = Pattern.compile("<bpmn:(serviceTask|sendTask)\\b[^>]*>");

  @Autowired ApplicationContext context;

  @Test
  void everyDelegateInAModelHasATemplateAndEveryTemplateABean() throws IOException {
    Map<String, JsonNode> templates = templates();
    assertThat(templates).isNotEmpty();

    Set<String> usedInModels = new HashSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher task = SERVICE_TASK.matcher(Files.readString(model));
        while (task.find()) {
          Matcher delegate = DELEGATE.matcher(task.group());
          if (delegate.find()) {
            usedInModels.add(delegate.group(1));
            assertThat(task.group()).as("service task in %s uses its element template", model)
                .contains("camunda:modelerTemplate=\"org.publicservice.procurement." + delegate.group(1) + "\"");
          }
        }
      }
    }
    assertThat(templates.keySet()).containsAll(usedInModels);

    templates.forEach((bean, template) -> {
      assertThat(context.containsBean(bean)).as("bean of template %s", template.get("id")).isTrue();
      assertThat(context.getBean(bean)).isInstanceOf(JavaDelegate.class);
      assertThat(template.get("name").asText()).as("template name is Chinese").matches(".*\\p{IsHan}.*");
    });
  }

  private static Map<String, JsonNode> templates() throws IOException {
    Map<String, JsonNode> byBean = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("processes/.camunda/element-templates"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (JsonNode template : json.readTree(file.toFile())) {
          for (JsonNode property : template.get("properties")) {
            if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
              String expression = property.get("value").asText();
              byBean.put(expression.substring(2, expression.length() - 1), template);
            }
          }
        }
      }
    }
    return byBean;
  }
}
