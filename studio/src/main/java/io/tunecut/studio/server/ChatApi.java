package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tunecut.studio.internal.agent.Agent;
import io.tunecut.studio.internal.agent.AgentReply;
import io.tunecut.studio.internal.agent.AgentStep;
import io.tunecut.studio.internal.agent.History;
import io.tunecut.studio.internal.agent.Said;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.store.SessionRecord;
import io.tunecut.studio.internal.store.Sessions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /run_sse}: one chat turn, answered as ADK events over server-sent events. */
final class ChatApi {
  private static final Logger log = LoggerFactory.getLogger(ChatApi.class);
  static final String AUTHOR = "nemo_agent";

  private final Auth auth;
  private final SessionApi sessions;
  private final Sessions store;
  private final Agent agent;
  private final ExecutorService turns;
  private final Duration keepAlive;

  ChatApi(Auth auth, SessionApi sessions, Sessions store, Agent agent, ExecutorService turns, Duration keepAlive) {
    this.auth = auth;
    this.sessions = sessions;
    this.store = store;
    this.agent = agent;
    this.turns = turns;
    this.keepAlive = keepAlive;
  }

  void runSse(Context ctx) throws IOException {
    String user = auth.user(ctx);
    ObjectNode body = Json.body(ctx);
    String sessionId = Json.text(body, "session_id", "sessionId");
    StringBuilder text = new StringBuilder();
    for (JsonNode part : body.path("new_message").path("parts")) {
      if (part.hasNonNull("text") && !part.path("thought").asBoolean(false)) {
        if (text.length() > 0) text.append('\n');
        text.append(part.get("text").asText());
      }
    }
    ctx.status(200);
    ctx.res().setContentType("text/event-stream; charset=utf-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();

    SessionRecord found = sessionId == null ? null : store.find(sessionId, user).orElse(null);
    if (found == null) {
      error(out, ApiError.SESSION, "session not found");
      return;
    }
    if (text.toString().isBlank()) {
      error(out, ApiError.BAD_REQUEST, "the message has no text");
      return;
    }
    String invocation = Ids.hex("e-", 12);
    try (var held = sessions.lock(found.id())) {
      SessionRecord s = sessions.owned(found.id(), user);
      Draft draft = Draft.read(SessionApi.parse(s.draft()));
      History history = history(store.history(s.id()));
      Said said = Said.read(s.talk());
      var media = sessions.media(s);
      Future<AgentReply> turn = turns.submit(() -> agent.respond(draft, history, said, media, text.toString(), s.language()));
      AgentReply reply;
      try {
        while (true) {
          try {
            reply = turn.get(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
            break;
          } catch (TimeoutException e) {
            write(out, ": ping\n\n");
          }
        }
      } catch (IOException e) {
        turn.cancel(true); // the client left
        throw e;
      } catch (InterruptedException e) {
        turn.cancel(true);
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        log.warn("chat turn failed in session {}", s.id(), e.getCause());
        error(out, ApiError.INTERNAL, "the edit could not be made: " + e.getCause().getClass().getSimpleName());
        return;
      }
      sessions.keep(s, reply.created());
      store.saveTurn(s.id(), reply.draft() == null ? null : reply.draft().toJson().toString(), reply.said().toJson(),
          reply.history().equals(history) ? null : stored(reply.history()));
      for (AgentStep step : reply.steps()) {
        String callId = Ids.hex("call_", 8);
        ObjectNode call = Json.object();
        call.put("id", callId);
        call.put("name", step.tool());
        call.set("args", step.args() == null ? Json.object() : step.args());
        event(out, invocation, "model", Json.object().set("functionCall", call), false);
        ObjectNode response = Json.object();
        response.put("id", callId);
        response.put("name", step.tool());
        response.set("response", step.result() == null ? Json.object() : step.result());
        event(out, invocation, "user", Json.object().set("functionResponse", response), false);
      }
      ObjectNode textPart = Json.object();
      textPart.put("text", reply.text() == null ? "" : reply.text());
      event(out, invocation, "model", textPart, true);
    }
  }

  private static History history(Sessions.DraftHistory stored) {
    return new History(stored.earlier().stream().map(j -> Draft.read(SessionApi.parse(j))).toList(),
        stored.later().stream().map(j -> Draft.read(SessionApi.parse(j))).toList());
  }

  private static Sessions.DraftHistory stored(History h) {
    return new Sessions.DraftHistory(h.earlier().stream().map(d -> d.toJson().toString()).toList(),
        h.later().stream().map(d -> d.toJson().toString()).toList());
  }

  private void event(OutputStream out, String invocation, String role, ObjectNode part, boolean last)
      throws IOException {
    ObjectNode e = Json.object();
    ObjectNode content = e.putObject("content");
    content.put("role", role);
    content.putArray("parts").add(part);
    e.put("author", AUTHOR);
    e.put("invocationId", invocation);
    e.put("id", Ids.hex("evt_", 8));
    e.put("timestamp", Instant.now().toEpochMilli() / 1000.0);
    e.put("partial", false);
    if (last) e.put("turnComplete", true);
    e.putObject("actions");
    write(out, "data: " + Json.MAPPER.writeValueAsString(e) + "\n\n");
  }

  private static void error(OutputStream out, int code, String message) throws IOException {
    ObjectNode e = Json.object();
    e.put("error", message);
    e.put("code", code);
    e.put("errorCode", String.valueOf(code));
    e.put("errorMessage", message);
    write(out, "data: " + Json.MAPPER.writeValueAsString(e) + "\n\n");
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
