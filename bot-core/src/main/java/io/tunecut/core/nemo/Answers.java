package io.tunecut.core.nemo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns one HTTP answer into its payload, whichever envelope it came in, or into a
 * {@link NemoException} with the business code and HTTP status.
 */
final class Answers {
  static final ObjectMapper JSON = JsonMapper.builder().build();
  /** A JSON answer larger than this is not one we expect. */
  static final long MAX_JSON_BYTES = 1024 * 1024;

  private Answers() {}

  /** The payload of {@code response}: {@code data} when wrapped, else the top level. */
  static JsonNode read(Response response, String what, String token) throws IOException {
    int status = response.code();
    byte[] bytes = readCapped(response.body(), what, status);
    JsonNode root = parse(bytes);
    if (!response.isSuccessful()) {
      throw refusal(response, root, what, token);
    }
    if (root == null) {
      if (isBlank(bytes)) {
        return JsonNodeFactory.instance.objectNode();
      }
      throw new NemoException(0, status, what + ": the backend answered with something that is not JSON ("
          + contentType(response) + ", " + bytes.length + " bytes)");
    }
    return unwrap(root, status, what, token);
  }

  /** Reads at most {@link #MAX_JSON_BYTES}; more is a clear failure, not an out-of-memory. */
  static byte[] readCapped(ResponseBody body, String what, int status) throws IOException {
    BufferedSource source = body.source();
    if (source.request(MAX_JSON_BYTES + 1)) {
      throw new NemoException(0, status, what + ": the backend's answer is larger than "
          + (MAX_JSON_BYTES / 1024) + " KB, which no answer of the protocol is");
    }
    return source.getBuffer().readByteArray();
  }

  static JsonNode parse(byte[] bytes) {
    if (bytes == null || isBlank(bytes)) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  static JsonNode parse(String text) {
    return text == null ? null : parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Success payload of a parsed answer in HTTP 2xx, or the business error it carries. */
  static JsonNode unwrap(JsonNode root, int status, String what, String token) throws NemoException {
    if (!root.isObject()) {
      return root;
    }
    Integer code = Fields.code(root, "code");
    if (code != null && code != 0 && code != 200) {
      throw failure(root, status, what, token);
    }
    JsonNode success = root.get("success");
    if (success != null && success.isBoolean() && !success.booleanValue()) {
      throw failure(root, status, what, token);
    }
    if (code == null && success == null && Fields.message(root.get("error")) != null
        && !root.has("status") && !root.has("data")) {
      throw failure(root, status, what, token);
    }
    JsonNode data = root.get("data");
    if (data != null && (data.isObject() || data.isArray())) {
      return data;
    }
    if ((code != null || success != null) && (data == null || data.isNull())) {
      return JsonNodeFactory.instance.objectNode();
    }
    return root;
  }

  /** The exception for an error answer of {@code response}; a 429's tells the wait its Retry-After asks for. */
  static NemoException refusal(Response response, JsonNode root, String what, String token) {
    NemoException refused = failure(root, response.code(), what, token);
    if (response.code() != 429) {
      return refused;
    }
    return new RateLimited(refused, RateLimited.retryAfter(response.header("Retry-After"), Clock.systemUTC()));
  }

  /** The exception for an error answer, with its business code when the body has one. */
  static NemoException failure(JsonNode root, int status, String what, String token) {
    Integer code = null;
    String words = null;
    NemoException.Details details = NemoException.Details.NONE;
    if (root != null && root.isObject()) {
      details = new NemoException.Details(Fields.text(root, "file", "filename"), problem(Fields.text(root, "problem")),
          Fields.text(root, "backend"));
      code = Fields.code(root, "code", "error_code", "errorCode");
      JsonNode error = root.get("error");
      if (code == null && error != null && error.isObject()) {
        code = Fields.code(error, "code");
      }
      words = Fields.text(root, "message", "msg", "detail", "errorMessage");
      if (words == null) {
        words = Fields.message(error);
      }
      if (code != null && (code == 200 || code == status)) {
        code = null;
      }
    }
    if (code == null && status == 401) {
      code = NemoException.TOKEN_INVALID;
    }
    int businessCode = code == null ? 0 : code;
    StringBuilder message = new StringBuilder(what).append(": ").append(meaning(businessCode, status));
    String clean = Redaction.clean(words, token);
    if (!clean.isEmpty()) {
      message.append(" — the backend says: ").append(clean);
    }
    message.append(" (");
    if (businessCode != 0) {
      message.append("code ").append(businessCode).append(", ");
    }
    message.append("HTTP ").append(status).append(')');
    return new NemoException(businessCode, status, message.toString(), null, details);
  }

  private static NemoException.Problem problem(String said) {
    if (said == null) return null;
    return switch (said) {
      case "format" -> NemoException.Problem.FORMAT;
      case "unreadable" -> NemoException.Problem.UNREADABLE;
      default -> null;
    };
  }

  private static String meaning(int code, int status) {
    switch (code) {
      case NemoException.TOKEN_INVALID:
        return "the token was refused as bad or expired";
      case NemoException.SESSION_NOT_FOUND:
        return "the session was not found";
      case NemoException.NO_CREDITS:
        return "no credits left";
      case NemoException.UNSUPPORTED_FILE:
        return "the file type is not supported";
      case NemoException.FILE_TOO_LARGE:
        return "the file is too large";
      default:
        break;
    }
    if (code != 0) {
      return "the backend refused";
    }
    switch (status) {
      case 400:
        return "the backend refused the request as malformed (a missing X-Client-Id is a bug on our side)";
      case 402:
        return "the plan cannot export: register or upgrade the plan";
      case 403:
        return "access was refused";
      case 404:
        return "not found";
      case 429:
        return "rate-limited by the backend";
      default:
        return status >= 500 ? "the backend failed" : status >= 400 ? "the backend refused" : "the backend reported a failure";
    }
  }

  private static String contentType(Response response) {
    String type = response.header("Content-Type");
    return type == null ? "no content type" : type;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
