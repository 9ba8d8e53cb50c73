package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** JSON in and out, in the protocol's business envelope. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String ANSWERED = "tunecut.answered";
  private static final int MAX_BODY = 32 * 1024 * 1024;

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code {code:0, message:"ok", data:{…}}} */
  static ObjectNode ok(JsonNode data) {
    ObjectNode root = object();
    root.put("code", 0);
    root.put("message", "ok");
    root.set("data", data);
    return root;
  }

  static ObjectNode error(int code, String message) {
    ObjectNode root = object();
    root.put("code", code);
    root.put("message", message);
    root.put("success", false);
    root.put("error", message);
    root.putNull("data");
    return root;
  }

  static void send(Context ctx, int status, JsonNode body) {
    ctx.attribute(ANSWERED, true);
    ctx.status(status);
    ctx.contentType("application/json; charset=utf-8");
    try {
      ctx.result(MAPPER.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  static ObjectNode body(Context ctx) {
    byte[] bytes;
    try (InputStream in = ctx.bodyInputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw ApiError.badRequest("could not read the request body");
    }
    if (bytes.length > MAX_BODY) throw ApiError.badRequest("the request body is too large");
    if (bytes.length == 0) return object();
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode() || node.isNull()) return object();
      if (!node.isObject()) throw ApiError.badRequest("the request body must be a JSON object");
      return (ObjectNode) node;
    } catch (IOException e) {
      throw ApiError.badRequest("the request body is not valid JSON");
    }
  }

  static String text(JsonNode node, String... fields) {
    for (String f : fields) {
      JsonNode v = node == null ? null : node.get(f);
      if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) return v.asText();
    }
    return null;
  }
}
