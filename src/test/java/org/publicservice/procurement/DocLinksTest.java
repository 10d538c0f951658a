package org.publicservice.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/*.md leads somewhere: to a file or folder of the repository and, for an
 * {@code #anchor} into Markdown, to one of its headings (as GitHub names them). Readers move between the guides by
 * these links; a renamed file or heading must not leave them at a dead end.
 */
class DocLinksTest {

  /** {@code [text](target)} and {@code ![alt](target "title")}; the target ends at a space, a quote or ")". */
  private static final Pattern INLINE_LINK =
      Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  /** A reference definition: {@code [name]: target}. */
  private static final Pattern REFERENCE =
      Pattern.compile("^\\s{0,3}\\[[^\\]\\n]+\\]:\\s*<?([^\\s>]+)>?[^\\n]*$", Pattern.MULTILINE);
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

  @Test
  void everyRelativeLinkInTheDocsResolves() throws IOException {
    List<Path> documents = documents();
    assertThat(documents).contains(Path.of("README.md"));

    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path document : documents) {
      for (Link link : links(document)) {
        checked++;
        String problem = problem(document, link.target());
        if (problem != null) {
          broken.add(document + ":" + link.line() + ": (" + link.target() + ") " + problem);
        }
      }
    }
    assertThat(checked).as("relative links found").isGreaterThan(10);
    assertThat(broken).as("links that lead nowhere").isEmpty();
  }

  @Test
  void headingsAreNamedAsGitHubNamesThem() {
    assertThat(slugs(List.of("## The planning stage (first stage of a purchase)", "## 中文快速上手",
        "## 1. The award (定标, process `AwardStage`)", "### 采购人（各采购单位）", "## Tests", "## Tests")))
        .containsExactly("the-planning-stage-first-stage-of-a-purchase", "中文快速上手",
            "1-the-award-定标-process-awardstage", "采购人各采购单位", "tests", "tests-1");
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(Path.of("README.md"));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  private record Link(String target, int line) {}

  /** The links outside fenced code blocks and code spans (link texts may run over lines), with their line numbers. */
  private static List<Link> links(Path document) throws IOException {
    StringBuilder prose = new StringBuilder();
    boolean fenced = false;
    for (String line : Files.readAllLines(document)) {
      boolean fence = line.strip().startsWith("```") || line.strip().startsWith("~~~");
      if (fence) {
        fenced = !fenced;
      }
      // code is blanked, not removed, so that offsets still give line numbers
      prose.append(fence || fenced ? " ".repeat(line.length()) : blankCode(line)).append('\n');
    }
    String text = prose.toString();
    List<Link> links = new ArrayList<>();
    Matcher inline = INLINE_LINK.matcher(text);
    while (inline.find()) {
      links.add(new Link(inline.group(1), lineOf(text, inline.start())));
    }
    Matcher reference = REFERENCE.matcher(text);
    while (reference.find()) {
      links.add(new Link(reference.group(1), lineOf(text, reference.start())));
    }
    return links.stream().filter(link -> !EXTERNAL.matcher(link.target()).matches()).toList();
  }

  private static String blankCode(String line) {
    Matcher code = CODE_SPAN.matcher(line);
    StringBuilder blanked = new StringBuilder();
    while (code.find()) {
      code.appendReplacement(blanked, " ".repeat(code.group().length()));
    }
    return code.appendTail(blanked).toString();
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  /** Why the link leads nowhere, or null when it resolves. */
  private static String problem(Path document, String target) throws IOException {
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
    Path file = path.isEmpty() ? document
        : document.toAbsolutePath().getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
    if (!Files.exists(file)) {
      return "no such file or folder";
    }
    if (anchor == null || !file.toString().endsWith(".md")) {
      return null;
    }
    Set<String> anchors = anchors(file);
    return anchors.contains(anchor) ? null : "no heading with this anchor; headings: " + anchors;
  }

  private static Set<String> anchors(Path markdown) throws IOException {
    List<String> headings = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
        fenced = !fenced;
      } else if (!fenced && HEADING.matcher(line).matches()) {
        headings.add(line);
      }
    }
    return new LinkedHashSet<>(slugs(headings));
  }

  /**
   * GitHub's anchors: the heading's text lower-cased, without Markdown marks and punctuation (letters and digits of
   * every script, spaces, hyphens and underscores stay), spaces as hyphens; a repeated anchor gets -1, -2, ...
   */
  private static List<String> slugs(List<String> headingLines) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> slugs = new ArrayList<>();
    for (String line : headingLines) {
      Matcher heading = HEADING.matcher(line);
      if (!heading.matches()) {
        throw new IllegalArgumentException("not a heading: " + line);
      }
      String text = heading.group(1)
          .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
          .toLowerCase(Locale.ROOT)
          .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
          .replace(' ', '-');
      int count = seen.merge(text, 1, Integer::sum);
      slugs.add(count == 1 ? text : text + "-" + (count - 1));
    }
    return slugs;
  }
}
