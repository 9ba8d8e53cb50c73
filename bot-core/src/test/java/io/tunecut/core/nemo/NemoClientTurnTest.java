package io.tunecut.core.nemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NemoClientTurnTest {
  private static final String SID = "7321456789012345678";

  private NemoServer nemo;
  private final FakeTokens tokens = new FakeTokens();
  private final RecordingListener listener = new RecordingListener();

  private NemoClient client(NemoClient.Builder builder) throws IOException {
    nemo = new NemoServer(builder);
    return nemo.client;
  }

  private NemoClient client() throws IOException {
    return client(NemoClient.builder().silenceTimeout(Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    if (nemo != null) {
      nemo.close();
    }
  }

  private static String data(String json) {
    return "data: " + json + "\n\n";
  }

  private static String adkText(String text, boolean partial) {
    return data("{\"author\":\"nemo_agent\",\"invocationId\":\"e-1\",\"id\":\"ev\",\"timestamp\":1.7e9,"
        + "\"partial\":" + partial + ",\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"" + text + "\"}]}}");
  }

  private static String toolCall(String name) {
    return data("{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"id\":\"c1\",\"name\":\"" + name
        + "\",\"args\":{\"volume\":0.35}}}]}}");
  }

  private static String toolResult(String name) {
    return data("{\"content\":{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"id\":\"c1\",\"name\":\"" + name
        + "\",\"response\":{\"ok\":true,\"raw\":\"{internal}\"}}}]}}");
  }

  private static <T> T finish(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the turn did not fail");
  }

  @Test
  void aTurnSendsTheMessageOnceAndShowsTheText() throws Exception {
    NemoClient client = client();
    nemo.sse(adkText("Added the music.", false) + adkText("It fades out at the end.", false));

    TurnResult result = finish(client.runTurn(tokens, SID, "add background music", listener));

    assertThat(result.text()).isEqualTo("Added the music.\nIt fades out at the end.");
    assertThat(listener.shown()).isEqualTo(result.text());
    assertThat(result.silent()).isFalse();
    RecordedRequest request = nemo.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/run_sse");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeTokens.FIRST);
    assertThat(request.getHeaders().get("X-Skill-Source")).isEqualTo("tunecut");
    assertThat(request.getHeaders().get("X-Skill-Version")).isEqualTo("9.9.9");
    assertThat(request.getHeaders().get("X-Skill-Platform")).isEqualTo("console");
    JsonNode body = Answers.JSON.readTree(request.getBody().utf8());
    assertThat(body).isEqualTo(Answers.JSON.readTree("{\"app_name\":\"nemo_agent\",\"user_id\":\"me\","
        + "\"session_id\":\"" + SID + "\",\"new_message\":{\"role\":\"user\",\"parts\":[{\"text\":\"add background music\"}]}}"));
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void partialChunksAreShownOnceWhenTheAggregatedEventRepeatsThem() throws Exception {
    NemoClient client = client();
    nemo.sse(adkText("Adding ", true) + adkText("music ", true) + adkText("now", true)
        + adkText("Adding music now.", false));

    TurnResult result = finish(client.runTurn(tokens, SID, "music please", listener));

    assertThat(listener.texts).containsExactly("Adding ", "music ", "now", ".");
    assertThat(listener.shown()).isEqualTo("Adding music now.");
    assertThat(result.text()).isEqualTo("Adding music now.");
  }

  @Test
  void reasoningPartsAreNeverShown() throws Exception {
    NemoClient client = client();
    nemo.sse(data("{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"The user wants BGM; I should call"
        + " add_bgm\",\"thought\":true},{\"text\":\"Done: music at 35%.\"}]}}"));

    TurnResult result = finish(client.runTurn(tokens, SID, "music at 35%", listener));

    assertThat(result.text()).isEqualTo("Done: music at 35%.");
    assertThat(listener.shown()).doesNotContain("should call");
  }

  @Test
  void toolCallsAreReportedByTheirNamesNeverJson() throws Exception {
    NemoClient client = client();
    nemo.sse(toolCall("add_bgm") + toolResult("add_bgm") + toolCall("set_volume") + toolResult("set_volume")
        + toolCall("export_video") + toolCall("applyColorGrade"));

    TurnResult result = finish(client.runTurn(tokens, SID, "add music at 35%", listener));

    assertThat(listener.activities).containsExactly("add_bgm", "set_volume", "export_video", "applyColorGrade");
    assertThat(result.tools()).containsExactly("add_bgm", "set_volume", "export_video", "applyColorGrade");
    assertThat(result.silent()).isTrue();
    assertThat(listener.texts).isEmpty();
  }

  @Test
  void theOlderTypeShapedEventsAreUnderstood() throws Exception {
    NemoClient client = client();
    nemo.sse(data("{\"type\":\"heartbeat\"}") + data("{\"type\":\"text\",\"content\":\"Music \"}")
        + data("{\"type\":\"tool_call\",\"name\":\"add_music\",\"args\":{}}")
        + data("{\"type\":\"tool_result\",\"content\":{\"ok\":true}}")
        + data("{\"type\":\"text\",\"content\":\"added.\"}"));

    TurnResult result = finish(client.runTurn(tokens, SID, "add music", listener));

    assertThat(result.text()).isEqualTo("Music added.");
    assertThat(listener.shown()).isEqualTo("Music added.");
    assertThat(listener.activities).containsExactly("add_music");
  }

  @Test
  void keepAlivesAreSignsOfLifeOnly() throws Exception {
    NemoClient client = client();
    nemo.sse(": ping\n\n" + "event: keepalive\ndata:\n\n" + ": ping\n\n" + "data: \n\n" + adkText("Done.", false));

    TurnResult result = finish(client.runTurn(tokens, SID, "title 'Urban Dreams'", listener));

    assertThat(result.text()).isEqualTo("Done.");
    assertThat(listener.alive.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void listenerCallbacksRunOnTheReaderThread() throws Exception {
    NemoClient client = client();
    nemo.sse(adkText("Hi.", false));
    String caller = Thread.currentThread().getName();

    finish(client.runTurn(tokens, SID, "hi", listener));

    assertThat(listener.threads).hasSize(1).doesNotContain(caller);
  }

  @Test
  void aFinalErrorEventFailsTheTurnWithoutResending() throws Exception {
    NemoClient client = client();
    nemo.sse(adkText("Working on it.", false) + data("{\"error\":\"agent crashed\"}"));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "fade out", listener));

    assertThat(failure).isInstanceOf(NemoException.class).hasMessageContaining("agent crashed");
    assertThat(listener.shown()).isEqualTo("Working on it.");
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void anAdkErrorEventFailsTheTurn() throws Exception {
    NemoClient client = client();
    nemo.sse(data("{\"errorCode\":\"MALFORMED_FUNCTION_CALL\",\"errorMessage\":\"bad tool call\"}"));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "fade out", listener));

    assertThat(failure).isInstanceOf(NemoException.class)
        .hasMessageContaining("bad tool call").hasMessageContaining("MALFORMED_FUNCTION_CALL");
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aBusinessErrorInsideTheStreamIsNotRetried() throws Exception {
    NemoClient client = client();
    nemo.sse(data("{\"code\":2001,\"message\":\"no credits\"}"));
    nemo.sse(adkText("never", false));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "add music", listener));

    assertThat(failure).isInstanceOfSatisfying(NemoException.class, e -> assertThat(e.code()).isEqualTo(2001));
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aStreamDroppedMidTurnSaysTheMessageMayHaveBeenAppliedAndIsNotResent() throws Exception {
    NemoClient client = client();
    String events = adkText("Adding music", false) + ": pad\n\n".repeat(200);
    nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .chunkedBody(events, 64).onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());
    nemo.sse(adkText("never", false));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "add music", listener));

    assertThat(failure).isInstanceOfSatisfying(TurnInterruptedException.class, e -> {
      assertThat(e.reason()).isEqualTo(TurnInterruptedException.Reason.DROPPED);
      assertThat(e.getMessage()).contains("may have been applied").contains("do not re-send");
    });
    assertThat(listener.shown()).isEqualTo("Adding music");
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aSlowTurnInThrottledChunksCompletes() throws Exception {
    NemoClient client = client(NemoClient.builder().silenceTimeout(Duration.ofSeconds(2)));
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      events.append(": ping\n\n").append(adkText("part" + i + " ", true));
    }
    events.append(toolCall("add_bgm"));
    nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .chunkedBody(events.toString(), 32).throttleBody(64, 40, TimeUnit.MILLISECONDS).build());

    TurnResult result = finish(client.runTurn(tokens, SID, "sync it to the cuts", listener));

    assertThat(result.text()).isEqualTo("part0 part1 part2 part3 part4 part5 part6 part7 ");
    assertThat(result.tools()).containsExactly("add_bgm");
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aSilentBackendFailsTheTurnAfterTheSilenceTimeout() throws Exception {
    NemoClient client = client(NemoClient.builder().silenceTimeout(Duration.ofMillis(300)));
    String events = adkText("Let me think", false) + ": pad\n\n".repeat(200);
    nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .chunkedBody(events, 64).onResponseBody(SocketEffect.Stall.INSTANCE).build());

    Throwable failure = failureOf(client.runTurn(tokens, SID, "make it vertical", listener));

    assertThat(failure).isInstanceOfSatisfying(TurnInterruptedException.class, e -> {
      assertThat(e.reason()).isEqualTo(TurnInterruptedException.Reason.SILENT);
      assertThat(e.getMessage()).contains("no word from the backend for 300 ms").contains("may have been applied");
    });
    assertThat(listener.shown()).isEqualTo("Let me think");
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aTurnPastTheTurnLimitIsStopped() throws Exception {
    NemoClient client = client(NemoClient.builder().turnLimit(Duration.ofMillis(400)));
    nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .chunkedBody(": ping\n\n".repeat(400), 8).throttleBody(8, 20, TimeUnit.MILLISECONDS).build());

    Throwable failure = failureOf(client.runTurn(tokens, SID, "make it vertical", listener));

    assertThat(failure).isInstanceOfSatisfying(TurnInterruptedException.class,
        e -> assertThat(e.reason()).isEqualTo(TurnInterruptedException.Reason.TOO_LONG));
    await().atMost(Duration.ofSeconds(5)).until(() -> client.callsInFlight() == 0);
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void cancellingTheTurnClosesTheStream() throws Exception {
    NemoClient client = client();
    nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .chunkedBody(adkText("Starting", false) + ": ping\n\n".repeat(400), 8)
        .throttleBody(8, 20, TimeUnit.MILLISECONDS).build());

    CompletableFuture<TurnResult> turn = client.runTurn(tokens, SID, "add music", listener);
    await().atMost(Duration.ofSeconds(5)).until(() -> listener.shown().equals("Starting"));
    turn.cancel(true);

    assertThat(turn).isCancelled();
    await().atMost(Duration.ofSeconds(5)).until(() -> client.callsInFlight() == 0);
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aTokenRefusedBeforeTheStreamOpensIsRenewedAndTheMessageSentOnceMore() throws Exception {
    NemoClient client = client();
    nemo.json(401, "{\"code\":1001,\"message\":\"token expired\"}");
    nemo.sse(adkText("Done.", false));

    TurnResult result = finish(client.runTurn(tokens, SID, "add music", listener));

    assertThat(result.text()).isEqualTo("Done.");
    assertThat(tokens.renewals).hasValue(1);
    assertThat(nemo.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeTokens.FIRST);
    assertThat(nemo.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeTokens.RENEWED);
    assertThat(nemo.requests()).isEqualTo(2);
  }

  @Test
  void aTokenRefusedTwiceFailsAfterOneRenewal() throws Exception {
    NemoClient client = client();
    nemo.json("{\"code\":1001,\"message\":\"token expired\"}");
    nemo.json("{\"code\":1001,\"message\":\"token expired\"}");
    nemo.sse(adkText("never", false));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "add music", listener));

    assertThat(failure).isInstanceOfSatisfying(NemoException.class, e -> {
      assertThat(e.code()).isEqualTo(NemoException.TOKEN_INVALID);
      assertThat(e.getMessage()).contains("renewed token");
    });
    assertThat(tokens.renewals).hasValue(1);
    assertThat(nemo.requests()).isEqualTo(2);
  }

  @Test
  void aRateLimitBeforeTheStreamOpensIsRetriedOnceThenExplained() throws Exception {
    NemoClient client = client();
    nemo.json(429, "{\"message\":\"too many\"}");
    nemo.json(429, "{\"message\":\"too many\"}");
    nemo.sse(adkText("never", false));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "add music", listener));

    assertThat(failure).isInstanceOfSatisfying(NemoException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(429);
      assertThat(e.getMessage()).contains("still rate-limited");
    });
    assertThat(nemo.requests()).isEqualTo(2);
  }

  @Test
  void aRateLimitBeforeTheStreamOpensThenSuccess() throws Exception {
    NemoClient client = client();
    nemo.json(429, "{\"message\":\"too many\"}");
    nemo.sse(adkText("Done.", false));

    assertThat(finish(client.runTurn(tokens, SID, "add music", listener)).text()).isEqualTo("Done.");
    assertThat(nemo.requests()).isEqualTo(2);
  }

  @Test
  void aRateLimitsRetryAfterIsWaitedOnTheSchedulerAndToldToTheListener() throws Exception {
    NemoClient client = client();
    nemo.server.enqueue(new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
        .setHeader("Retry-After", "1").body("{\"message\":\"too many\"}").build());
    nemo.sse(adkText("Done.", false));

    long start = System.nanoTime();
    assertThat(finish(client.runTurn(tokens, SID, "add music", listener)).text()).isEqualTo("Done.");

    assertThat(listener.rateLimitWaits).containsExactly(Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(nemo.requests()).isEqualTo(2);
  }

  @Test
  void aRateLimitAskingForHoursFailsTheTurnAtOnce() throws Exception {
    NemoClient client = client();
    nemo.server.enqueue(new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
        .setHeader("Retry-After", "7200").body("{\"message\":\"too many\"}").build());
    nemo.sse(adkText("never", false));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "add music", listener));

    assertThat(failure).isInstanceOfSatisfying(NemoException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(429);
      assertThat(e.getMessage()).contains("asks to wait 7200 s").contains("more than the 60 s");
    });
    assertThat(listener.rateLimitWaits).isEmpty();
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aServerErrorBeforeTheStreamIsNotRetried() throws Exception {
    NemoClient client = client();
    nemo.json(500, "{\"code\":1002,\"message\":\"session not found\"}");
    nemo.sse(adkText("never", false));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "add music", listener));

    assertThat(failure).isInstanceOfSatisfying(NemoException.class, e -> {
      assertThat(e.code()).isEqualTo(NemoException.SESSION_NOT_FOUND);
      assertThat(e.httpStatus()).isEqualTo(500);
    });
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aNonStreamingHtmlAnswerFailsClearly() throws Exception {
    NemoClient client = client();
    nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<html>hi</html>").build());

    Throwable failure = failureOf(client.runTurn(tokens, SID, "add music", listener));

    assertThat(failure).isInstanceOf(NemoException.class).hasMessageContaining("neither an event stream nor JSON");
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void anEventStreamSentWithoutItsContentTypeIsStillRead() throws Exception {
    NemoClient client = client();
    nemo.server.enqueue(new MockResponse.Builder().body(": ping\n\n" + adkText("Done.", false)).build());

    assertThat(finish(client.runTurn(tokens, SID, "add music", listener)).text()).isEqualTo("Done.");
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aWholeJsonAnswerInsteadOfAStreamIsRead() throws Exception {
    NemoClient client = client();
    nemo.json("{\"code\":0,\"data\":{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Done.\"}]}}}");

    assertThat(finish(client.runTurn(tokens, SID, "add music", listener)).text()).isEqualTo("Done.");
    assertThat(listener.shown()).isEqualTo("Done.");
  }

  @Test
  void anAggregatedEventThatRewordsTheChunksIsTheTurnsText() throws Exception {
    NemoClient client = client();
    nemo.sse(adkText("Click Export ", true) + adkText("to render", true) + adkText("Exporting now.", false)
        + toolCall("add_bgm") + adkText("Music added.", false));

    TurnResult result = finish(client.runTurn(tokens, SID, "export", listener));

    assertThat(result.text()).isEqualTo("Exporting now.\nMusic added.");
    assertThat(listener.shown()).isEqualTo("Click Export to render\nMusic added.");
  }

  @Test
  void userEchoesAndUnknownEventsAreIgnored() throws Exception {
    NemoClient client = client();
    nemo.sse(data("{\"content\":{\"role\":\"user\",\"parts\":[{\"text\":\"add music\"}]}}")
        + data("not json at all") + data("[1,2,3]") + data("{\"actions\":{\"stateDelta\":{}},\"turnComplete\":true}")
        + adkText("Done.", false));

    assertThat(finish(client.runTurn(tokens, SID, "add music", listener)).text()).isEqualTo("Done.");
  }

  @Test
  void aStreamWithoutContentTypeThatRefusesIsNotResent() throws Exception {
    NemoClient client = client();
    nemo.server.enqueue(new MockResponse.Builder()
        .body(adkText("Adding", false) + data("{\"code\":1001,\"message\":\"token expired\"}")).build());
    nemo.sse(adkText("never", false));

    Throwable failure = failureOf(client.runTurn(tokens, SID, "add music", listener));

    assertThat(failure).isInstanceOfSatisfying(NemoException.class, e -> assertThat(e.code()).isEqualTo(1001));
    assertThat(listener.shown()).isEqualTo("Adding");
    assertThat(nemo.requests()).isEqualTo(1);
    assertThat(tokens.renewals).hasValue(0);
  }

  @Test
  void manyTurnsRunAtOnceAgainstOneHost() throws Exception {
    int turns = 1000;
    // The host holds every answer until all turns are open; under load that takes longer than the usual silence.
    NemoClient client = client(NemoClient.builder().silenceTimeout(Duration.ofSeconds(30)));
    CountDownLatch allArrived = new CountDownLatch(turns);
    nemo.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        allArrived.countDown();
        // Answers only once every turn is open at the same time: a small dispatcher never gets there.
        allArrived.await(20, TimeUnit.SECONDS);
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
            .body(adkText("ok", false)).build();
      }
    });

    List<CompletableFuture<TurnResult>> running = new ArrayList<>();
    for (int i = 0; i < turns; i++) {
      running.add(client.runTurn(tokens, SID, "turn " + i, new TurnListener() {}));
    }
    assertThat(allArrived.await(20, TimeUnit.SECONDS)).isTrue();
    for (CompletableFuture<TurnResult> turn : running) {
      assertThat(turn.get(20, TimeUnit.SECONDS).text()).isEqualTo("ok");
    }
    assertThat(nemo.requests()).isEqualTo(turns);
  }
}
