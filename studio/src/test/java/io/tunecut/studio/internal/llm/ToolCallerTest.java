package io.tunecut.studio.internal.llm;

import io.tunecut.studio.server.LlmSettings;

import static io.tunecut.studio.internal.llm.FakeModel.call;
import static io.tunecut.studio.internal.llm.FakeModel.textPiece;
import static io.tunecut.studio.internal.llm.FakeModel.toolPiece;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.internal.llm.ModelReply.Failed;
import io.tunecut.studio.internal.llm.ModelReply.Failure;
import io.tunecut.studio.internal.llm.ModelReply.Proposed;
import io.tunecut.studio.internal.llm.SampleEdits.AddText;
import io.tunecut.studio.internal.llm.SampleEdits.LoopMusic;
import io.tunecut.studio.internal.llm.SampleEdits.MusicVolume;
import io.tunecut.studio.internal.llm.SampleEdits.OrderClips;
import io.tunecut.studio.internal.llm.SampleEdits.Position;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ToolCallerTest {
  static final ToolCatalog<SampleEdits> CATALOG = ToolCatalog.of(SampleEdits.class,
      List.of(MusicVolume.class, AddText.class, OrderClips.class, LoopMusic.class));
  static final String KEY = "sk-test-5ecret-Key-0042";
  static final String INSTRUCTIONS = "You edit short videos. Use the tools.";

  final FakeModel model = new FakeModel();

  @AfterEach
  void stop() {
    model.close();
  }

  ToolCaller<SampleEdits> caller(boolean stream) {
    return new ToolCaller<>(model.settings(KEY, stream), CATALOG, INSTRUCTIONS);
  }

  static Proposed<SampleEdits> proposed(ModelReply<SampleEdits> reply) {
    assertThat(reply).isInstanceOf(Proposed.class);
    return (Proposed<SampleEdits>) reply;
  }

  static Failed<SampleEdits> failed(ModelReply<SampleEdits> reply) {
    assertThat(reply).isInstanceOf(Failed.class);
    return (Failed<SampleEdits>) reply;
  }

  @Test
  void wholeAnswersBecomeTypedEditsInTheModelsOrder() {
    model.answers("Done: louder music and a title.",
        call("call_1", "set_music_volume", "{\"percent\": 80}"),
        call("call_2", "add_text", "{\"text\": \"Day 1\", \"position\": \"top\", \"start\": 1.5}"));

    Proposed<SampleEdits> reply = proposed(caller(false).ask("music at 80% and put 'Day 1' at the top", ""));

    assertThat(reply.edits()).containsExactly(new MusicVolume(80),
        new AddText("Day 1", Position.TOP, Optional.of(1.5), null));
    assertThat(reply.dropped()).isEmpty();
    assertThat(reply.text()).isEqualTo("Done: louder music and a title.");
  }

  @Test
  void streamedCallsArePutTogetherFromTheirPiecesEvenWhenInterleaved() {
    model.streams(
        textPiece("Sure"),
        toolPiece(0, "add_text", "{\"text\": \"Lis"),
        toolPiece(1, "order_clips", "{\"clips\": [\"beach"),
        toolPiece(0, null, "bon\", \"posi"),
        toolPiece(1, null, ".mp4\", \"city.mp4\"]"),
        toolPiece(0, null, "tion\": \"bottom\"}"),
        toolPiece(1, null, "}"),
        textPiece("!"));

    Proposed<SampleEdits> reply = proposed(caller(true).ask("caption Lisbon at the bottom, beach clip first", ""));

    assertThat(reply.edits()).containsExactly(
        new AddText("Lisbon", Position.BOTTOM, Optional.empty(), null),
        new OrderClips(List.of("beach.mp4", "city.mp4")));
    assertThat(reply.text()).isEqualTo("Sure!");
  }

  @Test
  void callsThatCannotBeUsedAreDroppedWithAReasonAndTheOthersStillCome() {
    model.answers(null,
        call("call_1", "set_music_volume", "{\"percent\": 80"),
        call("call_2", "explode_video", "{}"),
        call("call_3", "loop_music", "{\"loop\": \"yes please\"}"),
        call("call_4", "set_music_volume", "{\"percent\": 900}"),
        call("call_5", "add_text", "{\"position\": \"top\"}"),
        call("call_6", "add_text", "{\"text\": \"GOAL\", \"position\": \"sideways\"}"),
        call("call_7", "loop_music", "{\"loop\": false}"));

    Proposed<SampleEdits> reply = proposed(caller(false).ask("…", ""));

    assertThat(reply.edits()).containsExactly(new LoopMusic(false));
    assertThat(reply.dropped()).extracting(DroppedCall::tool).containsExactly(
        "set_music_volume", "explode_video", "loop_music", "set_music_volume", "add_text", "add_text");
    assertThat(reply.dropped()).extracting(DroppedCall::toString).satisfiesExactly(
        notJson -> assertThat(notJson).isEqualTo("set_music_volume: its arguments are not JSON"),
        unknown -> assertThat(unknown).isEqualTo("explode_video: there is no tool named explode_video"),
        wrongType -> assertThat(wrongType).isEqualTo("loop_music: loop: string found, boolean expected"),
        tooLoud -> assertThat(tooLoud).isEqualTo("set_music_volume: percent: must have a maximum value of 200"),
        missing -> assertThat(missing).isEqualTo("add_text: required property 'text' not found"),
        notAChoice -> assertThat(notAChoice).isEqualTo(
            "add_text: position: does not have a value in the enumeration [\"top\", \"middle\", \"bottom\"]"));
    assertThat(reply.text()).isEmpty();
  }

  @Test
  void aModelThatOnlyTalksIsNoHelp() {
    model.answers("Hi! I can edit your video.");

    assertThat(failed(caller(false).ask("hi", "")).failure()).isEqualTo(Failure.NO_TOOL_CALLS);
  }

  @Test
  void aSlowModelTimesOut() {
    model.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{}").bodyDelay(1, TimeUnit.HOURS).build());
    ToolCaller<SampleEdits> caller = new ToolCaller<>(model.settings(KEY, false, Duration.ofMillis(300)), CATALOG,
        INSTRUCTIONS);

    Failed<SampleEdits> reply = failed(caller.ask("music at 80%", ""));

    assertThat(reply.failure()).isEqualTo(Failure.TIMED_OUT);
    assertThat(reply.reason()).isEqualTo("the model did not answer within 0.3 s");
  }

  @Test
  void aStreamThatStallsTimesOutInsteadOfReturningHalfAnAnswer() {
    model.streamsThenStalls(toolPiece(0, "set_music_volume", "{\"percent\""), toolPiece(0, null, ": 80}"));
    ToolCaller<SampleEdits> caller = new ToolCaller<>(model.settings(KEY, true, Duration.ofMillis(300)), CATALOG,
        INSTRUCTIONS);

    assertThat(failed(caller.ask("music at 80%", "")).failure()).isEqualTo(Failure.TIMED_OUT);
  }

  @Test
  void serverErrorsAreFailures() {
    model.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"out of memory\"}}").build());
    model.enqueue(new MockResponse.Builder().code(401)
        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}").build());

    Failed<SampleEdits> crashed = failed(caller(false).ask("music at 80%", ""));
    Failed<SampleEdits> refused = failed(caller(false).ask("music at 80%", ""));

    assertThat(crashed.failure()).isEqualTo(Failure.SERVER_ERROR);
    assertThat(crashed.reason()).isEqualTo("the model's server answered HTTP 500");
    assertThat(refused.failure()).isEqualTo(Failure.SERVER_ERROR);
    assertThat(refused.reason()).isEqualTo("the model's server answered HTTP 401 (is TUNECUT_LLM_KEY right?)")
        .doesNotContain(KEY);
  }

  @Test
  void aModelThatIsNotThereIsUnreachable() throws Exception {
    URI gone;
    try (MockWebServer closed = new MockWebServer()) {
      closed.start();
      gone = closed.url("/v1").uri();
    }
    ToolCaller<SampleEdits> caller = new ToolCaller<>(
        new LlmSettings(gone, "tiny-model", KEY, Duration.ofSeconds(5), false), CATALOG, INSTRUCTIONS);

    Failed<SampleEdits> reply = failed(caller.ask("music at 80%", ""));

    assertThat(reply.failure()).isEqualTo(Failure.UNREACHABLE);
    assertThat(reply.reason()).startsWith("nothing answered at http://");
  }

  @Test
  void anAnswerThatIsNotAChatCompletionIsMalformed() {
    model.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html>502 Bad Gateway</html>").build());
    model.enqueue(FakeModel.json("{\"object\": \"list\", \"data\": []}"));
    model.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body("data: {\"choices\": [{\"delta\": {\"content\": \"Su\n\n").build());

    assertThat(failed(caller(false).ask("a", "")).failure()).isEqualTo(Failure.MALFORMED);
    assertThat(failed(caller(false).ask("b", "")).failure()).isEqualTo(Failure.MALFORMED);
    assertThat(failed(caller(true).ask("c", "")).failure()).isEqualTo(Failure.MALFORMED);
  }

  @Test
  void anAnswerThatNeverEndsIsNotRead() {
    model.enqueue(FakeModel.json("{\"choices\": [{\"message\": {\"content\": \""
        + "la".repeat((int) ChatCompletions.MAX_ANSWER_BYTES) + "\"}}]}"));

    Failed<SampleEdits> reply = failed(caller(false).ask("sing", ""));

    assertThat(reply.failure()).isEqualTo(Failure.MALFORMED);
    assertThat(reply.reason()).isEqualTo("the model's answer is too long");
  }

  @Test
  void theServerIsAskedForTheModelWithTheToolsAndTheKey() throws Exception {
    model.answers(null, call("call_1", "loop_music", "{\"loop\": true}"));

    caller(false).ask("loop the music", "Timeline: beach.mp4 (4.0 s), city.mp4 (6.0 s); no music.");

    RecordedRequest request = model.request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode body = FakeModel.body(request);
    assertThat(body.path("model").asText()).isEqualTo("tiny-model");
    assertThat(body.path("tool_choice").asText()).isEqualTo("auto");
    assertThat(body.path("stream").asBoolean()).isFalse();
    assertThat(body.path("messages")).hasSize(2);
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(0).path("content").asText())
        .isEqualTo(INSTRUCTIONS + "\n\nTimeline: beach.mp4 (4.0 s), city.mp4 (6.0 s); no music.");
    assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("loop the music");
    assertThat(body.path("tools")).hasSize(4);
    JsonNode volume = body.path("tools").get(0);
    assertThat(volume.path("type").asText()).isEqualTo("function");
    assertThat(volume.path("function").path("name").asText()).isEqualTo("set_music_volume");
    assertThat(volume.path("function").path("description").asText()).isEqualTo("Sets how loud the music plays.");
    assertThat(volume.path("function").path("parameters").toString())
        .isEqualTo(CATALOG.parameters("set_music_volume").toString());
  }

  @Test
  void withoutAKeyNoAuthorizationIsSent() throws Exception {
    model.answers(null, call("call_1", "loop_music", "{\"loop\": true}"));

    new ToolCaller<>(model.settings("", false), CATALOG, INSTRUCTIONS).ask("loop it", "");

    assertThat(model.request().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void theKeyIsInNoLogLine() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      model.answers(null, call("call_1", "set_music_volume", "{\"percent\": 900}"));
      model.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key " + KEY + "\"}}")
          .build());
      caller(false).ask("music way up", "");
      caller(false).ask("music way up", "");
    } finally {
      root.detachAppender(logs);
    }

    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).contains("dropped"))
        .anySatisfy(line -> assertThat(line).contains("HTTP 401"))
        .allSatisfy(line -> assertThat(line).doesNotContain(KEY));
    assertThat(logs.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
  }
}
