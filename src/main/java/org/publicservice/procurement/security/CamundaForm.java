package org.publicservice.procurement.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deployed Camunda Form (form-js JSON) lets its user read and write: every keyed field with its type, label,
 * options and static limits, arranged as the variables Tasklist submits (a dynamic list or a group with a path is one
 * variable holding a list or an object of its child fields), and every variable name the form shows (keys, option
 * sources, names used in conditions and text templates).
 */
public final class CamundaForm {

  /** A form with no fields: a task without a form may be completed with no variables and shows none. */
  public static final CamundaForm EMPTY = new CamundaForm("", Map.of(), Set.of());

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Names in FEEL conditions ("=a != null") and text templates ("{{a}}"): what the form may show. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

  /** One node of the submitted data: a field (leaf), a list of rows or an object, with its children by key. */
  public record Shape(Kind kind, Field field, Map<String, Shape> children) {
  }

  public enum Kind { FIELD, LIST, OBJECT }

  /**
   * A keyed field: its form-js type, Chinese label, whether the user may change it, its static options and limits.
   * Limits written as FEEL ({@code "=..."}) are dynamic and left to the step's own validation.
   */
  public record Field(String key, String type, String label, boolean readonly, Set<String> options,
      String optionsVariable, Integer maxLength, BigDecimal min, BigDecimal max, Integer decimalDigits,
      JsonNode defaultValue) {
  }

  private final String id;
  private final Map<String, Shape> variables;
  private final Set<String> readable;

  private CamundaForm(String id, Map<String, Shape> variables, Set<String> readable) {
    this.id = id;
    this.variables = variables;
    this.readable = readable;
  }

  public static CamundaForm parse(InputStream json) throws IOException {
    return parse(JSON.readTree(json));
  }

  public static CamundaForm parse(JsonNode schema) {
    Map<String, Shape> variables = new LinkedHashMap<>();
    Set<String> readable = new LinkedHashSet<>();
    collect(schema.path("components"), variables, readable);
    collectNames(schema, readable);
    return new CamundaForm(schema.path("id").asText(""), Collections.unmodifiableMap(variables),
        Collections.unmodifiableSet(readable));
  }

  /** This form plus the variables a model declares as outputs for API clients, each a free field. */
  public CamundaForm with(List<String> outputs) {
    if (outputs.isEmpty()) {
      return this;
    }
    Map<String, Shape> all = new LinkedHashMap<>(variables);
    for (String name : outputs) {
      all.putIfAbsent(name, new Shape(Kind.FIELD, new Field(name, "output", name, false, Set.of(), null, null, null,
          null, null, null), Map.of()));
    }
    Set<String> names = new LinkedHashSet<>(readable);
    names.addAll(outputs);
    return new CamundaForm(id, Collections.unmodifiableMap(all), Collections.unmodifiableSet(names));
  }

  public String id() {
    return id;
  }

  /** The top-level variables a submission of this form may carry. */
  public Map<String, Shape> variables() {
    return variables;
  }

  /** Every variable name the form shows or uses: what a reader of the task may see. */
  public Set<String> readable() {
    return readable;
  }

  private static void collect(JsonNode components, Map<String, Shape> into, Set<String> readable) {
    for (JsonNode component : components) {
      String path = component.path("path").asText("");
      String key = component.path("key").asText("");
      JsonNode children = component.path("components");
      if (children.isArray() && !path.isEmpty()) {
        Map<String, Shape> nested = new LinkedHashMap<>();
        collect(children, nested, new LinkedHashSet<>());
        Kind kind = "dynamiclist".equals(component.path("type").asText()) ? Kind.LIST : Kind.OBJECT;
        put(into, path.split("\\."), new Shape(kind, null, nested));
        readable.add(path.split("\\.")[0]);
      } else if (children.isArray()) {
        // a group without a path only arranges its fields
        collect(children, into, readable);
      } else if (!key.isEmpty()) {
        put(into, key.split("\\."), new Shape(Kind.FIELD, field(component, key), Map.of()));
        readable.add(key.split("\\.")[0]);
      }
      String valuesKey = component.path("valuesKey").asText("");
      if (!valuesKey.isEmpty()) {
        readable.add(valuesKey);
      }
    }
  }

  /** A dotted key or path ("a.b") is the member b of an object variable a. */
  private static void put(Map<String, Shape> into, String[] segments, Shape shape) {
    Map<String, Shape> level = into;
    for (int i = 0; i < segments.length - 1; i++) {
      Shape parent = level.get(segments[i]);
      if (parent == null || parent.kind() == Kind.FIELD) {
        parent = new Shape(Kind.OBJECT, null, new LinkedHashMap<>());
        level.put(segments[i], parent);
      }
      level = parent.children();
    }
    Shape existing = level.get(segments[segments.length - 1]);
    if (existing != null && existing.kind() != Kind.FIELD && shape.kind() != Kind.FIELD) {
      existing.children().putAll(shape.children());
    } else {
      level.put(segments[segments.length - 1], shape);
    }
  }

  private static Field field(JsonNode component, String key) {
    JsonNode validate = component.path("validate");
    Set<String> options = new LinkedHashSet<>();
    for (JsonNode value : component.path("values")) {
      options.add(value.path("value").asText());
    }
    String label = component.path("label").asText(component.path("dateLabel").asText(key));
    if (label.isBlank() || label.contains("{{") || label.startsWith("=")) {
      label = key;
    }
    // a FEEL "readonly" ("=...") is sometimes editable; only a constant true (or disabled) never is
    boolean readonly = component.path("readonly").asBoolean(false) && component.path("readonly").isBoolean()
        || component.path("disabled").asBoolean(false) && component.path("disabled").isBoolean();
    return new Field(key, component.path("type").asText(), label, readonly, Set.copyOf(options),
        component.path("valuesKey").asText("").isEmpty() ? null : component.path("valuesKey").asText(),
        staticInt(validate.path("maxLength")), staticNumber(validate.path("min")), staticNumber(validate.path("max")),
        staticInt(component.path("decimalDigits")), component.has("defaultValue") ? component.get("defaultValue") : null);
  }

  private static Integer staticInt(JsonNode node) {
    return node.isNumber() ? node.intValue() : null;
  }

  private static BigDecimal staticNumber(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : null;
  }

  /** Names used in FEEL expressions and text templates anywhere in the form. */
  private static void collectNames(JsonNode node, Set<String> readable) {
    if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith("=")) {
        names(text.substring(1), readable);
      }
      Matcher template = TEMPLATE.matcher(text);
      while (template.find()) {
        names(template.group(1), readable);
      }
    }
    node.forEach(child -> collectNames(child, readable));
  }

  private static void names(String expression, Set<String> readable) {
    Matcher name = NAME.matcher(expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " "));
    while (name.find()) {
      if (!FEEL_WORDS.contains(name.group())) {
        readable.add(name.group());
      }
    }
  }

  private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "if", "then", "else", "true", "false",
      "null", "in", "some", "every", "satisfies", "for", "return", "between", "instance", "of", "function", "item");

  /** Every field of the form, nested ones included, for tests and messages. */
  public List<Field> fields() {
    List<Field> all = new java.util.ArrayList<>();
    addFields(variables, all);
    return all;
  }

  private static void addFields(Map<String, Shape> shapes, List<Field> into) {
    for (Shape shape : shapes.values()) {
      if (shape.kind() == Kind.FIELD) {
        into.add(shape.field());
      } else {
        addFields(shape.children(), into);
      }
    }
  }
}
