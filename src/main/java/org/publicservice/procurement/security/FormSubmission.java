package org.publicservice.procurement.security;

import static org.publicservice.procurement.security.SubmittedValues.refuse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.security.CamundaForm.Field;
import org.publicservice.procurement.security.CamundaForm.Kind;
import org.publicservice.procurement.security.CamundaForm.Shape;

/**
 * Checks one submission against the form it answers. Refused at once: a variable the form does not have, a changed
 * read-only field (an unchanged one is dropped, not written again), a list or object with other members than the
 * form's, text with control characters, broken encoding or beyond {@link SubmittedValues#MAX_TEXT}. Checked as
 * well, but reported only if the step's own validation (which says the same in the step's words) lets the
 * submission pass ({@link Result#deferred}): the type, range ({@link SubmittedValues#MAX_NUMBER}) and precision of
 * numbers (the form's decimals: yuan to the fen), dates, the form's options, minimum, maximum and maximum length.
 */
final class FormSubmission {

  /** The variables to write, and a refusal to raise if the step's own validation lets the submission pass. */
  record Result(Map<String, Object> kept, SubmissionRejectedException deferred) {
  }

  private final List<SubmissionRejectedException> deferred = new ArrayList<>();

  private FormSubmission() {
  }

  /**
   * The variables to write: the submission without its unchanged read-only fields.
   *
   * @param current reads the value a variable has now, from where the task or start form would read it
   */
  static Result check(String formTitle, CamundaForm form, Map<String, ?> submitted,
      Function<String, Object> current) {
    FormSubmission submission = new FormSubmission();
    Map<String, Object> kept = submission.run(formTitle, form, submitted, current);
    return new Result(kept, submission.deferred.isEmpty() ? null : submission.deferred.get(0));
  }

