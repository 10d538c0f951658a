package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The engine hooks are named so that a reader knows from a model what kind of class to look for: a JavaDelegate
 * ends in {@code Delegate}; a listener that reads what a user submits and may refuse it (bound to a task's
 * {@code complete} or an element's {@code start}, reading through {@code FormRules}, {@code FormList},
 * {@code reject} or a {@code …Form.read}) in {@code Validator}; any other listener in {@code Listener}; and the
 * bean a model binds is the class name with a small first letter.
 */
@ProcurementSpringTest
class HookNamingTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern DELEGATE_EXPRESSION = Pattern.compile(
      "<(?:bpmn:|camunda:)(\\w+)\\b[^>]*\\bdelegateExpression=\"\\$\\{(\\w+)}\"");
  private static final Pattern LISTENER = Pattern.compile("<camunda:(?:task|execution)Listener\\b[^>]*>");
  private static final Pattern EVENT = Pattern.compile("\\bevent=\"(\\w+)\"");
  private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  /** How a class reads a submission so that it may refuse it. */
  private static final Pattern REFUSES =
      Pattern.compile("\\bFormRules\\b|\\bFormList\\b|\\breject\\(|SubmissionRejectedException|Form\\.read\\(");

  @Autowired ApplicationContext context;

  @Test
  void everyHookIsNamedForItsKindAndItsBeanForItsClass() throws IOException {
    Map<String, String> broken = new TreeMap<>();
    Map<String, Set<String>> events = listenerEvents();
    for (String bean : hookBeans()) {
      Class<?> type = AopUtils.getTargetClass(context.getBean(bean));
      String name = type.getSimpleName();
      String expected = expectedSuffix(type, events.getOrDefault(bean, Set.of()));
      if (!name.endsWith(expected)) {
        broken.put(name, "should end in " + expected);
      }
      if (!bean.equals(Introspector.decapitalize(name))) {
        broken.put(name, "bean is named " + bean + ", not " + Introspector.decapitalize(name));
      }
    }
    assertThat(broken).as("hooks breaking the naming rule").isEmpty();
  }

  @Test
  void everyHookAModelBindsIsABeanOfTheRightKind() throws IOException {
    List<String> wrong = new ArrayList<>();
    // the product's models and the test models that bind the product's hooks
    try (Stream<Path> models =
        Stream.concat(Files.list(Path.of("processes")), Files.walk(Path.of("src/test/resources")))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher hook = DELEGATE_EXPRESSION.matcher(Files.readString(model));
        while (hook.find()) {
          String element = hook.group(1);
          String bean = hook.group(2);
          Class<?> kind = switch (element) {
            case "taskListener" -> TaskListener.class;
            case "executionListener" -> ExecutionListener.class;
            default -> JavaDelegate.class;
          };
          if (!context.containsBean(bean) || !kind.isInstance(context.getBean(bean))) {
            wrong.add(model.getFileName() + ": " + element + " ${" + bean + "} is no " + kind.getSimpleName());
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private List<String> hookBeans() {
    List<String> beans = new ArrayList<>();
    for (Class<?> kind : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
      for (String bean : context.getBeanNamesForType(kind)) {
        Class<?> type = AopUtils.getTargetClass(context.getBean(bean));
        if (type.getName().startsWith("org.publicservice.procurement.") && !beans.contains(bean)) {
          beans.add(bean);
        }
      }
    }
    assertThat(beans).as("the application's hooks").hasSizeGreaterThan(50);
    return beans;
  }

  private static String expectedSuffix(Class<?> type, Set<String> boundOn) throws IOException {
    if (JavaDelegate.class.isAssignableFrom(type)) {
      return "Delegate";
    }
    Path source = SOURCES.resolve(type.getName().replace('.', '/') + ".java");
    boolean onSubmission = boundOn.contains("complete") || boundOn.contains("start");
    return onSubmission && REFUSES.matcher(Files.readString(source)).find() ? "Validator" : "Listener";
  }

  /** The events each listener bean is bound to in the models. */
  private static Map<String, Set<String>> listenerEvents() throws IOException {
    Map<String, Set<String>> events = new HashMap<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher listener = LISTENER.matcher(Files.readString(model));
        while (listener.find()) {
          Matcher bean = BEAN.matcher(listener.group());
          Matcher event = EVENT.matcher(listener.group());
          if (bean.find() && event.find()) {
            events.computeIfAbsent(bean.group(1), b -> new HashSet<>()).add(event.group(1));
          }
        }
      }
    }
    return events;
  }
}
