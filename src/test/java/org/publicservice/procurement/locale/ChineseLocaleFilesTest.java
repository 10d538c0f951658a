package org.publicservice.procurement.locale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit, Admin and the welcome page look a label up by its key in the file of the user's language and show the key
 * itself when it is missing; the Chinese files must therefore have every key of Camunda's English file (from the
 * webjar on the classpath), a Chinese text for each, and the same placeholders and HTML, which Angular fills in.
 */
class ChineseLocaleFilesTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[ds]");
  private static final Pattern HTML_TAG = Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong)\\b[^>]*>");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern LATIN_LETTER = Pattern.compile("\\p{IsLatin}");
  /** A moment.js date format such as {@code YYYY-MM-DD} or {@code HH:mm}: tokens, not words. */
  private static final Pattern DATE_FORMAT = Pattern.compile("(?:[YMDHhmsLT:/ -]|\\[[^]]*])+");
  /** The vendor's name, which the footer shows as it is. */
  private static final Set<String> PROPER_NAMES = Set.of("labels.APP_VENDOR");
  /** Abbreviations Chinese technical texts use as they are (Cockpit's and Admin's columns and file types). */
  private static final Pattern ABBREVIATIONS_ONLY =
      Pattern.compile("[\\s\\p{Punct}]*(?:(?:ID|CSV|JSON|DRD|DMN|BPMN)[\\s\\p{Punct}]*)+");
  /** English plural endings that Cockpit appends to a noun ("instance" + "s"); Chinese nouns have none. */
  private static final String PLURAL_ENDING = "s";
  /** How many labels each application has at least: a guard against reading the wrong file. */
  private static final Map<String, Integer> MINIMUM_LABELS =
      Map.of("tasklist", 400, "welcome", 150, "cockpit", 2000, "admin", 500);

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void chineseFileHasEveryEnglishKeyWithAChineseText(String app) throws IOException {
    Map<String, JsonNode> english = flatten(read(app, "en"));
    Map<String, JsonNode> chinese = flatten(read(app, "zh"));

    assertThat(chinese.keySet()).as("keys of %s zh.json", app).containsExactlyInAnyOrderElementsOf(english.keySet());
    assertThat(english.keySet()).as("labels of %s", app).filteredOn(key -> key.startsWith("labels."))
        .hasSizeGreaterThan(MINIMUM_LABELS.get(app));

    english.forEach((key, en) -> {
      JsonNode zh = chinese.get(key);
      assertThat(zh.getNodeType()).as("type of %s", key).isEqualTo(en.getNodeType());
      if (!en.isTextual()) {
        return;
      }
      String text = zh.asText();
      if (PLURAL_ENDING.equals(en.asText())) {
        // shown right after a Chinese noun: nothing visible (a zero-width space, so that it is not "missing")
        assertThat(text).as(key).isEqualTo("\u200b");
        return;
      }
      if (!en.asText().isEmpty()) {
        assertThat(text).as("%s (English: %s)", key, en.asText()).isNotBlank();
      }
      assertThat(tokens(PLACEHOLDER, text)).as("placeholders of %s", key)
          .containsExactlyInAnyOrderElementsOf(tokens(PLACEHOLDER, en.asText()));
      assertThat(tokens(HTML_TAG, text)).as("HTML of %s", key).isEqualTo(tokens(HTML_TAG, en.asText()));
      if (needsChinese(key, en.asText())) {
        assertThat(text).as("%s is Chinese (English: %s)", key, en.asText()).containsPattern(HAN);
      }
    });
  }

  /** Words need a translation; symbols such as {@code <=}, date formats and the vendor's name do not. */
  private static boolean needsChinese(String key, String english) {
    String words = PLACEHOLDER.matcher(HTML_TAG.matcher(english).replaceAll("")).replaceAll("");
    return LATIN_LETTER.matcher(words).find()
        && !DATE_FORMAT.matcher(english).matches()
        && !ABBREVIATIONS_ONLY.matcher(english).matches()
        && !PROPER_NAMES.contains(key);
  }

  private JsonNode read(String app, String language) throws IOException {
    String path = LOCALES.formatted(app, language);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      // Camunda's en.json starts with a byte order mark, which Jackson does not skip
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return json.readTree(text);
    }
  }

  /** Every leaf by its path: "labels.CLAIM_TASK", "dateLocales.months.0". */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    String prefix = path.isEmpty() ? "" : path + ".";
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> flatten(prefix + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + i, node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
