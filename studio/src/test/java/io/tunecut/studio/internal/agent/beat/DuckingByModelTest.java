package io.tunecut.studio.internal.agent.beat;

import static io.tunecut.studio.internal.agent.ModelServer.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.internal.agent.AgentReply;
import io.tunecut.studio.internal.agent.AgentStep;
import io.tunecut.studio.internal.agent.Instruction;
import io.tunecut.studio.internal.agent.Instructions;
import io.tunecut.studio.internal.agent.ModelAgent;
import io.tunecut.studio.internal.agent.ModelServer;
import io.tunecut.studio.internal.agent.RuleAgent;
import io.tunecut.studio.internal.analysis.Cuts;
import io.tunecut.studio.internal.analysis.TimeRange;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ducking asked of an operator's language model (a fake one on loopback, speaking the
 * OpenAI-style tool-call wire format, whole and streamed) ends as the rules end it: the same
 * timeline, the same answer.
 */
class DuckingByModelTest {
  final Media city = media("med_city", "city.mp4", MediaKind.VIDEO, 5, true);
  final Media beach = media("med_beach", "beach.mp4", MediaKind.VIDEO, 7, false);
  final Media song = media("med_song", "song.mp3", MediaKind.AUDIO, 120, true);
  final List<Media> media = List.of(city, beach, song);
  /** Someone talks from 1.0 to 2.5 s in city.mp4; beach.mp4 has no sound at all. */
  final Map<Path, List<TimeRange>> speech = Map.of(city.file(), List.of(new TimeRange(1.0, 2.5)), beach.file(), List.of());
  final RuleAgent rules = rules();
  final Draft start = withSong(rules.afterUpload(rules.emptyDraft(), media, media));
  ModelServer model;

  static Media media(String id, String name, MediaKind kind, double seconds, boolean sound) {
    return new Media(id, name, new MediaInfo(kind, seconds, kind == MediaKind.AUDIO ? 0 : 1920,
        kind == MediaKind.AUDIO ? 0 : 1080, 30, 0, sound ? 2 : 0, "h264", "aac", "mp4"), Path.of(name));
  }

  RuleAgent rules() {
    List<Instruction> all = new ArrayList<>(Instructions.standard());
    all.add(new BeatInstruction(new BeatEdits(f -> Grid.steady(120, 0.3, 120), f -> new Cuts(List.of(), List.of()), speech::get)));
    return new RuleAgent(all);
  }

  Draft withSong(Draft draft) {
    return draft.withMusic(new Music("m1", song.id(), song.filename(), 0, draft.durationMs(), 0, 0.5, 0, 0, true, null, null));
  }

  ModelAgent agent(boolean stream) {
    model = new ModelServer(stream);
    return ModelAgent.of(model.settings(Duration.ofSeconds(5)), rules);
  }

  @AfterEach
  void stop() {
    if (model != null) model.close();
  }

  @ParameterizedTest(name = "streamed: {0}")
  @ValueSource(booleans = {false, true})
  void duckingAskedOfTheModelGoesWhereSomeoneTalksAsTheRulesPutIt(boolean stream) throws Exception {
    ModelAgent agent = agent(stream);
    model.answers(call("duck_music", "{\"duck\": true, \"db\": 18}"));

    AgentReply byModel = agent.respond(start, media, "can the music get out of the way of the talking, quite a lot", "en");
    AgentReply byRules = rules.respond(start, media, "lower the music 18 dB while people talk", "en");

    Music.Duck duck = byModel.draft().music().duck();
    assertThat(duck.db()).isEqualTo(-18);
    assertThat(duck.speech()).as("1.0–2.5 s of talk in the first clip, padded").containsExactly(new Music.Range(850, 2750));
    assertThat(byModel.draft()).isEqualTo(byRules.draft());
    assertThat(byModel.text()).isEqualTo(byRules.text())
        .startsWith("The music goes down 18 dB in 1 place where people talk.");
    assertThat(byModel.steps()).extracting(AgentStep::tool).contains("duck_music");
    JsonNode offered = model.request().path("tools");
    JsonNode tool = null;
    for (JsonNode t : offered) if (t.at("/function/name").asText().equals("duck_music")) tool = t.at("/function/parameters");
    assertThat(tool).as("duck_music is offered with a schema").isNotNull();
    assertThat(tool.at("/properties/duck/type").asText()).isEqualTo("boolean");
    assertThat(tool.at("/properties/db/maximum").asDouble()).isEqualTo(40);
  }

  @ParameterizedTest(name = "streamed: {0}")
  @ValueSource(booleans = {false, true})
  void noDuckingThroughTheModelKeepsTheMusicLevelAndItStaysLevel(boolean stream) {
    ModelAgent agent = agent(stream);
    model.answers(call("duck_music", "{\"duck\": false}"));
    Draft ducked = rules.respond(start, media, "music at 50%", "en").draft();
    assertThat(ducked.music().duck()).as("ducked by itself: someone talks").isNotNull();

    AgentReply byModel = agent.respond(ducked, media, "说话的时候音乐别动", "zh");
    AgentReply byRules = rules.respond(ducked, media, "不要闪避", "zh");

    assertThat(byModel.draft().music().duck()).isNull();
    assertThat(byModel.draft().music().duckRefused()).isTrue();
    assertThat(byModel.draft()).isEqualTo(byRules.draft());
    assertThat(byModel.text()).isEqualTo(byRules.text()).startsWith("好的，有人说话时音乐也不降低。");
    assertThat(rules.respond(byModel.draft(), media, "music at 40%", "en").draft().music().duck())
        .as("a later turn does not duck it again").isNull();
  }

  @ParameterizedTest(name = "streamed: {0}")
  @ValueSource(booleans = {false, true})
  void aDepthOutOfRangeIsDroppedAndSaidAndTheRestIsDone(boolean stream) {
    ModelAgent agent = agent(stream);
    model.answers(call("duck_music", "{\"duck\": true, \"db\": 90}"), call("set_music_volume", "{\"percent\": 40}"));

    AgentReply reply = agent.respond(start, media, "music 40% and duck it 90 db", "en");

    assertThat(reply.draft().music().volume()).isEqualTo(0.4);
    assertThat(reply.draft().music().duckDb()).as("the usual depth, as without asking").isEqualTo(-12);
    assertThat(reply.text()).contains("Music volume set to 40%.").contains("I couldn't use part of that: duck_music");
  }
}
