package org.publicservice.procurement.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.publicservice.procurement.calendar.HolidayScheduleVariables;
import org.publicservice.procurement.contract.ContractVariables;
import org.publicservice.procurement.contract.PaymentSchedule;
import org.publicservice.procurement.evaluation.EvaluationVariables;
import org.publicservice.procurement.evaluation.SelfEvaluationValidator;
import org.publicservice.procurement.performance.PerformanceVariables;
import org.publicservice.procurement.planning.Indicators;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.review.ReviewVariables;
import org.publicservice.procurement.review.QualificationValidator;
import org.publicservice.procurement.tender.TenderDocumentsValidator;
import org.publicservice.procurement.tender.TenderVariables;

/**
 * One fact, one place: every list a form takes is a table (a dynamic list) under the variable its validator reads,
 * with the columns the validator reads, and the limits the form states or checks are the Java constants. Fails
 * when a form and the Java disagree, when a list is added without being declared here, and when a form numbers
 * copies of a row again ({@code score_1_2}, {@code qualification3}).
 */
class ListFormsTest {

  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STATED_LIMIT = Pattern.compile("最多(\\d+)");

  /**
   * A table of a form: its variable, its columns with their length limit (0: not a text), the most rows the Java
   * accepts (0: exactly the rows the process handed out, which the user cannot add or remove).
   */
  record Table(String form, String path, Map<String, Integer> columns, int maxRows) {
    @Override
    public String toString() {
      return form + ":" + path;
    }
  }

