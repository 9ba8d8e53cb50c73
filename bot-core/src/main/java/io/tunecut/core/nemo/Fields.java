package io.tunecut.core.nemo;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient reading of backend JSON: several spellings, numbers that come as strings, ids kept exact. */
final class Fields {
  private Fields() {}

  /** The first present, non-null field of {@code names}, or null. */
  static JsonNode first(JsonNode node, String... names) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && !value.isNull() && !value.isMissingNode()) {
        return value;
      }
    }
    return null;
  }

  /** A string or number as its exact text (19-digit ids keep every digit); null when absent or empty. */
  static String text(JsonNode node, String... names) {
    JsonNode value = first(node, names);
    if (value == null || value.isContainerNode()) {
      return null;
    }
    String text = value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.asText();
    return text == null || text.isEmpty() ? null : text;
  }

  /** A number, or a string holding one ("45", "45%"); NaN when absent or unreadable. */
  static double number(JsonNode node, String... names) {
    return toNumber(first(node, names));
  }

  static double toNumber(JsonNode value) {
    if (value == null) {
      return Double.NaN;
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      String text = value.asText().strip();
      if (text.endsWith("%")) {
        text = text.substring(0, text.length() - 1).strip();
      }
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** An integer code (number or numeric string), or null. */
  static Integer code(JsonNode node, String... names) {
    double value = number(node, names);
    if (Double.isNaN(value) || value != Math.rint(value)) {
      return null;
    }
    return (int) value;
  }

  /** The backend's words for an error: a string, or the message of an error object. */
  static String message(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isObject()) {
      return text(value, "message", "msg", "detail", "error", "errorMessage");
    }
    if (value.isContainerNode()) {
      return value.toString();
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }
}
