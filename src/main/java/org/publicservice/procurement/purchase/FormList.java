package org.publicservice.procurement.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A list a Camunda Form submits as one dynamic list (a table): one variable holding a JSON array with one object
 * per row (docs/forms.md). Reads the rows and rejects a bad one with a Chinese message that names the row and the
 * field's label as the form shows them ("放假安排第2行：请填写节日名称。"); the message concerns the list's variable.
 *
 * <p>Tasklist submits only the fields of a row, not the texts shown beside them: rows that the process handed out
 * (bids, criteria, indicators) are matched by position with the list the process keeps ({@link #sameRowsAs}).
 */
public final class FormList {

  private final String field;
  private final String label;
  private final List<Map<String, Object>> rows;

  private FormList(String field, String label, List<Map<String, Object>> rows) {
    this.field = field;
    this.label = label;
    this.rows = rows;
  }

  /** The list submitted as variable {@code field}; {@code label} names it as the form does ("放假安排"). */
  public static FormList of(VariableScope scope, String field, String label) {
    return of(scope.getVariable(field), field, label);
  }

  /** The list held in {@code value} (a Spin JSON node, a JSON string or a Java list). */
  public static FormList of(Object value, String field, String label) {
    try {
      return new FormList(field, label, JsonValues.rows(value));
    } catch (SubmissionRejectedException | ClassCastException e) {
      throw FormRules.reject(field, label + "的数据格式不正确，请重新打开任务后填写。");
    }
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Rejects an empty list with {@code message}. */
  public FormList required(String message) {
    if (rows.isEmpty()) {
      throw FormRules.reject(field, message);
    }
    return this;
  }

  /** Rejects more than {@code max} rows. */
  public FormList atMost(int max) {
    if (rows.size() > max) {
      throw FormRules.reject(field, label + "最多" + max + "行，现有" + rows.size() + "行。");
    }
    return this;
  }

  /**
   * Rejects a list whose rows are not the {@code expected} rows the process handed out (a stale or altered form):
   * the user cannot add or remove them.
   */
  public FormList sameRowsAs(int expected) {
    if (rows.size() != expected) {
      throw FormRules.reject(field, label + "应有" + expected + "行，提交了" + rows.size() + "行。请刷新任务后重新填写。");
    }
    return this;
  }

  /** Row {@code index} (from 0), named "{label}第{index + 1}行" in messages. */
  public Row row(int index) {
    return row(index, label + "第" + (index + 1) + "行");
  }

  /** Row {@code index} (from 0), named {@code name} in messages ("投标2（南通心语社会工作服务社）"). */
  public Row row(int index, String name) {
    return new Row(field, name, rows.get(index));
  }

  public List<Row> rows() {
    return rows(this::row);
  }

  public List<Row> rows(IntFunction<Row> row) {
    return IntStream.range(0, rows.size()).mapToObj(row).toList();
  }

  /** One row of a submitted list; {@code where} names it in messages. */
  public static final class Row {

    private final String field;
    private final String where;
    private final Map<String, Object> values;

    Row(String field, String where, Map<String, Object> values) {
      this.field = field;
      this.where = where;
      this.values = values == null ? Map.of() : values;
    }

    public String where() {
      return where;
    }

    public SubmissionRejectedException reject(String problem) {
      return FormRules.reject(field, where + "：" + problem);
    }

    /** The trimmed text of column {@code key}, or {@code null} when it is empty. */
    public String optionalText(String key, String label, int maxLength) {
      Object value = values.get(key);
      String text = value == null ? "" : value.toString().trim();
      if (text.isEmpty()) {
        return null;
      }
      if (text.codePointCount(0, text.length()) > maxLength) {
        throw reject(label + "不能超过" + maxLength + "个字。");
      }
      return text;
    }

    public String requiredText(String key, String label, int maxLength) {
      String text = optionalText(key, label, maxLength);
      if (text == null) {
        throw reject("请填写" + label + "。");
      }
      return text;
    }

    public BigDecimal requiredNumber(String key, String label) {
      Object value = values.get(key);
      if (value == null || value.toString().isBlank()) {
        throw reject("请填写" + label + "。");
      }
      try {
        return new BigDecimal(value.toString().trim());
      } catch (NumberFormatException e) {
        throw reject(label + "必须是数字。");
      }
    }

    /** A number from {@code min} to {@code max} {@code unit} with at most {@code decimals} decimal places. */
    public BigDecimal requiredNumber(String key, String label, BigDecimal min, BigDecimal max, String unit,
        int decimals) {
      BigDecimal number = requiredNumber(key, label);
      if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
        throw reject(label + "须在" + plain(min) + "至" + plain(max) + unit + "之间。");
      }
      if (number.stripTrailingZeros().scale() > decimals) {
        throw reject(label + (decimals == 0 ? "须为整数。" : "最多保留" + decimals + "位小数。"));
      }
      return number;
    }

    /** A date as the form's date picker submits it ({@code 2027-01-01}, or an ISO date-time). */
    public LocalDate requiredDate(String key, String label) {
      Object value = values.get(key);
      if (value == null || value.toString().isBlank()) {
        throw reject("请填写" + label + "。");
      }
      String text = value.toString().trim();
      try {
        return text.length() > 10
            ? OffsetDateTime.parse(text).atZoneSameInstant(ProcurementTime.ZONE).toLocalDate()
            : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw reject(label + "“" + text + "”不是有效日期，应为 年-月-日。");
      }
    }

    /** One of the allowed codes (the values of a select or radio field). */
    public String requiredChoice(String key, String label, Collection<String> allowed) {
      Object value = values.get(key);
      String code = value == null ? "" : value.toString().trim();
      if (code.isEmpty()) {
        throw reject("请选择" + label + "。");
      }
      if (!allowed.contains(code)) {
        throw reject(label + "的选项无效。");
      }
      return code;
    }

    /** A list nested in this row (a dynamic list inside a dynamic list). */
    public FormList list(String key, String label) {
      return FormList.of(values.get(key), field, where + label);
    }

    private static String plain(BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
  }
}
