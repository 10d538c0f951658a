package org.publicservice.procurement.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads values that Camunda Forms submit (strings, numbers, ISO dates, JSON lists) and rejects the submission
 * with a Chinese message when a rule is broken. Every validating listener uses these so that messages read
 * alike across the product.
 */
public final class FormRules {

  private final VariableScope scope;

  private FormRules(VariableScope scope) {
    this.scope = scope;
  }

  public static FormRules of(VariableScope scope) {
    return new FormRules(scope);
  }

  public static SubmissionRejectedException reject(String field, String message) {
    return new SubmissionRejectedException(field, message);
  }

  /** A non-blank text; {@code label} names the field as the form shows it. */
  public String requiredText(String field, String label) {
    String value = optionalText(field);
    if (value == null) {
      throw reject(field, "请填写" + label + "。");
    }
    return value;
  }

  public String requiredText(String field, String label, int maxLength) {
    String value = requiredText(field, label);
    if (value.length() > maxLength) {
      throw reject(field, label + "不能超过" + maxLength + "个字。");
    }
    return value;
  }

  /**
   * A required text whose maximum passes the 4,000 characters a String variable holds (ACT_RU_VARIABLE.TEXT_): checked
   * like {@link #requiredText(String, String, int)} and stored again as a {@link JsonValues#longText}, which the later
   * steps read as a String and Tasklist shows as one. Left a String, a text over 4,000 fails the whole submission.
   */
  public String requiredLongText(String field, String label, int maxLength) {
    String value = requiredText(field, label, maxLength);
    scope.setVariable(field, JsonValues.longText(value));
    return value;
  }

  /** The trimmed text, or {@code null} when the field is missing or blank. */
  public String optionalText(String field) {
    Object value = scope.getVariable(field);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  public BigDecimal requiredAmount(String field, String label) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      throw reject(field, "请填写" + label + "。");
    }
    try {
      return value instanceof Number number ? new BigDecimal(number.toString()) : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw reject(field, label + "必须是数字。");
    }
  }

  public long requiredWholeNumber(String field, String label) {
    BigDecimal amount = requiredAmount(field, label);
    try {
      return amount.longValueExact();
    } catch (ArithmeticException e) {
      throw reject(field, label + "必须是整数。");
    }
  }

  /** A date as the form's date picker submits it (ISO string) or as Java code sets it. */
  public LocalDate requiredDate(String field, String label) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      throw reject(field, "请填写" + label + "。");
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ProcurementTime.ZONE).toLocalDate();
    }
    String text = value.toString().trim();
    try {
      return text.length() > 10 ? OffsetDateTime.parse(text).atZoneSameInstant(ProcurementTime.ZONE).toLocalDate()
          : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw reject(field, label + "的日期格式不正确，应为 年-月-日，例如 2027-01-01。");
    }
  }

  /** One of the allowed codes (the values of a select field). */
  public String requiredChoice(String field, String label, Collection<String> allowed) {
    String value = optionalText(field);
    if (value == null) {
      throw reject(field, "请选择" + label + "。");
    }
    if (!allowed.contains(value)) {
      throw reject(field, label + "的选项无效。");
    }
    return value;
  }

  /**
   * An approval (审批结论 {@code approve} or {@code refuse}) with its comment (审批意见): at most 2000 characters, and
   * required when the approval is refused. Returns the decision.
   */
  public String approval(String decisionField, String approve, String refuse, String commentField) {
    String decision = requiredChoice(decisionField, "审批结论", Set.of(approve, refuse));
    String comment = optionalText(commentField);
    if (refuse.equals(decision) && comment == null) {
      throw reject(commentField, "不予批准时请填写理由。");
    }
    if (comment != null && comment.length() > 2000) {
      throw reject(commentField, "审批意见不能超过2000个字。");
    }
    return decision;
  }

  public boolean flag(String field) {
    Object value = scope.getVariable(field);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** Rows of a dynamic list: Camunda Forms submit them as a JSON array of objects. */
  public java.util.List<Map<String, Object>> rows(String field) {
    return JsonValues.rows(scope.getVariable(field));
  }
}
