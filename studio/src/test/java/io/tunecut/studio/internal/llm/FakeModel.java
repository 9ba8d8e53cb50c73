package io.tunecut.studio.internal.llm;

import io.tunecut.studio.server.LlmSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A language model's server as OpenAI-compatible servers speak: {@code POST /v1/chat/completions},
 * answered whole (a {@code chat.completion}) or streamed ({@code chat.completion.chunk} events,
 * then {@code data: [DONE]}).
 */
final class FakeModel implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();

  FakeModel() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LlmSettings settings(String key, boolean stream) {
    return settings(key, stream, Duration.ofSeconds(5));
  }

  LlmSettings settings(String key, boolean stream, Duration timeout) {
    return new LlmSettings(server.url("/v1").uri(), "tiny-model", key, timeout, stream);
  }

  /** A tool call as a model writes it: arguments are JSON inside a string. */
  static ObjectNode call(String id, String name, String arguments) {
    ObjectNode call = JSON.createObjectNode().put("id", id).put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    return call;
  }

  /** A whole answer: the assistant's message with these tool calls and text. */
  void answers(String text, ObjectNode... calls) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant");
    if (text == null) message.putNull("content");
    else message.put("content", text);
    if (calls.length > 0) message.putArray("tool_calls").addAll(Arrays.asList(calls));
    ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
        .put("created", 1_764_000_000).put("model", "tiny-model");
    completion.putArray("choices").addObject().put("index", 0)
        .put("finish_reason", calls.length > 0 ? "tool_calls" : "stop").set("message", message);
    server.enqueue(json(completion.toString()));
  }

  /** A streamed answer: each delta in its own {@code data:} event, then {@code [DONE]}. */
  void streams(ObjectNode... deltas) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(events(deltas) + "data: [DONE]\n\n").build());
  }

  /** A stream that sends its first delta and then nothing more, keeping the connection open. */
  void streamsThenStalls(ObjectNode first, ObjectNode... rest) {
    String head = events(first);
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(head + events(rest) + "data: [DONE]\n\n")
        .throttleBody(head.length(), 1, TimeUnit.HOURS).build());
  }

  /** Delta pieces of a streamed tool call: the first names it, later ones add to its arguments. */
  static ObjectNode toolPiece(int index, String name, String arguments) {
    ObjectNode piece = JSON.createObjectNode().put("index", index);
    if (name != null) piece.put("id", "call_" + index).put("type", "function");
    ObjectNode function = piece.putObject("function");
    if (name != null) function.put("name", name);
    function.put("arguments", arguments);
    ObjectNode delta = JSON.createObjectNode();
    delta.putArray("tool_calls").add(piece);
    return delta;
  }

  static ObjectNode textPiece(String text) {
    return JSON.createObjectNode().put("content", text);
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
  }

  RecordedRequest request() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  static JsonNode body(RecordedRequest request) throws IOException {
    return JSON.readTree(request.getBody().utf8());
  }

  private static String events(ObjectNode... deltas) {
    StringBuilder events = new StringBuilder();
    for (ObjectNode delta : deltas) {
      ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
          .put("model", "tiny-model");
      ArrayNode choices = chunk.putArray("choices");
      choices.addObject().put("index", 0).putNull("finish_reason").set("delta", delta);
      events.append("data: ").append(chunk).append("\n\n");
    }
    return events.toString();
  }

  @Override
  public void close() {
    server.close();
  }
}
