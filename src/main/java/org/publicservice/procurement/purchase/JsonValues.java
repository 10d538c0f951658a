package org.publicservice.procurement.purchase;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

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

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
