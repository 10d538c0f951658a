package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The stages' contract ({@code docs/stages.md}) is the one place that says what each stage the purchase calls
 * receives and returns; this test keeps the call activities' mappings and the stages' own code in line with it.
 */
class StageContractTest {

  private static final Path CONTRACT = Path.of("docs/stages.md");
  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Path MAILS = Path.of("src/main/resources/mail");
  private static final String PURCHASE = "PublicServicePurchase";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String PACKAGE = "org/publicservice/procurement/";

  /**
   * Names of purchase variables that a stage's classes contain as something else: checked to be still there, so
   * that the list stays as short as the truth.
   */
  private static final Map<String, Set<String>> NOT_VARIABLES = Map.of(
      // a field of the opened-bid rows (review.OpenedBid) and a key of the opening record mail (tender.BidBox)
      "ReviewStage", Set.of("bidBond", "tenderRound"),
      // the contract stage asks the bid box (tender.BidBox) only whether the documents let the winner turn its bid
      // bond into the performance bond (a column of its round); the names are those of the box's tender-stage methods
      "ContractStage", Set.of("bidDeadline", "budget", "evaluationCriteria", "evaluationMethod", "priceWeight",
          "tenderRound"));

  private static final Pattern HEADING = Pattern.compile("^(#{2,3}) (.+?)\\s*$");
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([^}]*)}}");
  private static final Pattern MAIL_EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

  @Test
  void everyCallActivityMapsExactlyWhatTheContractSays() throws Exception {
    Contract contract = Contract.read();
    Map<String, String> problems = new TreeMap<>();
    Set<String> called = new TreeSet<>();
    for (CallActivity call : callActivities(PROCESSES.resolve(PURCHASE + ".bpmn"))) {
      String stage = call.calledElement();
      called.add(stage);
      if (!contract.stages().contains(stage)) {
        problems.put(call.id(), "calls " + stage + ", which docs/stages.md does not describe");
        continue;
      }
      if (call.all()) {
        problems.put(call.id(), "maps variables=\"all\": map each variable the stage receives");
      }
      call.renamed().forEach(pair -> problems.put(call.id() + " " + pair, "maps a variable to another name"));
      difference(problems, call.id() + " in", call.in(), contract.receives(stage));
      difference(problems, call.id() + " out", call.out(), contract.returns(stage));
    }
    for (String stage : contract.stages()) {
      if (!called.contains(stage)) {
        problems.put(stage, "is described in docs/stages.md but no call activity calls it");
      }
    }
    assertThat(problems).as("call activities of %s against docs/stages.md", PURCHASE).isEmpty();
  }

  @Test
  void aStageReceivesOnlyWhatThePurchaseHas() throws Exception {
    Contract contract = Contract.read();
    Set<String> purchase = contract.purchaseVariables();
    Map<String, Set<String>> unknown = new TreeMap<>();
    for (String stage : contract.stages()) {
      Set<String> missing = new TreeSet<>(contract.receives(stage));
      missing.removeAll(purchase);
      if (!missing.isEmpty()) {
        unknown.put(stage, missing);
      }
    }
    assertThat(unknown).as("received but neither a variable of the purchase nor returned by a stage").isEmpty();

    // the purchase's own forms and decision outputs are in its table
    Set<String> own = new TreeSet<>();
    Model model = Model.read(PROCESSES.resolve(PURCHASE + ".bpmn"));
    for (String form : model.forms()) {
      own.addAll(formFields(form));
    }
    own.addAll(model.outputParameters());
    own.removeAll(purchase);
    assertThat(own).as("fields and outputs of %s missing in its table in docs/stages.md", PURCHASE).isEmpty();
  }

  @Test
  void aStageNamesNoVariableOfThePurchaseThatItIsNotGiven() throws Exception {
    Contract contract = Contract.read();
    Set<String> purchase = contract.purchaseVariables();
    Classes classes = Classes.load();
    Map<String, Set<String>> unmapped = new TreeMap<>();
    Map<String, Set<String>> stale = new TreeMap<>();
    for (String stage : contract.stages()) {
      Map<String, Set<String>> where = new TreeMap<>();
      Model model = Model.read(PROCESSES.resolve(stage + ".bpmn"));
      model.expressionWords().forEach(word -> note(where, word, "expression"));
      for (String form : model.forms()) {
        formNames(form).forEach(name -> note(where, name, "form " + form));
      }
      for (String mail : model.mailTemplates()) {
        mailNames(mail).forEach(name -> note(where, name, "mail " + mail));
      }
      for (String bean : model.beans()) {
        String type = classes.ofBean(bean);
        if (type != null) {
          for (String used : classes.withHelpers(type)) {
            classes.strings(used).forEach(text -> note(where, text, used.substring(used.lastIndexOf('/') + 1)));
          }
        }
      }
      where.keySet().retainAll(purchase);
      where.keySet().removeAll(contract.receives(stage));
      where.keySet().removeAll(contract.returns(stage));
      Set<String> allowed = NOT_VARIABLES.getOrDefault(stage, Set.of());
      Set<String> unused = new TreeSet<>(allowed);
      unused.removeAll(where.keySet());
      if (!unused.isEmpty()) {
        stale.put(stage, unused);
      }
      where.keySet().removeAll(allowed);
      where.forEach((name, places) -> unmapped.computeIfAbsent(stage + " " + name, k -> new TreeSet<>()).addAll(places));
    }
    assertThat(unmapped).as("purchase variables a stage uses (where) but neither receives nor returns: "
        + "map them in (and add them to docs/stages.md) or rename the stage's own variable").isEmpty();
    assertThat(stale).as("NOT_VARIABLES entries no stage contains any more").isEmpty();
  }

  private static void note(Map<String, Set<String>> where, String name, String place) {
    where.computeIfAbsent(name, k -> new TreeSet<>()).add(place);
  }

  private static void difference(Map<String, String> problems, String what, Set<String> mapped,
      Set<String> documented) {
    mapped.stream().filter(name -> !documented.contains(name))
        .forEach(name -> problems.put(what + " " + name, "mapped but not in docs/stages.md"));
    documented.stream().filter(name -> !mapped.contains(name))
        .forEach(name -> problems.put(what + " " + name, "in docs/stages.md but not mapped"));
  }

  /** The tables of docs/stages.md: per process key, its sections (Own variables, Receives, Returns) and names. */
  record Contract(Map<String, Map<String, Set<String>>> tables) {

    static Contract read() throws IOException {
      Map<String, Map<String, Set<String>>> tables = new LinkedHashMap<>();
      String process = null;
      String section = null;
      for (String line : Files.readAllLines(CONTRACT)) {
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
          if (heading.group(1).length() == 2) {
            process = heading.group(2).split(" ")[0];
            section = null;
          } else {
            section = heading.group(2);
          }
          continue;
        }
        Matcher row = ROW.matcher(line);
        if (row.find() && process != null && section != null) {
          tables.computeIfAbsent(process, k -> new LinkedHashMap<>())
              .computeIfAbsent(section, k -> new TreeSet<>()).add(row.group(1));
        }
      }
      assertThat(tables).as("docs/stages.md").containsKey(PURCHASE);
      return new Contract(tables);
    }

    Set<String> stages() {
      Set<String> stages = new TreeSet<>(tables.keySet());
      stages.remove(PURCHASE);
      return stages;
    }

    Set<String> receives(String stage) {
      return tables.getOrDefault(stage, Map.of()).getOrDefault("Receives", Set.of());
    }

    Set<String> returns(String stage) {
      return tables.getOrDefault(stage, Map.of()).getOrDefault("Returns", Set.of());
    }

    /** What the purchase may hold: its own variables and whatever a stage returns to it. */
    Set<String> purchaseVariables() {
      Set<String> all = new TreeSet<>(tables.get(PURCHASE).getOrDefault("Own variables", Set.of()));
      stages().forEach(stage -> all.addAll(returns(stage)));
      return all;
    }
  }

  record CallActivity(String id, String calledElement, boolean all, Set<String> in, Set<String> out,
      List<String> renamed) {
  }

  private static List<CallActivity> callActivities(Path bpmn) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var document = factory.newDocumentBuilder().parse(bpmn.toFile());
    List<CallActivity> calls = new ArrayList<>();
    NodeList nodes = document.getElementsByTagNameNS(BPMN, "callActivity");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element call = (Element) nodes.item(i);
      boolean all = false;
      Set<String> in = new TreeSet<>();
      Set<String> out = new TreeSet<>();
      List<String> renamed = new ArrayList<>();
      for (String kind : List.of("in", "out")) {
        NodeList mappings = call.getElementsByTagNameNS(CAMUNDA, kind);
        for (int j = 0; j < mappings.getLength(); j++) {
          Element mapping = (Element) mappings.item(j);
          if (mapping.hasAttribute("variables")) {
            all = true;
          }
          if (mapping.hasAttribute("source")) {
            String source = mapping.getAttribute("source");
            if (!source.equals(mapping.getAttribute("target"))) {
              renamed.add(source + "→" + mapping.getAttribute("target"));
            }
            (kind.equals("in") ? in : out).add(source);
          }
          if (mapping.hasAttribute("sourceExpression")) {
            renamed.add(mapping.getAttribute("sourceExpression") + "→" + mapping.getAttribute("target"));
          }
        }
      }
      calls.add(new CallActivity(call.getAttribute("id"), call.getAttribute("calledElement"), all, in, out,
          renamed));
    }
    assertThat(calls).as("call activities in %s", bpmn).isNotEmpty();
    return calls;
  }

  /** What a model names: words of its expressions, its forms, its mail templates, the beans it binds. */
  record Model(String text) {

    static Model read(Path bpmn) throws IOException {
      return new Model(Files.readString(bpmn));
    }

    Set<String> expressionWords() {
      Set<String> words = new TreeSet<>();
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        words.addAll(identifiers(expression.group(1)));
      }
      return words;
    }

    Set<String> beans() {
      Set<String> beans = new TreeSet<>();
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        Matcher first = IDENTIFIER.matcher(expression.group(1));
        if (first.find()) {
          beans.add(first.group());
        }
      }
      return beans;
    }

    Set<String> forms() {
      return matches("camunda:formRef=\"([^\"]+)\"");
    }

    Set<String> mailTemplates() {
      return matches("name=\"notificationTemplate\">([^<]+)<");
    }

    Set<String> outputParameters() {
      return matches("<camunda:outputParameter name=\"(\\w+)\"");
    }

    private Set<String> matches(String regex) {
      Set<String> found = new TreeSet<>();
      Matcher matcher = Pattern.compile(regex).matcher(text);
      while (matcher.find()) {
        found.add(matcher.group(1).trim());
      }
      return found;
    }
  }

  private static Set<String> identifiers(String text) {
    Set<String> words = new TreeSet<>();
    Matcher word = IDENTIFIER.matcher(text);
    while (word.find()) {
      words.add(word.group());
    }
    return words;
  }

  /** The variables a form binds: its fields' keys and its tables' paths (not the columns inside a table). */
  private static Set<String> formFields(String form) throws IOException {
    Set<String> fields = new TreeSet<>();
    fields(new ObjectMapper().readTree(FORMS.resolve(form + ".form").toFile()), fields);
    return fields;
  }

  private static void fields(JsonNode node, Set<String> fields) {
    if (node.isObject() && "dynamiclist".equals(node.path("type").asText())) {
      fields.add(node.path("path").asText());
      return;
    }
    if (node.isObject() && node.has("key")) {
      fields.add(node.get("key").asText());
    }
    node.elements().forEachRemaining(child -> fields(child, fields));
  }

  /** The fields of a form and every name its conditions and texts quote. */
  private static Set<String> formNames(String form) throws IOException {
    Set<String> names = formFields(form);
    walk(new ObjectMapper().readTree(FORMS.resolve(form + ".form").toFile()), node -> node.fields().forEachRemaining(
        field -> {
          if (field.getValue().isTextual()) {
            String value = field.getValue().asText();
            if (field.getKey().equals("valuesKey")) {
              names.add(value);
            }
            if (value.startsWith("=")) {
              names.addAll(identifiers(value));
            }
            Matcher template = TEMPLATE.matcher(value);
            while (template.find()) {
              names.addAll(identifiers(template.group(1)));
            }
          }
        }));
    return names;
  }

  private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
    if (node.isObject()) {
      visit.accept(node);
    }
    node.elements().forEachRemaining(child -> walk(child, visit));
  }

  private static Set<String> mailNames(String template) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher expression = MAIL_EXPRESSION.matcher(Files.readString(MAILS.resolve(template + ".txt")));
    while (expression.find()) {
      names.addAll(identifiers(expression.group(1)));
    }
    return names;
  }

  /**
   * The application's compiled classes. A {@code static final String} is copied into every class that uses it, so a
   * class's constant pool holds the name of each variable it reads, whichever {@code …Variables} class declares it.
   */
  record Classes(Path root, Map<String, String> bySimpleName, Map<String, Set<String>> strings,
      Map<String, Set<String>> references) {

    static Classes load() throws IOException, URISyntaxException {
      Path root = Path.of(ProcurementApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Map<String, String> bySimpleName = new HashMap<>();
      try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
        files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
          String name = root.relativize(file).toString().replace('\\', '/').replaceAll("\\.class$", "");
          bySimpleName.putIfAbsent(name.substring(name.lastIndexOf('/') + 1), name);
        });
      }
      return new Classes(root, bySimpleName, new HashMap<>(), new HashMap<>());
    }

    /** The class a model's bean name stands for (bean = class name, decapitalized; see HookNamingTest). */
    String ofBean(String bean) {
      return bySimpleName.get(Character.toUpperCase(bean.charAt(0)) + bean.substring(1));
    }

    /** The class, its nested classes and the application classes it uses (not the …Variables name lists). */
    Set<String> withHelpers(String type) throws IOException {
      Set<String> all = new TreeSet<>();
      all.add(type);
      for (String used : references(type)) {
        if (bySimpleName.containsValue(used) || Files.exists(root.resolve(used + ".class"))) {
          if (!used.endsWith("Variables")) {
            all.add(used);
          }
        }
      }
      for (String nested : new ArrayList<>(all)) {
        for (String candidate : bySimpleName.values()) {
          if (candidate.startsWith(nested + "$")) {
            all.add(candidate);
          }
        }
      }
      return all;
    }

    Set<String> strings(String type) throws IOException {
      parse(type);
      return strings.get(type);
    }

    private Set<String> references(String type) throws IOException {
      parse(type);
      return references.get(type);
    }

    /** Reads the constant pool of a class file (JVMS §4.4): its string constants and the classes it names. */
    private void parse(String type) throws IOException {
      if (strings.containsKey(type)) {
        return;
      }
      Set<String> texts = new TreeSet<>();
      Set<String> classes = new TreeSet<>();
      Path file = root.resolve(type + ".class");
      if (Files.exists(file)) {
        try (InputStream stream = Files.newInputStream(file); DataInputStream in = new DataInputStream(stream)) {
          in.readInt();
          in.readUnsignedShort();
          in.readUnsignedShort();
          int count = in.readUnsignedShort();
          String[] utf8 = new String[count];
          List<Integer> stringIndexes = new ArrayList<>();
          List<Integer> classIndexes = new ArrayList<>();
          for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
              case 1 -> utf8[i] = in.readUTF();
              case 7 -> classIndexes.add(in.readUnsignedShort());
              case 8 -> stringIndexes.add(in.readUnsignedShort());
              case 16, 19, 20 -> in.readUnsignedShort();
              case 15 -> {
                in.readUnsignedByte();
                in.readUnsignedShort();
              }
              case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
              case 5, 6 -> {
                in.readLong();
                i++;
              }
              default -> throw new IOException("Unknown constant pool tag " + tag + " in " + file);
            }
          }
          stringIndexes.forEach(index -> texts.add(utf8[index]));
          classIndexes.stream().map(index -> utf8[index]).filter(name -> name.startsWith(PACKAGE))
              .forEach(classes::add);
        }
      }
      strings.put(type, texts);
      references.put(type, classes);
    }
  }
}