  static Stream<Table> tables() {
    int indicatorLength = Indicators.MAX_LENGTH;
    return Stream.of(
        new Table("holiday-schedule", HolidayScheduleVariables.HOLIDAYS, columns(
            HolidayScheduleVariables.HOLIDAY_NAME, HolidayScheduleVariables.MAX_NAME_LENGTH,
            HolidayScheduleVariables.HOLIDAY_FIRST_DAY, 0, HolidayScheduleVariables.HOLIDAY_LAST_DAY, 0),
            HolidayScheduleVariables.MAX_ROWS),
        new Table("holiday-schedule", HolidayScheduleVariables.MAKEUP_WORKDAYS, columns(
            HolidayScheduleVariables.MAKEUP_DATE, 0,
            HolidayScheduleVariables.MAKEUP_NAME, HolidayScheduleVariables.MAX_NAME_LENGTH),
            HolidayScheduleVariables.MAX_ROWS),
        new Table("purchase-request", PlanningVariables.INDICATORS, columns(
            Indicators.NAME, indicatorLength, Indicators.TARGET, indicatorLength), Indicators.MAX_INDICATORS),
        new Table("revise-purchase-request", PlanningVariables.INDICATORS, columns(
            Indicators.NAME, indicatorLength, Indicators.TARGET, indicatorLength), Indicators.MAX_INDICATORS),
        new Table("tender-documents", TenderVariables.EVALUATION_CRITERIA, columns(
            TenderVariables.CRITERION_NAME, TenderDocumentsValidator.MAX_CRITERION_NAME,
            TenderVariables.CRITERION_MAX_SCORE, 0), TenderDocumentsValidator.MAX_CRITERIA),
        new Table("draft-contract", ContractVariables.PAYMENT_SCHEDULE, columns(
            ContractVariables.INSTALMENT_NAME, PaymentSchedule.MAX_NAME_LENGTH, ContractVariables.INSTALMENT_AMOUNT, 0,
            ContractVariables.INSTALMENT_DUE_DATE, 0), PaymentSchedule.MAX_INSTALMENTS),
        new Table("review-qualification", ReviewVariables.QUALIFICATION_SHEET, columns(
            ReviewVariables.QUALIFICATION, 0, ReviewVariables.QUALIFICATION_REASON,
            QualificationValidator.MAX_REASON), 0),
        new Table("score-bids", ReviewVariables.SCORE_SHEET, columns(), 0),
        new Table("score-bids", ReviewVariables.SHEET_SCORES, columns(ReviewVariables.SCORE, 0), 0),
        new Table("submit-progress-report", PerformanceVariables.INDICATOR_RESULTS, columns(
            PerformanceVariables.REACHED, PerformanceVariables.MAX_REACHED_LENGTH), 0),
        new Table("self-evaluation", EvaluationVariables.SELF_EVALUATION, columns(
            EvaluationVariables.SELF_VALUE, SelfEvaluationValidator.MAX_VALUE, EvaluationVariables.SELF_SCORE, 0), 0),
        new Table("third-party-evaluation", EvaluationVariables.THIRD_PARTY_SCORES, columns(
            EvaluationVariables.THIRD_PARTY_SCORE, 0), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void eachTableIsWhatItsValidatorReads(Table table) throws IOException {
    JsonNode list = lists(form(table.form())).stream().filter(l -> table.path().equals(l.path("path").asText()))
        .findFirst().orElseThrow(() -> new AssertionError(table + ": no dynamic list with that path"));
    assertThat(list.path("isRepeating").asBoolean()).as(table + " repeats its rows").isTrue();

    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (JsonNode component : list.path("components")) {
      if (component.has("key")) {
        fields.put(component.get("key").asText(), component);
      }
    }
    assertThat(fields.keySet()).as(table + " columns").containsExactlyInAnyOrderElementsOf(table.columns().keySet());
    table.columns().forEach((key, maxLength) -> {
      if (maxLength > 0) {
        assertThat(fields.get(key).path("validate").path("maxLength").asInt())
            .as(table + " column " + key + ": the form's maxLength is the Java limit").isEqualTo(maxLength);
      }
    });

    String label = list.path("label").asText();
    List<Integer> stated = new ArrayList<>();
    Matcher matcher = STATED_LIMIT.matcher(label);
    while (matcher.find()) {
      stated.add(Integer.parseInt(matcher.group(1)));
    }
    if (table.maxRows() > 0) {
      assertThat(list.path("allowAddRemove").asBoolean()).as(table + " lets the user add rows").isTrue();
      assertThat(stated).as(table + ": the label states the Java's row limit").containsExactly(table.maxRows());
    } else {
      assertThat(list.path("allowAddRemove").asBoolean())
          .as(table + " has the rows the process handed out, no more, no fewer").isFalse();
      assertThat(stated).as(table + " states no row limit: it has as many rows as the process has").isEmpty();
    }
  }

  @Test
  void everyListOfEveryFormIsDeclaredAbove() throws IOException {
    List<String> declared = tables().map(Table::toString).toList();
    for (Path file : formFiles()) {
      String form = file.getFileName().toString().replace(".form", "");
      for (JsonNode list : lists(JSON.readTree(file.toFile()))) {
        assertThat(declared).as("a list of " + form + " that the Java does not read as declared here")
            .contains(form + ":" + list.path("path").asText());
      }
    }
  }

  /**
   * Numbered keys that are not copies of a list's row: the two staff members who supervise the draw of invited
   * suppliers are a pair the form asks for by name (87号令第十四条), not a list of any length.
   */
  private static final List<String> NOT_ROWS = List.of("invitationSupervisor1", "invitationSupervisor2");

  @Test
  void noFormKeepsNumberedCopiesOfARow() throws IOException {
    for (Path file : formFiles()) {
      List<String> numbered = new ArrayList<>();
      collect(JSON.readTree(file.toFile()).path("components"), numbered);
      numbered.removeAll(NOT_ROWS);
      assertThat(numbered).as(file + ": keys numbered like copies of a row; use a dynamic list").isEmpty();
    }
  }

  private static void collect(JsonNode components, List<String> numbered) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      if (key.matches(".*\\d$")) {
        numbered.add(key);
      }
      collect(component.path("components"), numbered);
    }
  }

  private static List<JsonNode> lists(JsonNode form) {
    List<JsonNode> lists = new ArrayList<>();
    collectLists(form.path("components"), lists);
    return lists;
  }

  private static void collectLists(JsonNode components, List<JsonNode> lists) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText())) {
        lists.add(component);
      }
      collectLists(component.path("components"), lists);
    }
  }

  private static JsonNode form(String id) throws IOException {
    return JSON.readTree(FORMS.resolve(id + ".form").toFile());
  }

  private static List<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
      assertThat(forms).isNotEmpty();
      return forms;
    }
  }

  private static Map<String, Integer> columns(Object... keysAndLengths) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < keysAndLengths.length; i += 2) {
      columns.put((String) keysAndLengths[i], (Integer) keysAndLengths[i + 1]);
    }
    return columns;
  }
}
