package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every citation in a code comment uses a key of docs/legal-sources.md, in the one style that file describes. */
class LegalCitationsTest {

  private static final Path KEY = Path.of("docs/legal-sources.md");
  private static final Pattern KEY_ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);
  private static final Pattern COMMENT = Pattern.compile("^\\s*(?:/\\*\\*|\\*|//)(.*)$");
  /** An article: the run of Chinese characters or document number right before it names the source. */
  private static final Pattern ARTICLE =
      Pattern.compile("([\\p{IsHan}0-9〔〕&&[^第]]*)第[一二三四五六七八九十百零]+条?(?:[、至]第[一二三四五六七八九十百零]+条?)*");
  private static final Pattern DOCUMENT = Pattern.compile("(?:财[库综]〔\\d{4}〕\\d+号|国务院令第\\d+号)");
  private static final Pattern OLD_STYLE = Pattern.compile("\\b(?:87|94|74|101|214) Arts? \\d+|\\b[RL]\\d{2}\\b");

  @Test
  void everyCitationInTheCodeUsesTheKey() throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    Matcher row = KEY_ROW.matcher(Files.readString(KEY));
    while (row.find()) {
      keys.add(row.group(1));
    }
    assertThat(keys).contains("政府采购法", "实施条例", "87号令", "94号令", "74号令");

    List<String> wrong = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            Matcher comment = COMMENT.matcher(lines.get(i));
            if (comment.matches()) {
              check(comment.group(1), keys, file + ":" + (i + 1), wrong);
            }
          }
        }
      }
    }
    assertThat(wrong).as("citations outside the key of " + KEY).isEmpty();
  }

  private static void check(String text, Set<String> keys, String where, List<String> wrong) {
    Matcher article = ARTICLE.matcher(text);
    while (article.find()) {
      String source = article.group(1);
      // an empty source continues the citation before it: 87号令第四十一条、第四十二条
      if (article.group().endsWith("条") && !source.isEmpty() && !keys.contains(source)) {
        wrong.add(where + ": " + article.group());
      }
    }
    Matcher document = DOCUMENT.matcher(text);
    while (document.find()) {
      if (!keys.contains(document.group()) && !text.contains(document.group() + "第")) {
        wrong.add(where + ": " + document.group());
      }
    }
    Matcher old = OLD_STYLE.matcher(text);
    while (old.find()) {
      wrong.add(where + ": " + old.group() + " (old style)");
    }
  }
}
