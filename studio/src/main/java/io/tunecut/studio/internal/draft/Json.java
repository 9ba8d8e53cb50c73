package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Reading helpers: drafts come from clients, so every field may be missing or of the wrong type. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static long ms(JsonNode node, String key, long fallback) {
    JsonNode v = node.get(key);
    return v != null && v.isNumber() ? Math.max(0, Math.round(v.asDouble())) : fallback;
  }

  static double num(JsonNode node, String key, double fallback) {
    JsonNode v = node.get(key);
    return v != null && v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : fallback;
  }

  static String text(JsonNode node, String key, String fallback) {
    JsonNode v = node.get(key);
    return v != null && v.isTextual() ? v.asText() : fallback;
  }

  /** The fields of {@code node} we do not model, kept so a draft round-trips unchanged. */
  static ObjectNode rest(JsonNode node, Set<String> known) {
    ObjectNode rest = MAPPER.createObjectNode();
    if (node == null || !node.isObject()) return rest;
    node.fields().forEachRemaining(e -> {
      if (!known.contains(e.getKey())) rest.set(e.getKey(), e.getValue().deepCopy());
    });
    return rest;
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
