package org.publicservice.procurement.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.publicservice.procurement.purchase.SubmissionRejectedException;

/**
 * The values a user submits, whatever way they came (Tasklist's JSON, the REST API's typed values, Java objects),
 * seen as JSON, and the rules every text and number must keep before it reaches the database: no control characters
 * or broken encoding, sane lengths, numbers in a sane range with the precision the form declares (yuan to the fen).
 */
final class SubmittedValues {

  /** Text longer than this is refused even where a form declares no limit (the largest form limit is 4,000). */
  static final int MAX_TEXT = 20_000;
  /** No amount or count in a purchase comes near 10^15 (a thousand trillion yuan). */
  static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");
  /** Decimals allowed where a number field declares none (scores, percentages). */
  static final int DEFAULT_DECIMALS = 4;
  /** Line breaks and tabs belong in multi-line text; every other control character is refused. */
  private static final Pattern CONTROL_IN_LINE = Pattern.compile("[\\p{Cc}\\x{2028}\\x{2029}]");
  private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?"
      + "|\\d{1,2}:\\d{2}(:\\d{2})?");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private SubmittedValues() {
  }

  /** A submitted value as JSON; a Java serialized object is refused outright. */
  static JsonNode toJson(String name, Object value) {
    Object plain = value;
    if (value instanceof TypedValue typed) {
      if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
        String format = serializable.getSerializationDataFormat();
        if (SerializationDataFormats.JAVA.getName().equals(format)) {
          throw refuse(name, "不接受序列化的Java对象（变量“" + name + "”），未作任何更改。");
        }
        return parseJson(name, serializable.getValueSerialized());
      }
      plain = typed.getValue();
    }
    if (plain == null) {
      return NullNode.getInstance();
    }
    if (plain instanceof String text) {
      return TextNode.valueOf(text);
    }
    if (plain instanceof SpinJsonNode node) {
      return parseJson(name, node.toString());
    }
    if (plain instanceof Date date) {
      return TextNode.valueOf(date.toInstant().toString());
    }
    if (plain instanceof TemporalAccessor temporal) {
      return TextNode.valueOf(temporal.toString());
    }
    if (plain instanceof byte[]) {
      throw refuse(name, "不接受二进制数据（变量“" + name + "”），未作任何更改。");
    }
    try {
      return JSON.valueToTree(plain);
    } catch (IllegalArgumentException e) {
      throw refuse(name, "变量“" + name + "”的数据格式无法识别，未作任何更改。");
    }
  }

  static JsonNode parseJson(String name, String text) {
    if (text == null) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw refuse(name, "变量“" + name + "”不是有效的JSON数据，未作任何更改。");
    }
  }

  /** A list or object shape may arrive as JSON text (a string variable). */
  static JsonNode structured(String name, JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText().strip();
      if (text.isEmpty()) {
        return NullNode.getInstance();
      }
      if (text.startsWith("[") || text.startsWith("{")) {
        return parseJson(name, text);
      }
    }
    return value;
  }

  /** Every string anywhere in the value: no control characters, no broken encoding, no endless text. */
  static void checkText(String label, String text, boolean multiLine, Integer maxLength) {
    if ((multiLine ? CONTROL_IN_TEXT : CONTROL_IN_LINE).matcher(text).find()) {
      throw refuse(label, "“" + label + "”含有不允许的控制字符，未作任何更改。");
    }
    if (text.indexOf('\uFFFD') >= 0 || hasLoneSurrogate(text)) {
      throw refuse(label, "“" + label + "”含有无法识别的字符（编码错误），请使用UTF-8编码重新提交，未作任何更改。");
    }
    int limit = maxLength == null ? MAX_TEXT : Math.min(maxLength, MAX_TEXT);
    if (text.codePointCount(0, text.length()) > limit) {
      throw refuse(label, "“" + label + "”不能超过" + limit + "个字，未作任何更改。");
    }
  }

  static BigDecimal number(String label, JsonNode value, Integer decimals) {
    BigDecimal number;
    if (value.isNumber()) {
      if (value.isDouble() || value.isFloat()) {
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw refuse(label, "“" + label + "”必须是有效的数字，未作任何更改。");
        }
      }
      number = value.decimalValue();
    } else if (value.isTextual()) {
      String text = value.asText().strip();
      if (text.isEmpty()) {
        return null;
      }
      try {
        number = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw refuse(label, "“" + label + "”必须是数字，未作任何更改。");
      }
    } else {
      throw refuse(label, "“" + label + "”必须是数字，未作任何更改。");
    }
    if (number.abs().compareTo(MAX_NUMBER) >= 0) {
      throw refuse(label, "“" + label + "”的数值超出合理范围，未作任何更改。");
    }
    int allowed = decimals == null ? DEFAULT_DECIMALS : decimals;
    if (Math.max(0, number.stripTrailingZeros().scale()) > allowed) {
      throw refuse(label, allowed == 0 ? "“" + label + "”必须是整数，未作任何更改。"
          : "“" + label + "”最多保留" + allowed + "位小数，未作任何更改。");
    }
    return number;
  }

  static void dateText(String label, String text) {
    if (!text.isBlank() && !DATE.matcher(text.strip()).matches()) {
      throw refuse(label, "“" + label + "”的日期格式不正确，应为 年-月-日，未作任何更改。");
    }
  }

  /**
   * Whether a submitted read-only value is the value the step holds: Tasklist sends read-only fields back as it
   * showed them (numbers untyped, dates as text, lists as JSON), so equal means equal in meaning, not in type.
   */
  static boolean same(JsonNode submitted, Object current) {
    JsonNode now = current == null ? NullNode.getInstance() : toJson("", current);
    if (blank(submitted) && blank(now)) {
      return true;
    }
    if (blank(submitted) || blank(now)) {
      return false;
    }
    BigDecimal a = asNumber(submitted);
    BigDecimal b = asNumber(now);
    if (a != null && b != null) {
      return a.compareTo(b) == 0;
    }
    Object currentPlain = current instanceof TypedValue typed && !(typed instanceof SerializableValue s
        && !s.isDeserialized()) ? typed.getValue() : current;
    if (currentPlain instanceof Date date && submitted.isTextual()) {
      return sameMoment(submitted.asText(), date.toInstant());
    }
    JsonNode left = submitted.isTextual() ? structured("", submitted) : submitted;
    JsonNode right = now.isTextual() ? structured("", now) : now;
    if (left.isTextual() && right.isTextual()) {
      return normalise(left.asText()).equals(normalise(right.asText()));
    }
    if (left.isContainerNode() || right.isContainerNode()) {
      return left.equals(right);
    }
    return normalise(left.asText()).equals(normalise(right.asText()));
  }

  private static boolean sameMoment(String text, Instant instant) {
    String value = text.strip();
    if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 1) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      if (value.length() <= 10) {
        return LocalDate.parse(value).equals(instant.atZone(BEIJING).toLocalDate());
      }
      return OffsetDateTime.parse(value).toInstant().equals(instant);
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(value).equals(instant);
      } catch (DateTimeParseException again) {
        return false;
      }
    }
  }

  private static boolean blank(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() || node.isTextual() && node.asText().isBlank();
  }

  private static BigDecimal asNumber(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String normalise(String text) {
    return text.replace("\r\n", "\n").strip();
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }

  static SubmissionRejectedException refuse(String field, String message) {
    return new SubmissionRejectedException(field, message);
  }
}
