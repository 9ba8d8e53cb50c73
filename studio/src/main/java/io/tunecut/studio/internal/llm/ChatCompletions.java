package io.tunecut.studio.internal.llm;

import io.tunecut.studio.server.LlmSettings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.llm.ModelReply.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * One exchange with an OpenAI-compatible {@code /chat/completions} endpoint: the request with
 * tools, and the answer read whole or as a stream of server-sent events, whichever the server
 * sends. Every way it can go wrong ends in a {@link ModelUnavailable} with its kind.
 */
final class ChatCompletions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  /** Far more than any answer with a few tool calls; a server sending more is not answering. */
  static final long MAX_ANSWER_BYTES = 1 << 20;

  /** The model's answer, before its calls are checked. */
  record Completion(List<ToolCall> calls, String text) {}

  private final LlmSettings settings;
  private final OkHttpClient http;

  ChatCompletions(LlmSettings settings) {
    this.settings = settings;
    this.http = new OkHttpClient.Builder()
        .callTimeout(settings.timeout())
        .connectTimeout(settings.timeout())
        .readTimeout(settings.timeout())
        .writeTimeout(settings.timeout())
        .retryOnConnectionFailure(false)
        .build();
  }

  Completion complete(String instructions, String message, ArrayNode tools) throws ModelUnavailable {
    Request.Builder request = new Request.Builder()
        .url(settings.endpoint().toString())
        .post(RequestBody.create(body(instructions, message, tools), JSON_TYPE))
        .header("Accept", settings.stream() ? "text/event-stream" : "application/json");
    if (!settings.apiKey().isEmpty()) request.header("Authorization", "Bearer " + settings.apiKey());
    try (Response response = http.newCall(request.build()).execute()) {
      if (!response.isSuccessful()) {
        throw new ModelUnavailable(Failure.SERVER_ERROR, "the model's server answered HTTP " + response.code()
            + (response.code() == 401 || response.code() == 403 ? " (is TUNECUT_LLM_KEY right?)" : ""));
      }
      ResponseBody body = response.body();
      MediaType type = body.contentType();
      if (type != null && "event-stream".equals(type.subtype())) return new StreamedCompletion().read(response);
      BufferedSource source = body.source();
      if (source.request(MAX_ANSWER_BYTES + 1)) {
        throw new ModelUnavailable(Failure.MALFORMED, "the model's answer is too long");
      }
      return whole(JSON.readTree(source.getBuffer().readUtf8()));
    } catch (InterruptedIOException e) {
      throw new ModelUnavailable(Failure.TIMED_OUT,
          "the model did not answer within " + seconds(settings.timeout()) + " s");
    } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
      throw new ModelUnavailable(Failure.UNREACHABLE, "nothing answered at " + settings.host());
    } catch (JsonProcessingException e) {
      throw new ModelUnavailable(Failure.MALFORMED, "the model's answer is not JSON");
    } catch (IOException e) {
      throw new ModelUnavailable(Failure.UNREACHABLE, "the connection to " + settings.host() + " failed");
    }
  }

  private String body(String instructions, String message, ArrayNode tools) {
    ObjectNode body = JSON.createObjectNode().put("model", settings.model());
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", instructions);
    messages.addObject().put("role", "user").put("content", message);
    body.set("tools", tools);
    body.put("tool_choice", "auto").put("stream", settings.stream());
    return body.toString();
  }

  /** {@code choices[0].message}: its {@code content} and {@code tool_calls[*].function}. */
  private static Completion whole(JsonNode answer) throws ModelUnavailable {
    JsonNode message = answer.path("choices").path(0).path("message");
    if (!message.isObject()) {
      throw new ModelUnavailable(Failure.MALFORMED, answer.has("error")
          ? "the model's server answered with an error" : "the model's answer has no message");
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      calls.add(new ToolCall(function.path("name").asText(""), arguments(function.path("arguments"))));
    }
    return new Completion(calls, message.path("content").asText(""));
  }

  private static String seconds(Duration time) {
    return BigDecimal.valueOf(time.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  /** A JSON object in a string, as specified; some servers send the object itself. */
  static String arguments(JsonNode arguments) {
    return arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "" : arguments.toString();
  }
}
