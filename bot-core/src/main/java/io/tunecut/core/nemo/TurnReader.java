package io.tunecut.core.nemo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sense of the events of one chat turn: ADK events and the older {@code type}-shaped
 * ones. Text goes to the listener once (streamed chunks are not repeated when the aggregated
 * event follows), reasoning is dropped, tool calls become activity. Not thread-safe: one
 * stream's reader thread feeds it.
 */
final class TurnReader {
  private static final Logger log = LoggerFactory.getLogger(TurnReader.class);

  private final TurnListener listener;
  private final String token;
  private final List<String> segments = new ArrayList<>();
  private final StringBuilder streaming = new StringBuilder();
  private final List<String> tools = new ArrayList<>();

  TurnReader(TurnListener listener, String token) {
    this.listener = listener;
    this.token = token;
  }

  /** One event's data. Throws when the event says the run failed. */
  void accept(String data) throws NemoException {
    alive();
    if (data == null || data.isBlank()) {
      return;
    }
    JsonNode event = Answers.parse(data);
    if (event == null || !event.isObject()) {
      log.debug("ignoring a chat event that is not a JSON object ({} chars)", data.length());
      return;
    }
    failIfError(event);
    // ADK events have no "type"; the older shape may carry an object in "content".
    JsonNode content = event.get("content");
    if (event.path("type").isTextual()) {
      acceptTyped(event);
    } else if (content != null && content.isObject()) {
      acceptAdk(event, content);
    }
  }

  /** The turn as it ended: all text, pending streamed text included. */
  TurnResult result() {
    commitStreaming();
    return new TurnResult(String.join("\n", segments), tools);
  }

  private void acceptAdk(JsonNode event, JsonNode content) {
    if ("user".equals(content.path("role").asText())) {
      return;
    }
    boolean partial = event.path("partial").asBoolean(false);
    StringBuilder text = new StringBuilder();
    boolean anyText = false;
    for (JsonNode part : content.path("parts")) {
      if (part.path("thought").asBoolean(false)) {
        continue;
      }
      JsonNode call = part.get("functionCall");
      if (call == null) {
        call = part.get("function_call");
      }
      if (call != null && call.isObject()) {
        tool(Fields.text(call, "name"));
        continue;
      }
      JsonNode piece = part.get("text");
      if (piece != null && piece.isTextual()) {
        text.append(piece.asText());
        anyText = true;
      }
    }
    if (partial) {
      if (text.length() > 0) {
        stream(text.toString());
      }
    } else if (anyText && text.length() > 0) {
      whole(text.toString());
    } else {
      commitStreaming();
    }
  }

  private void acceptTyped(JsonNode event) throws NemoException {
    String type = event.get("type").asText().toLowerCase(Locale.ROOT);
    switch (type) {
      case "text":
      case "message":
      case "delta": {
        String text = Fields.text(event, "content", "text", "delta");
        if (text != null) {
          stream(text);
        }
        break;
      }
      case "tool_call":
      case "tool_use":
      case "function_call": {
        String name = Fields.text(event, "name", "tool", "tool_name", "toolName");
        if (name == null) {
          JsonNode nested = Fields.first(event, "tool_call", "function", "content", "data");
          name = Fields.text(nested, "name", "tool", "tool_name");
        }
        tool(name);
        break;
      }
      case "error":
        throw new NemoException(codeOf(event), 0, "the backend reported an error in the chat turn: "
            + words(Fields.message(Fields.first(event, "content", "message", "error")), "no details"));
      default:
        break; // heartbeat, tool_result, done…: signs of life only
    }
  }

  private void failIfError(JsonNode event) throws NemoException {
    JsonNode error = event.get("error");
    String errorWords = Fields.message(error);
    if (errorWords != null && !(error.isBoolean() && !error.booleanValue())) {
      Integer code = error.isObject() ? Fields.code(error, "code") : null;
      throw new NemoException(code == null ? codeOf(event) : code, 0,
          "the backend reported an error in the chat turn: " + words(errorWords, "no details"));
    }
    String errorCode = Fields.text(event, "errorCode", "error_code");
    String errorMessage = Fields.text(event, "errorMessage", "error_message");
    if (errorCode != null || errorMessage != null) {
      Integer code = Fields.code(event, "errorCode", "error_code");
      throw new NemoException(code == null ? 0 : code, 0, "the backend reported an error in the chat turn: "
          + words(errorMessage, "no details") + (errorCode == null ? "" : " (" + words(errorCode, "") + ")"));
    }
    Integer code = Fields.code(event, "code");
    if (code != null && code != 0 && code != 200 && !event.has("content")) {
      throw new NemoException(code, 0, "the backend refused the chat turn: "
          + words(Fields.text(event, "message", "msg"), "no details") + " (code " + code + ")");
    }
  }

  private int codeOf(JsonNode event) {
    Integer code = Fields.code(event, "code");
    return code == null || code == 200 ? 0 : code;
  }

  private String words(String text, String fallback) {
    String clean = Redaction.clean(text, token);
    return clean.isEmpty() ? fallback : clean;
  }

  private void stream(String chunk) {
    if (streaming.length() == 0 && !segments.isEmpty()) {
      emit("\n");
    }
    streaming.append(chunk);
    emit(chunk);
  }

  /** A whole message: after streamed chunks it repeats them, so only what is new is shown. */
  private void whole(String text) {
    if (streaming.length() > 0) {
      String shown = streaming.toString();
      if (text.startsWith(shown) && text.length() > shown.length()) {
        emit(text.substring(shown.length()));
      }
      streaming.setLength(0);
      segments.add(text);
      return;
    }
    if (!segments.isEmpty()) {
      emit("\n");
    }
    segments.add(text);
    emit(text);
  }

  private void commitStreaming() {
    if (streaming.length() > 0) {
      segments.add(streaming.toString());
      streaming.setLength(0);
    }
  }

  private void tool(String name) {
    // Only a plain identifier is passed on: a backend may put anything in a tool's name.
    String shown = name == null || name.length() > 64 || !name.matches("[A-Za-z][A-Za-z0-9_.\\-]*") ? "tool" : name;
    tools.add(shown);
    try {
      listener.onTool(shown);
    } catch (RuntimeException e) {
      log.warn("a turn listener failed on activity", e);
    }
  }

  private void emit(String text) {
    try {
      listener.onText(text);
    } catch (RuntimeException e) {
      log.warn("a turn listener failed on text", e);
    }
  }

  void alive() {
    try {
      listener.onAlive();
    } catch (RuntimeException e) {
      log.warn("a turn listener failed on a sign of life", e);
    }
  }
}