  private Map<String, Object> run(String formTitle, CamundaForm form, Map<String, ?> submitted,
      Function<String, Object> current) {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : submitted.entrySet()) {
      String name = entry.getKey();
      Shape shape = form.variables().get(name);
      if (shape == null) {
        throw refuse(name, "提交的数据包含" + formTitle + "之外的字段“" + name + "”，未作任何更改。");
      }
      JsonNode value = SubmittedValues.toJson(name, entry.getValue());
      if (shape.kind() == Kind.FIELD && shape.field().readonly()) {
        // Tasklist sends a read-only field back empty when it cannot show the variable (a Java object such as
        // BigDecimal); read-only values are never written, so an empty one changes nothing and is not an attempt
        if (value.isNull() || value.isMissingNode() || value.isTextual() && value.asText().isEmpty()) {
          continue;
        }
        Object now = current.apply(name);
        boolean unchanged = SubmittedValues.same(value, now)
            || now == null && shape.field().defaultValue() != null && SubmittedValues.same(value,
                shape.field().defaultValue().isTextual() ? shape.field().defaultValue().asText()
                    : shape.field().defaultValue());
        if (!unchanged) {
          throw refuse(name, "“" + shape.field().label() + "”是只读字段，不能修改，未作任何更改。");
        }
        continue;
      }
      check(name, shape, value, current);
      kept.put(name, entry.getValue());
    }
    return kept;
  }

  private void check(String name, Shape shape, JsonNode value, Function<String, Object> current) {
    switch (shape.kind()) {
      case FIELD -> field(shape.field(), value, current);
      case LIST -> {
        JsonNode rows = SubmittedValues.structured(name, value);
        if (rows.isNull()) {
          return;
        }
        if (!rows.isArray()) {
          throw refuse(name, "列表“" + name + "”的数据格式不正确，未作任何更改。");
        }
        for (JsonNode row : rows) {
          members(name, shape, row, current);
        }
      }
      case OBJECT -> {
        JsonNode object = SubmittedValues.structured(name, value);
        if (!object.isNull()) {
          members(name, shape, object, current);
        }
      }
    }
  }

  private void members(String name, Shape shape, JsonNode object, Function<String, Object> current) {
    if (!object.isObject()) {
      throw refuse(name, "“" + name + "”的数据格式不正确，未作任何更改。");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> member = fields.next();
      Shape child = shape.children().get(member.getKey());
      if (child == null) {
        throw refuse(name, "“" + name + "”含有表单之外的字段“" + member.getKey() + "”，未作任何更改。");
      }
      check(name + "." + member.getKey(), child, member.getValue(), current);
    }
  }

  private void field(Field field, JsonNode value, Function<String, Object> current) {
    if (value.isNull() || value.isMissingNode()) {
      return;
    }
    // nothing else says it: no control characters, broken encoding or endless text anywhere, at once
    texts(field, value);
    // the form's own rules, which the step's validation usually states in its own words first
    try {
      rules(field, value, current);
    } catch (SubmissionRejectedException e) {
      deferred.add(e);
    }
  }

  private static void texts(Field field, JsonNode value) {
    if (value.isTextual()) {
      SubmittedValues.checkText(field.label(), value.asText(), "textarea".equals(field.type()), null);
    }
    value.forEach(item -> texts(field, item));
  }

  private void rules(Field field, JsonNode value, Function<String, Object> current) {
    String label = field.label();
    switch (field.type()) {
      case "number" -> {
        BigDecimal number = SubmittedValues.number(label, value, field.decimalDigits());
        if (number != null && field.min() != null && number.compareTo(field.min()) < 0) {
          throw refuse(field.key(), "“" + label + "”不能小于" + field.min().toPlainString() + "，未作任何更改。");
        }
        if (number != null && field.max() != null && number.compareTo(field.max()) > 0) {
          throw refuse(field.key(), "“" + label + "”不能大于" + field.max().toPlainString() + "，未作任何更改。");
        }
      }
      case "checkbox" -> {
        if (!value.isBoolean() && !(value.isTextual() && value.asText().matches("true|false"))) {
          throw refuse(field.key(), "“" + label + "”只能是“是”或“否”，未作任何更改。");
        }
      }
      case "radio", "select" -> option(field, scalar(field, value), current);
      case "checklist", "taglist" -> {
        JsonNode items = SubmittedValues.structured(field.key(), value);
        if (!items.isArray()) {
          throw refuse(field.key(), "“" + label + "”的数据格式不正确，未作任何更改。");
        }
        for (JsonNode item : items) {
          option(field, scalar(field, item), current);
        }
      }
      case "output" -> {
        // a declared output of an API client: any JSON, its texts checked above
      }
      case "datetime" -> {
        String text = scalar(field, value);
        SubmittedValues.dateText(label, text);
        limit(field, text, 40);
      }
      default -> limit(field, scalar(field, value), field.maxLength());
    }
  }

  private static void limit(Field field, String text, Integer maxLength) {
    if (maxLength != null && text.codePointCount(0, text.length()) > maxLength) {
      throw refuse(field.key(), "“" + field.label() + "”不能超过" + maxLength + "个字，未作任何更改。");
    }
  }

  private static String scalar(Field field, JsonNode value) {
    if (value.isContainerNode()) {
      throw refuse(field.key(), "“" + field.label() + "”的数据格式不正确，未作任何更改。");
    }
    return value.asText();
  }

  private void option(Field field, String value, Function<String, Object> current) {
    if (value.isEmpty()) {
      return;
    }
    Set<String> allowed = new LinkedHashSet<>(field.options());
    if (field.optionsVariable() != null) {
      JsonNode source = SubmittedValues.structured(field.optionsVariable(),
          SubmittedValues.toJson(field.optionsVariable(), current.apply(field.optionsVariable())));
      for (JsonNode option : source) {
        allowed.add(option.isObject() ? option.path("value").asText() : option.asText());
      }
    } else if (allowed.isEmpty()) {
      return;
    }
    if (!allowed.contains(value)) {
      throw refuse(field.key(), "“" + field.label() + "”的选项无效，未作任何更改。");
    }
  }
}
