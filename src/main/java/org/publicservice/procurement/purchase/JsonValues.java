package org.publicservice.procurement.purchase;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/** Turns the JSON values that Camunda Forms submit (Spin nodes, strings or Java lists) into plain Java rows. */
public final class JsonValues {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonValues() {
  }

  public static List<Map<String, Object>> rows(Object value) {
    if (value == null) {
      return List.of();
    }
    try {
      if (value instanceof SpinJsonNode node) {
        return MAPPER.readValue(node.toString(), new TypeReference<>() { });
      }
      if (value instanceof String text) {
        return text.isBlank() ? List.of() : MAPPER.readValue(text, new TypeReference<>() { });
      }
      if (value instanceof Collection<?> items) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object item : items) {
          if (item instanceof Map<?, ?> map) {
            Map<String, Object> row = new LinkedHashMap<>();
            map.forEach((k, v) -> row.put(String.valueOf(k), v));
            rows.add(row);
          }
        }
        return rows;
      }
    } catch (Exception e) {
      throw FormRules.reject(null, "列表数据格式不正确。");
    }
    throw FormRules.reject(null, "列表数据格式不正确。");
  }

  /**
   * A text of any length as a process variable, e.g. a report that a form shows: a String variable holds at most
   * 4,000 characters (ACT_RU_VARIABLE.TEXT_), this one is stored as JSON in a byte array. Java code reads it back
   * as a String, Tasklist parses it and shows it like a String variable.
   */
  public static TypedValue longText(String text) {
    return Variables.objectValue(text).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  /**
   * Rows (records, maps or strings) as a JSON process variable, the form in which a list crosses from one stage to the
   * next and Tasklist shows it; a record becomes the row {@link #row} makes of it. Read back with {@link #rows}.
   */
  public static SerializableValue json(List<?> rows) {
    return SpinValues.jsonValue(toJson(rows.stream().map(item -> item instanceof Record record ? row(record) : item)
        .toList())).create();
  }

  /** A record as a JSON row: each component by its name, in the record's order. */
  public static Map<String, Object> row(Record record) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        row.put(component.getName(), component.getAccessor().invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), e);
      }
    }
    return row;
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
