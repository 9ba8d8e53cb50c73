package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StudioProtocolTest extends StudioTestBase {
  StudioHttp http;
  final ScriptedRenderer renderer = new ScriptedRenderer(false);

  @BeforeEach
  void startStudio() {
    http = http(start(renderer, s -> s));
  }

  @Test
  void anonymousTokenRenewsForTheSameClientIdAndExpiresInSevenDays() {
    StudioHttp.Answer first = http.anonymousToken("client-1");
    StudioHttp.Answer again = http.anonymousToken("client-1");
    StudioHttp.Answer other = http.anonymousToken("client-2");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.code()).isZero();
    assertThat(first.json().path("message").asText()).isEqualTo("ok");
    JsonNode data = first.data();
    assertThat(data.path("token").asText()).startsWith("nmv_usr_");
    assertThat(data.path("user_id").asText()).startsWith("anon_");
    assertThat(data.path("credits").asDouble()).isPositive();
    Instant expires = Instant.parse(data.path("expires_at").asText());
    assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));

    assertThat(again.data().path("token").asText()).isNotEqualTo(data.path("token").asText());
    assertThat(again.data().path("user_id").asText()).isEqualTo(data.path("user_id").asText());
    assertThat(other.data().path("user_id").asText()).isNotEqualTo(data.path("user_id").asText());
  }

  @Test
  void aMissingOrOverlongClientIdIsRefusedWithHttp400AndAClearMessage() {
    StudioHttp.Answer missing = http.anonymousToken(null);
    StudioHttp.Answer tooLong = http.anonymousToken("x".repeat(65));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("message").asText()).contains("X-Client-Id");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("message").asText()).contains("64");
  }

  @Test
  void everyOtherCallWantsAValidBearerToken() {
    String session = http.session(http.token("c"));
    List<StudioHttp.Answer> refused = List.of(
        http.post("/api/tasks/me/with-session/nemo_agent", null, "{}"),
        http.post("/api/tasks/me/with-session/nemo_agent", "nmv_usr_forged", "{}"),
        http.get("/api/credits/balance/simple", "nmv_usr_0000"),
        http.state("not-a-token", session),
        http.post("/run_sse", null, StudioHttp.runSseBody(session, "hi")),
        http.get("/api/render/proxy/lambda/render_1", null),
        http.post("/api/render/proxy/lambda", null, "{}"));

    for (StudioHttp.Answer a : refused) {
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.code()).isEqualTo(1001);
      assertThat(a.json().path("message").asText()).isNotBlank();
    }
  }

  @Test
  void tokensAreKeptOnlyAsHashes() throws IOException {
    String token = http.token("c");
    http.session(token);

    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(token);
      }
    }
  }

  @Test
  void aSessionHasANineteenDigitIdATaskIdAndAFullState() {
    String token = http.token("c");
    StudioHttp.Answer created = http.post("/api/tasks/me/with-session/nemo_agent", token,
        "{\"task_name\":\"project\",\"language\":\"zh\"}");
    String session = created.data().path("session_id").asText();

    assertThat(session).matches("[1-9][0-9]{18}");
    assertThat(created.data().path("task_id").asText()).isNotBlank();
    assertThat(created.data().path("language").asText()).isEqualTo("zh");

    http.upload(token, session, Samples.clip());
    JsonNode state = http.state(token, session).data().path("state");
    assertThat(state.path("draft").path("t").get(0).path("sg")).hasSize(1);
    JsonNode info = state.path("video_infos").get(0);
    assertThat(info.path("filename").asText()).isEqualTo("city.mp4");
    assertThat(info.path("file_type").asText()).isEqualTo("video");
    assertThat(info.path("duration").asDouble()).isBetween(1.9, 2.1);
    assertThat(info.path("width").asInt()).isEqualTo(160);
    assertThat(info.path("height").asInt()).isEqualTo(120);
    assertThat(info.path("fps").asDouble()).isEqualTo(30.0);
    assertThat(info.path("cdn_url").asText()).startsWith(http.base + "/files/").contains("sig=").doesNotContain(token);
    assertThat(state.path("canvas_config").path("width").asInt()).isEqualTo(1920);
    assertThat(state.path("canvas_config").path("aspect").asText()).isEqualTo("16:9");
    assertThat(state.path("video_analyses").isObject()).isTrue();
    assertThat(state.path("generated_media").isArray()).isTrue();
  }

  @Test
  void oneUsersSessionMediaAndRendersAreInvisibleToAnother() {
    String alice = http.token("alice");
    String bob = http.token("bob");
    String session = http.session(alice);
    String clipUrl = http.upload(alice, session, Samples.clip()).data().path("files").get(0).path("cdn_url").asText();
    StudioHttp.Answer render = http.post("/api/render/proxy/lambda", alice,
        "{\"id\":\"render_alice\",\"sessionId\":\"" + session + "\",\"output\":{\"format\":\"mp4\"}}");
    assertThat(render.json().path("success").asBoolean()).isTrue();

    StudioHttp.Answer state = http.state(bob, session);
    assertThat(state.status()).isEqualTo(404);
    assertThat(state.code()).isEqualTo(1002);
    StudioHttp.Answer upload = http.upload(bob, session, Samples.clip());
    assertThat(upload.code()).isEqualTo(1002);
    assertThat(http.post("/run_sse", bob, StudioHttp.runSseBody(session, "add music")).body())
        .contains("\"error\"").contains("1002");
    StudioHttp.Answer export = http.post("/api/render/proxy/lambda", bob,
        "{\"id\":\"render_bob\",\"sessionId\":\"" + session + "\"}");
    assertThat(export.code()).isEqualTo(1002);
    assertThat(http.get("/api/render/proxy/lambda/render_alice", bob).status()).isEqualTo(404);
    assertThat(http.get("/api/render/proxy/render_alice/download", bob).status()).isEqualTo(404);
    assertThat(http.post("/api/render/proxy/lambda/render_alice/cancel", bob, "{}").status()).isEqualTo(404);

    // Alice still sees all of it; the signed link works for whoever holds it.
    assertThat(http.state(alice, session).code()).isZero();
    assertThat(http.get(clipUrl, null).status()).isEqualTo(200);
  }

  @Test
  void aChatTurnStreamsKeepAlivesThenToolEventsThenTheAnswer() throws IOException {
    String token = http.token("c");
    String session = http.session(token);
    http.upload(token, session, Samples.clip(), Samples.track());
    CountDownLatch release = new CountDownLatch(1);
    agent.hold = release;

    List<String> lines = new ArrayList<>();
    Request request = http.request("/run_sse", token).header("Accept", "text/event-stream")
        .post(RequestBody.create(StudioHttp.runSseBody(session, "add background music"), StudioHttp.JSON)).build();
    try (Response response = StudioHttp.CLIENT.newCall(request).execute()) {
      assertThat(response.header("Content-Type")).startsWith("text/event-stream");
      BufferedSource source = response.body().source();
      for (String line; (line = source.readUtf8Line()) != null; ) {
        lines.add(line);
        if (line.equals(": ping")) release.countDown(); // a keep-alive arrived while the agent worked
      }
    }

    assertThat(lines).contains(": ping");
    List<JsonNode> events = new ArrayList<>();
    for (String l : lines) if (l.startsWith("data: ")) events.add(StudioHttp.MAPPER.readTree(l.substring(6)));
    assertThat(events).hasSize(3);
    JsonNode call = events.get(0).path("content").path("parts").get(0).path("functionCall");
    JsonNode response = events.get(1).path("content").path("parts").get(0).path("functionResponse");
    assertThat(call.path("name").asText()).isEqualTo("add_music");
    assertThat(call.path("args").path("track").asText()).isEqualTo("lofi.mp3");
    assertThat(response.path("id").asText()).isEqualTo(call.path("id").asText());
    assertThat(response.path("response").path("ok").asBoolean()).isTrue();
    JsonNode last = events.get(2);
    assertThat(last.path("content").path("role").asText()).isEqualTo("model");
    assertThat(last.path("content").path("parts").get(0).path("text").asText()).isEqualTo("Added lofi.mp3.");
    for (JsonNode e : events) {
      assertThat(e.path("author").asText()).isEqualTo("nemo_agent");
      assertThat(e.path("invocationId").asText()).isEqualTo(events.get(0).path("invocationId").asText());
      assertThat(e.path("id").asText()).isNotBlank();
      assertThat(e.path("timestamp").asDouble()).isPositive();
      assertThat(e.path("partial").asBoolean(true)).isFalse();
    }

    JsonNode draft = http.state(token, session).data().path("state").path("draft");
    assertThat(draft.path("t").findValuesAsText("tt")).contains("1");
  }

  @Test
  void aChatTurnOnAnUnknownSessionEndsWithAnErrorEvent() throws IOException {
    String token = http.token("c");
    StudioHttp.Answer a = http.post("/run_sse", token, StudioHttp.runSseBody("1234567890123456789", "hi"));

    assertThat(a.body()).startsWith("data: ");
    JsonNode event = StudioHttp.MAPPER.readTree(a.body().substring(6).strip());
    assertThat(event.path("error").asText()).isEqualTo("session not found");
    assertThat(event.path("code").asInt()).isEqualTo(1002);
  }

  @Test
  void creditsReportAvailableFrozenAndTotal() {
    JsonNode data = http.get("/api/credits/balance/simple", http.token("c")).data();

    assertThat(data.path("available").asDouble()).isEqualTo(120.0);
    assertThat(data.path("frozen").asDouble()).isZero();
    assertThat(data.path("total").asDouble()).isEqualTo(120.0);
  }

  @Test
  void anUnknownEndpointAnswersWithTheEnvelope() {
    StudioHttp.Answer a = http.get("/api/nothing/here", http.token("c"));

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().path("code").asInt()).isNotZero();
    assertThat(a.json().path("message").asText()).contains("/api/nothing/here");
  }

  @Test
  void aFailingHandlerAnswersWithTheEnvelopeAndTheStudioKeepsServing() throws IOException {
    String token = http.token("c");
    String session = http.session(token);
    agent.broken = true;

    StudioHttp.Answer failed = http.upload(token, session, Samples.clip());
    agent.broken = false;
    StudioHttp.Answer next = http.upload(token, session, Samples.clip());

    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.code()).isNotZero();
    assertThat(failed.json().path("message").asText()).contains("could not handle");
    assertThat(next.code()).isZero();
    // The failed upload left no file behind: only the second one is on disk.
    try (Stream<Path> files = Files.walk(dataDir.resolve("media"))) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
    }
  }

  @Test
  void logsNeverContainATokenWhateverHappens() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    ch.qos.logback.classic.Level level = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      String token = http.token("c");
      String session = http.session(token);
      agent.broken = true;
      http.upload(token, session, Samples.clip());
      agent.broken = false;
      http.upload(token, session, Samples.clip());
      http.post("/run_sse", token, StudioHttp.runSseBody(session, "hello"));
      http.post("/api/render/proxy/lambda", token, "{\"id\":\"render_l\",\"sessionId\":\"" + session + "\"}");
      http.get("/api/credits/balance/simple", token + "x");

      // The render queue logs from its own threads: read a copy taken under the appender's lock.
      java.util.List<ch.qos.logback.classic.spi.ILoggingEvent> seen;
      synchronized (logs) {
        seen = new java.util.ArrayList<>(logs.list);
      }
      assertThat(seen).isNotEmpty();
      for (var e : seen) {
        assertThat(e.getFormattedMessage()).doesNotContain(token);
        if (e.getThrowableProxy() != null) assertThat(e.getThrowableProxy().getMessage()).doesNotContain(token);
      }
    } finally {
      root.setLevel(level);
      root.detachAppender(logs);
    }
  }
}
