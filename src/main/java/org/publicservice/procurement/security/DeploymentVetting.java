package org.publicservice.procurement.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.publicservice.procurement.ProcurementApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Deploying a model is running code, so every deployment is vetted before the engine parses it, the application's
 * own at start-up included (a rule the shipped models break fails the start, not a purchase):
 * <ul>
 *   <li>only BPMN and DMN models and Camunda Forms ({@code .bpmn}, {@code .dmn}, {@code .form});</li>
 *   <li>BPMN: no script tasks or scripts, no {@code camunda:class}, no external resources ({@code camunda:resource},
 *       form keys that load HTML, connectors, external tasks), and every expression vetted by
 *       {@link ExpressionVetting};</li>
 *   <li>DMN: FEEL only (no JUEL or script language, no external Java functions);</li>
 *   <li>forms: no HTML, iframes or images from other sites.</li>
 * </ul>
 * At run time expressions resolve only the vetted beans (the application's delegates and listeners and the helper
 * beans): a model deployed before these rules, or one that slipped through, still reaches nothing else.
 */
@Component
public class DeploymentVetting extends AbstractProcessEnginePlugin {

  /** Helper beans models may call methods on (see ExpressionVetting.METHODS). */
  static final Set<String> HELPERS = Set.of("workingDays", "performanceMilestones", "servicePeriod");
  static final Set<String> SUFFIXES = Set.of(".bpmn", ".dmn", ".form");
  private static final Set<String> FORM_COMPONENTS = Set.of("textfield", "textarea", "number", "datetime",
      "checkbox", "checklist", "radio", "select", "taglist", "text", "dynamiclist", "group", "expression", "button",
      "spacer", "separator", "table", "default");
  private static final Pattern EXTERNAL_URL = Pattern.compile("(?i)(https?:)?//[^\\s)\"']+|javascript:");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("(?i)\\bexternal\\s*\\{");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApplicationContext context;
  private volatile Set<String> vettedBeans;

