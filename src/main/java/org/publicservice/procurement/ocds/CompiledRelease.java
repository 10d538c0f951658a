package org.publicservice.procurement.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The compiled release of a record: the releases merged oldest first by the OCDS merge rules — a later value
 * replaces an earlier one, objects merge field by field, arrays of objects with an {@code id} merge by id, other
 * arrays are replaced.
 */
final class CompiledRelease {

  private CompiledRelease() {
  }

  static ObjectNode of(List<ObjectNode> releasesOldestFirst) {
    ObjectNode compiled = releasesOldestFirst.get(0).objectNode();
    for (ObjectNode release : releasesOldestFirst) {
      merge(compiled, release);
    }
    compiled.put("id", compiled.get("ocid").asText() + "-compiled");
    compiled.putArray("tag").add("compiled");
    return compiled;
  }

  private static void merge(ObjectNode target, ObjectNode source) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      JsonNode value = field.getValue();
      JsonNode existing = target.get(field.getKey());
      if (value.isObject() && existing != null && existing.isObject()) {
        merge((ObjectNode) existing, (ObjectNode) value);
      } else if (value.isArray() && existing != null && existing.isArray() && identified((ArrayNode) value)) {
        mergeById((ArrayNode) existing, (ArrayNode) value);
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }

  private static void mergeById(ArrayNode target, ArrayNode source) {
    for (JsonNode item : source) {
      ObjectNode match = null;
      for (JsonNode candidate : target) {
        if (candidate.isObject() && item.get("id").equals(candidate.get("id"))) {
          match = (ObjectNode) candidate;
        }
      }
      if (match == null) {
        target.add(item.deepCopy());
      } else {
        merge(match, (ObjectNode) item);
      }
    }
  }

  private static boolean identified(ArrayNode array) {
    if (array.isEmpty()) {
      return false;
    }
    for (JsonNode item : array) {
      if (!item.isObject() || !item.has("id")) {
        return false;
      }
    }
    return true;
  }
}
