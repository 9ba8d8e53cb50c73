package io.tunecut.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A scripted answer of {@code POST /run_sse}: the SSE events, in order, with delays between
 * them. The stream ends when the script ends (the server closes it), or drops mid-way.
 *
 * <pre>{@code
 * server.enqueueTurn(Turn.builder().tool("add_music").delay(Duration.ofMillis(300))
 *     .draft(FakeNemoServer.draftWithMusic()).text("Added lofi.mp3 at 35%.").build());
 * }</pre>
 */
public final class Turn {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One thing the stream does. */
  sealed interface Step permits Event, Pause, Hold, Drop, Draft {}

  record Event(String data) implements Step {}

  record Pause(Duration duration) implements Step {}

  /** @param ping how often a keep-alive goes out while waiting; null for silence */
  record Hold(CountDownLatch latch, Duration ping) implements Step {}

  record Drop() implements Step {}

  /** Replaces the session's draft at this point of the stream. */
  record Draft(String json) implements Step {}

  final List<Step> steps;

  private Turn(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A turn that answers with one text event. */
  public static Turn text(String text) {
    return builder().text(text).build();
  }

  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();

    /** An ADK text event from the model. */
    public Builder text(String text) {
      return adk(part().put("text", text));
    }

    /** A reasoning part: never to be shown. */
    public Builder thought(String text) {
      return adk(part().put("text", text).put("thought", true));
    }

    /** An ADK functionCall event. */
    public Builder tool(String name) {
      ObjectNode part = part();
      part.putObject("functionCall").put("id", "call_" + name).put("name", name).putObject("args");
      return adk(part);
    }

    /** An ADK functionResponse event. */
    public Builder toolResult(String name) {
      ObjectNode part = part();
      ObjectNode fr = part.putObject("functionResponse").put("id", "call_" + name).put("name", name);
      fr.putObject("response").put("status", "ok");
      return adk(part);
    }

    /** The older shape: {@code {"type":"text","content":"…"}}. */
    public Builder legacyText(String text) {
      return event(JSON.createObjectNode().put("type", "text").put("content", text).toString());
    }

    /** The older shape: {@code {"type":"tool_call","name":…}}. */
    public Builder legacyTool(String name) {
      return event(JSON.createObjectNode().put("type", "tool_call").put("name", name).toString());
    }

    /** The older keep-alive: {@code {"type":"heartbeat"}}. */
    public Builder heartbeat() {
      return event("{\"type\":\"heartbeat\"}");
    }

    /** A final error event: the run failed. */
    public Builder error(String message) {
      return event(JSON.createObjectNode().put("error", message).toString());
    }

    /** Any {@code data:} payload, verbatim. */
    public Builder event(String data) {
      steps.add(new Event(data));
      return this;
    }

    /** A comment line ({@code : ping}). */
    public Builder keepAlive() {
      steps.add(new Event(null));
      return this;
    }

    public Builder delay(Duration duration) {
      steps.add(new Pause(duration));
      return this;
    }

    /** Keep-alives every {@code every} for {@code total}: a long, silent-but-alive stretch. */
    public Builder keepAlives(Duration total, Duration every) {
      for (long t = 0; t < total.toMillis(); t += every.toMillis()) {
        delay(every);
        keepAlive();
      }
      return this;
    }

    /** The stream waits here until the latch opens (or the client goes away). */
    public Builder hold(CountDownLatch latch) {
      steps.add(new Hold(latch, null));
      return this;
    }

    /** The same, with a keep-alive every {@code every} while waiting: a backend still working. */
    public Builder holdAlive(CountDownLatch latch, Duration every) {
      steps.add(new Hold(latch, every));
      return this;
    }

    /** The session's draft becomes {@code draftJson} at this point. */
    public Builder draft(String draftJson) {
      steps.add(new Draft(draftJson));
      return this;
    }

    /** The connection breaks here: no end of stream. */
    public Builder drop() {
      steps.add(new Drop());
      return this;
    }

    public Turn build() {
      return new Turn(steps);
    }

    private Builder adk(ObjectNode part) {
      ObjectNode event = JSON.createObjectNode();
      ObjectNode content = event.putObject("content");
      content.put("role", "model");
      ArrayNode parts = content.putArray("parts");
      parts.add(part);
      event.put("author", "nemo_agent");
      event.put("partial", false);
      event.put("invocationId", "e-" + Integer.toHexString(System.identityHashCode(part)));
      return event(event.toString());
    }

    private static ObjectNode part() {
      return JSON.createObjectNode();
    }
  }
}