  public DeploymentVetting(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    deployers.add(new VettingDeployer());
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);
    if (configuration instanceof SpringProcessEngineConfiguration) {
      configuration.setExpressionManager(new SpringExpressionManager(context, new VettedBeans()));
    }
  }

  /** The beans models may name: the application's delegates and listeners, and the helpers. */
  Set<String> vettedBeans() {
    Set<String> beans = vettedBeans;
    if (beans == null) {
      Set<String> names = new LinkedHashSet<>(HELPERS);
      for (Class<?> type : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
        for (String name : context.getBeanNamesForType(type, false, false)) {
          if (ownBean(name)) {
            names.add(name);
          }
        }
      }
      beans = Set.copyOf(names);
      vettedBeans = beans;
    }
    return beans;
  }

  private boolean ownBean(String name) {
    Class<?> type = context.getType(name, false);
    return type != null && type.getName().startsWith(ProcurementApplication.class.getPackageName() + ".");
  }

  boolean isBean(String name) {
    return context.containsBean(name);
  }

  /** Vets one deployment's resources; the first problem refuses the whole deployment. */
  void vet(DeploymentEntity deployment) {
    for (ResourceEntity resource : deployment.getResources().values()) {
      vet(resource.getName(), resource.getBytes());
    }
  }

  void vet(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      vetBpmn(name, bytes);
    } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      vetDmn(name, bytes);
    } else if (lower.endsWith(".form")) {
      vetForm(name, bytes);
    } else {
      throw new VettingException("部署只能包含BPMN模型、DMN决策表和Camunda表单（.bpmn、.dmn、.form），不能包含“"
          + name + "”。");
    }
  }

  private void vetBpmn(String resource, byte[] bytes) {
    Document document = xml(resource, bytes);
    walk(document.getDocumentElement(), resource);
  }

  private void walk(Element element, String resource) {
    String local = element.getLocalName();
    String where = "“" + resource + "”中" + describe(element);
    if ("documentation".equals(local) || "BPMNDiagram".equals(local)) {
      return;
    }
    if ("scriptTask".equals(local) || "script".equals(local)) {
      throw new VettingException(where + "是脚本：模型不能包含脚本任务或脚本，请使用带元素模板的服务任务。");
    }
    if (CAMUNDA_NS.equals(element.getNamespaceURI()) && "connector".equals(local)) {
      throw new VettingException(where + "使用了连接器（connector）：模型不能访问外部系统。");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      if (CAMUNDA_NS.equals(attribute.getNamespaceURI())) {
        switch (name) {
          case "class" -> throw new VettingException(where + "使用了 camunda:class=\"" + value
              + "\"：模型只能通过 delegateExpression 使用带元素模板的服务任务。");
          case "resource" -> throw new VettingException(where + "引用了外部资源“" + value + "”。");
          case "formKey" -> throw new VettingException(where + "使用了 camunda:formKey=\"" + value
              + "\"：表单只能用 camunda:formRef 引用同时部署的Camunda表单。");
          case "type" -> {
            if ("external".equals(value)) {
              throw new VettingException(where + "是外部任务：模型不能把工作交给外部程序。");
            }
          }
          case "scriptFormat" -> throw new VettingException(where + "是脚本：模型不能包含脚本。");
          default -> {
          }
        }
      }
      if ("language".equals(name) && !value.isBlank()) {
        throw new VettingException(where + "的条件使用了脚本语言“" + value + "”：条件只能是表达式。");
      }
      expressions(value, where, resource);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        walk(nested, resource);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        expressions(child.getNodeValue(), where, resource);
      }
    }
  }

  private void expressions(String text, String where, String resource) {
    if (text != null && (text.contains("${") || text.contains("#{"))) {
      ExpressionVetting.vet(text.strip(), where, this::isBean, name -> vettedBeans().contains(name), HELPERS);
    }
  }

  private static String describe(Element element) {
    String id = element.getAttribute("id");
    String name = element.getAttribute("name");
    return "的元素 " + element.getLocalName() + (id.isEmpty() ? "" : " " + id) + (name.isEmpty() ? "" : "（" + name + "）");
  }

  private static void vetDmn(String resource, byte[] bytes) {
    Document document = xml(resource, bytes);
    vetDmnElement(document.getDocumentElement(), resource);
  }

  private static void vetDmnElement(Element element, String resource) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isBlank() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
      throw new VettingException("“" + resource + "”的决策表使用了表达式语言“" + language + "”：决策表只能使用FEEL。");
    }
    if ("text".equals(element.getLocalName()) && FEEL_EXTERNAL.matcher(element.getTextContent()).find()) {
      throw new VettingException("“" + resource + "”的决策表定义了外部（Java）函数：决策表不能调用程序代码。");
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        vetDmnElement(nested, resource);
      }
    }
  }

  private static void vetForm(String resource, byte[] bytes) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (Exception e) {
      throw new VettingException("“" + resource + "”不是有效的Camunda表单（JSON格式错误）。");
    }
    vetComponents(form.path("components"), resource);
    vetUrls(form, resource);
  }

  private static void vetComponents(JsonNode components, String resource) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (!FORM_COMPONENTS.contains(type)) {
        throw new VettingException("“" + resource + "”的表单使用了组件“" + type + "”：表单只能使用 "
            + FORM_COMPONENTS.stream().sorted().collect(Collectors.joining("、")) + "。");
      }
      vetComponents(component.path("components"), resource);
    }
  }

  private static void vetUrls(JsonNode node, String resource) {
    if (node.isTextual() && EXTERNAL_URL.matcher(node.asText()).find()) {
      throw new VettingException("“" + resource + "”的表单引用了外部地址或脚本：“" + node.asText() + "”。");
    }
    node.forEach(child -> vetUrls(child, resource));
  }

  private static Document xml(String resource, byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new VettingException("“" + resource + "”不是有效的XML：" + e.getMessage());
    }
  }

  /** Runs before the engine's own deployers; vets only new deployments (the cache re-reads old ones). */
  final class VettingDeployer implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (deployment.isNew()) {
        vet(deployment);
      }
    }
  }

  /** The beans expressions may reach, looked up lazily (the engine is built before the delegates exist). */
  final class VettedBeans extends AbstractMap<Object, Object> {
    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && vettedBeans().contains(name) && context.containsBean(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return vettedBeans().stream().filter(context::containsBean)
          .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
          .collect(Collectors.toSet());
    }
  }
}
