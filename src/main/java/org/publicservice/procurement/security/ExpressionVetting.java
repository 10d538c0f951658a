package org.publicservice.procurement.security;

import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Which JUEL expressions a deployed model may contain. An expression can call any method of any object it reaches
 * (a bean, {@code execution.getProcessEngineServices()}, a variable's class), so a model that may say anything is a
 * key to every sealed bid and every role. Allowed are: variables and their properties (except those that lead
 * out of the data, such as {@code class}); the application's own delegates and listeners, named whole
 * ({@code ${openBids}}), never called or read into; the engine's functions {@code now()}, {@code dateTime()},
 * {@code currentUser()}, {@code currentUserGroups()}; and a short list of helper methods the shipped models use.
 */
final class ExpressionVetting {

  /** Helper methods models may call: bean or context object, then method. */
  static final Set<String> METHODS = Set.of(
      "workingDays.after", "workingDays.calendarDaysAfter", "workingDays.before",
      "performanceMilestones.phased", "performanceMilestones.paymentDate", "performanceMilestones.beforePaymentDate",
      "servicePeriod.end", "servicePeriod.running",
      "execution.getVariable", "execution.setVariable", "execution.hasVariable", "execution.getVariableLocal",
      "task.getVariable", "task.setVariable", "task.hasVariable");
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** What the engine puts in every expression's context besides the variables. */
  static final Set<String> CONTEXT = Set.of("execution", "task", "authenticatedUserId");
  /** Plain facts of the context objects; anything else on them reaches the engine. */
  static final Set<String> CONTEXT_PROPERTIES = Set.of("processBusinessKey", "processInstanceId", "id",
      "businessKey", "currentActivityId", "currentActivityName", "activityInstanceId", "eventName", "name",
      "assignee", "taskDefinitionKey", "processDefinitionId", "tenantId");
  /** Properties that lead from data to code: never, on anything. */
  static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
      "processEngine", "processEngineServices", "processEngineConfiguration", "runtimeService", "taskService",
      "identityService", "repositoryService", "managementService", "authorizationService", "formService",
      "historyService", "bpmnModelInstance", "bpmnModelElementInstance", "execution", "processInstance",
      "superExecution", "parent", "variableScope");

  private ExpressionVetting() {
  }

  /**
   * Refuses the text of a model attribute or element when one of its {@code ${...}} parts does something not
   * vetted.
   *
   * @param isBean whether a name is a bean of the application (as opposed to a variable)
   * @param isVettedBean whether that bean is a delegate, listener or helper models may name
   */
  static void vet(String text, String where, Predicate<String> isBean, Predicate<String> isVettedBean,
      Set<String> helpers) {
    Node root;
    try {
      root = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getRoot();
    } catch (TreeBuilderException e) {
      throw new VettingException(where + "的表达式“" + text + "”无法解析：" + e.getMessage());
    }
    walk(root, text, where, isBean, isVettedBean, helpers);
  }

  private static void walk(Node node, String text, String where, Predicate<String> isBean,
      Predicate<String> isVettedBean, Set<String> helpers) {
    if (node instanceof AstMethod method) {
      Node property = method.getChild(0);
      String call = property instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier target
          ? target.getName() + "." + CommandFields.<String>get(dot, "property") : null;
      if (call == null || !METHODS.contains(call)) {
        throw new VettingException(where + "的表达式“" + text + "”调用了未经审核的方法"
            + (call == null ? "" : "“" + call + "”") + "。模型只能调用：" + String.join("、", METHODS.stream().sorted()
            .toList()) + "。");
      }
      walk(method.getChild(1), text, where, isBean, isVettedBean, helpers);
      return;
    }
    if (node instanceof AstDot dot) {
      String property = CommandFields.get(dot, "property");
      Node prefix = dot.getChild(0);
      if (FORBIDDEN_PROPERTIES.contains(property)) {
        throw new VettingException(where + "的表达式“" + text + "”读取了不允许的属性“" + property + "”。");
      }
      if (prefix instanceof AstIdentifier target) {
        String name = target.getName();
        if (CONTEXT.contains(name) && !CONTEXT_PROPERTIES.contains(property)) {
          throw new VettingException(where + "的表达式“" + text + "”读取了“" + name + "." + property
              + "”，模型只能读取流程上下文的：" + String.join("、", CONTEXT_PROPERTIES.stream().sorted().toList()) + "。");
        }
        if (isBean.test(name) && !helpers.contains(name)) {
          throw new VettingException(where + "的表达式“" + text + "”读取了应用组件“" + name + "”的属性，只能整体引用。");
        }
      } else if (contextRooted(prefix)) {
        throw new VettingException(where + "的表达式“" + text + "”通过流程上下文读取了“" + property + "”。");
      }
      walk(prefix, text, where, isBean, isVettedBean, helpers);
      return;
    }
    if (node instanceof AstBracket bracket) {
      if (contextRooted(bracket.getChild(0)) || bracket.getChild(0) instanceof AstIdentifier id
          && isBean.test(id.getName())) {
        throw new VettingException(where + "的表达式“" + text + "”用[]读取了流程上下文或应用组件。");
      }
    }
    if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
      throw new VettingException(where + "的表达式“" + text + "”调用了未知函数“" + function.getName() + "”。");
    }
    if (node instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (!CONTEXT.contains(name) && isBean.test(name) && !isVettedBean.test(name)) {
        throw new VettingException(where + "的表达式“" + text + "”使用了应用组件“" + name
            + "”。模型只能使用带元素模板的服务任务、任务监听器和执行监听器，以及 " + String.join("、", helpers) + "。");
      }
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), text, where, isBean, isVettedBean, helpers);
    }
  }

  private static boolean contextRooted(Node node) {
    Node current = node;
    while (current instanceof AstDot || current instanceof AstBracket || current instanceof AstMethod) {
      current = current.getChild(0);
    }
    return current instanceof AstIdentifier id && CONTEXT.contains(id.getName()) && current != node;
  }
}
