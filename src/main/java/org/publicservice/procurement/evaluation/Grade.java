package org.publicservice.procurement.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The four grades of a performance evaluation (decision EvaluationGrade returns the code as {@code evaluationGrade}
 * and the name as {@code evaluationGradeName}), in the order charts and lists show them.
 */
public enum Grade {
  EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), FAIL("不合格");

  /** Any grade's name; the longest first, so that 不合格 is never read as 合格. */
  private static final Pattern NAMED = Pattern.compile(Arrays.stream(values()).map(Grade::label)
      .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|")));

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Grade> ofCode(String code) {
    return Arrays.stream(values()).filter(g -> g.name().equals(code)).findFirst();
  }

  /** The grade's name, or the code itself when it is no grade. */
  public static String labelOf(String code) {
    return ofCode(code).map(Grade::label).orElse(code);
  }

  /** The first grade name in a text, e.g. in the line 评价等级：良好 of an evaluation-result notice. */
  public static Optional<String> nameIn(String text) {
    Matcher m = NAMED.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
