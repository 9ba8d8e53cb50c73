package io.tunecut.studio.internal.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.server.LlmSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * An operator's model as OpenAI-compatible servers speak: {@code POST /v1/chat/completions}
 * answered whole or streamed ({@code chat.completion.chunk} events, then {@code [DONE]}).
 */
public final class ModelServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "sk-operator-5ecret-0042";

  final MockWebServer server = new MockWebServer();
  private final boolean stream;

  public ModelServer(boolean stream) {
    this.stream = stream;
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LlmSettings settings(Duration timeout) {
    return new LlmSettings(server.url("/v1").uri(), "tiny-model", KEY, timeout, stream);
  }

  /** A tool call as a model writes it: its arguments are JSON inside a string. */
  public record Call(String name, String arguments) {}

  public static Call call(String name, String arguments) {
    return new Call(name, arguments);
  }

  /** The assistant's answer calling these tools, whole or streamed as the settings ask. */
  public void answers(Call... calls) {
    server.enqueue(response(calls));
  }

  /** The same answer, coming only after {@code seconds}. */
  void answersAfter(long seconds, Call... calls) {
    server.enqueue(response(calls).newBuilder().headersDelay(seconds, TimeUnit.SECONDS).build());
  }

  private MockResponse response(Call... calls) {
    if (stream) {
      StringBuilder events = new StringBuilder();
      for (int i = 0; i < calls.length; i++) {
        // Each call comes in two pieces: its name, then its arguments.
        events.append(chunk(piece(i, calls[i].name(), ""))).append(chunk(piece(i, null, calls[i].arguments())));
      }
      return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
          .body(events + "data: [DONE]\n\n").build();
    }
    ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
    ArrayNode toolCalls = message.putArray("tool_calls");
    for (int i = 0; i < calls.length; i++) {
      ObjectNode call = toolCalls.addObject().put("id", "call_" + i).put("type", "function");
      call.putObject("function").put("name", calls[i].name()).put("arguments", calls[i].arguments());
    }
    ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
        .put("model", "tiny-model");
    completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls").set("message", message);
    return json(completion.toString());
  }

  /** Something that is not a chat completion. */
  void answersGarbage() {
    server.enqueue(json("<html>502 bad gateway, try again</html>"));
  }

  public JsonNode request() throws InterruptedException, IOException {
    return JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
  }

  private static ObjectNode piece(int index, String name, String arguments) {
    ObjectNode piece = JSON.createObjectNode().put("index", index);
    if (name != null) piece.put("id", "call_" + index).put("type", "function");
    ObjectNode function = piece.putObject("function");
    if (name != null) function.put("name", name);
    function.put("arguments", arguments);
    ObjectNode delta = JSON.createObjectNode();
    delta.putArray("tool_calls").add(piece);
    return delta;
  }

  private static String chunk(ObjectNode delta) {
    ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
        .put("model", "tiny-model");
    chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").set("delta", delta);
    return "data: " + chunk + "\n\n";
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
  }

  @Override
  public void close() {
    server.close();
  }
}
