package io.tunecut.studio.internal.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.studio.internal.llm.ChatCompletions.Completion;
import io.tunecut.studio.internal.llm.ModelReply.Failure;
import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * A streamed chat completion put back together: {@code data:} chunks carry
 * {@code choices[0].delta}, whose text and tool calls arrive in pieces; a tool call's pieces
 * share its {@code index}, and calls may interleave. The stream ends with {@code data: [DONE]}.
 */
final class StreamedCompletion extends EventSourceListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringBuilder text = new StringBuilder();
  private final TreeMap<Integer, StringBuilder[]> calls = new TreeMap<>(); // index → name, arguments
  private boolean done;
  private ModelUnavailable failure;
  private IOException broken;

  Completion read(Response response) throws ModelUnavailable, IOException {
    EventSources.processResponse(response, this);
    if (broken != null) throw broken;
    if (failure != null) throw failure;
    List<ToolCall> read = calls.values().stream()
        .map(call -> new ToolCall(call[0].toString(), call[1].toString()))
        .toList();
    return new Completion(read, text.toString());
  }

  @Override
  public void onEvent(EventSource source, String id, String type, String data) {
    if (data.strip().equals("[DONE]")) {
      done = true;
      source.cancel(); // some servers keep the connection open after it
      return;
    }
    try {
      JsonNode chunk = JSON.readTree(data);
      if (chunk.has("error")) {
        stop(source, new ModelUnavailable(Failure.SERVER_ERROR, "the model's server reported an error mid-answer"));
        return;
      }
      JsonNode delta = chunk.path("choices").path(0).path("delta");
      text.append(delta.path("content").asText(""));
      JsonNode pieces = delta.path("tool_calls");
      for (int i = 0; i < pieces.size(); i++) {
        JsonNode piece = pieces.get(i);
        StringBuilder[] call = calls.computeIfAbsent(piece.path("index").asInt(i),
            index -> new StringBuilder[] {new StringBuilder(), new StringBuilder()});
        call[0].append(piece.path("function").path("name").asText(""));
        call[1].append(ChatCompletions.arguments(piece.path("function").path("arguments")));
      }
    } catch (JsonProcessingException e) {
      stop(source, new ModelUnavailable(Failure.MALFORMED, "a piece of the model's streamed answer is not JSON"));
    }
  }

  @Override
  public void onFailure(EventSource source, Throwable t, Response response) {
    if (done || failure != null) return; // we stopped reading ourselves
    if (t instanceof IOException e) broken = e;
    else if (failure == null) failure = new ModelUnavailable(Failure.MALFORMED, "the model's stream broke off");
  }

  private void stop(EventSource source, ModelUnavailable why) {
    failure = why;
    source.cancel();
  }
}
