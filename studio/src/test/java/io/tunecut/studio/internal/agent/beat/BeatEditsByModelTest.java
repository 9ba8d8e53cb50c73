package io.tunecut.studio.internal.agent.beat;

import static io.tunecut.studio.internal.agent.ModelServer.call;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The beat edits (montage, sync to the cuts, end on a phrase) asked of an operator's language model,
 * a fake one on loopback: made by the rules' own beat instruction, so they end as the rules end them.
 */
class BeatEditsByModelTest {
  final Media city = DuckingByModelTest.media("med_city", "city.mp4", MediaKind.VIDEO, 5, false);
  final Media beach = DuckingByModelTest.media("med_beach", "beach.mp4", MediaKind.VIDEO, 7, false);
  final Media song = DuckingByModelTest.media("med_song", "song.mp3", MediaKind.AUDIO, 120, true);
  final List<Media> media = List.of(city, beach, song);
  final Map<Path, List<TimeRange>> speech = Map.of(city.file(), List.of(), beach.file(), List.of());
  final BeatInstruction beat =
      new BeatInstruction(new BeatEdits(f -> Grid.steady(120, 0.3, 120), f -> new Cuts(List.of(), List.of()), speech::get));
  final RuleAgent rules = rules();
  final Draft start = withSong(rules.afterUpload(rules.emptyDraft(), media, media));
  ModelServer model;

  RuleAgent rules() {
    List<Instruction> all = new ArrayList<>(Instructions.standard());
    all.add(beat);
    return new RuleAgent(all);
  }

  Draft withSong(Draft draft) {
    return draft.withMusic(new Music("m1", song.id(), song.filename(), 0, draft.durationMs(), 0, 0.5, 0, 0, true, null, null));
  }

  ModelAgent agent() {
    model = new ModelServer(false);
    return ModelAgent.of(model.settings(Duration.ofSeconds(5)), rules, beat);
  }

  @AfterEach
  void stop() {
    if (model != null) model.close();
  }

  static Stream<Arguments> sameEdits() {
    return Stream.of(
        Arguments.of("make a 10 s montage every 4 beats", call("beat_montage", "{\"seconds\": 10, \"beatsPerShot\": 4}")),
        Arguments.of("montage every bar", call("beat_montage", "{\"everyBar\": true}")),
        Arguments.of("cut it to the beat", call("beat_montage", "{}")),
        Arguments.of("sync the music to the cuts", call("sync_music_to_cuts", "{}")),
        Arguments.of("nudge the cuts onto the beat", call("sync_music_to_cuts", "{\"nudge\": true}")),
        Arguments.of("end on a phrase", call("end_on_phrase", "{}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameEdits")
  void aBeatEditProposedByTheModelIsMadeAsTheRulesMakeIt(String message, ModelServer.Call call) {
    ModelAgent agent = agent();
    model.answers(call);

    AgentReply byModel = agent.respond(start, media, "something the model reads", "en");
    AgentReply byRules = rules.respond(start, media, message, "en");

    assertThat(byModel.steps()).extracting(AgentStep::tool).contains(call.name());
    assertThat(byModel.draft()).isNotEqualTo(start);
    assertThat(byModel.draft()).isEqualTo(byRules.draft());
    assertThat(byModel.steps()).isEqualTo(byRules.steps());
    assertThat(byModel.text()).isEqualTo(byRules.text());
  }

  @Test
  void withoutMusicABeatEditIsRefusedAsTheRulesRefuseIt() {
    ModelAgent agent = agent();
    List<Media> clipsOnly = List.of(city, beach);
    Draft silent = rules.afterUpload(rules.emptyDraft(), clipsOnly, clipsOnly);
    model.answers(call("end_on_phrase", "{}"));

    AgentReply byModel = agent.respond(silent, clipsOnly, "end it nicely", "en");
    AgentReply byRules = rules.respond(silent, clipsOnly, "end on a phrase", "en");

    assertThat(byModel.draft()).isEqualTo(silent);
    assertThat(byModel.text()).isEqualTo(byRules.text()).containsIgnoringCase("music");
  }

  @Test
  void badBeatCallsAreSaidAndTheRestIsDone() {
    ModelAgent agent = agent();
    model.answers(call("beat_montage", "{\"beatsPerShot\": 1000}"), call("beat_montage", "{\"beatsPerShot\": 4, \"everyBar\": true}"),
        call("beat_montage", "{\"seconds\": \"long\"}"), call("sync_music_to_cuts", "{\"nudge\": 3}"),
        call("set_music_volume", "{\"percent\": 40}"));

    AgentReply reply = agent.respond(start, media, "montage with tons of beats per shot, music 40%", "en");

    assertThat(reply.steps()).extracting(AgentStep::tool).doesNotContain("beat_montage", "sync_music_to_cuts");
    assertThat(reply.draft().clips()).isEqualTo(start.clips());
    assertThat(reply.draft().music().volume()).isEqualTo(0.4);
    assertThat(reply.text()).contains("I couldn't use part of that: beat_montage: beatsPerShot")
        .contains("give beatsPerShot or everyBar, not both").contains("beat_montage: seconds").contains("sync_music_to_cuts: nudge");
  }

  @Test
  void theBeatToolsAreOfferedWhenTheStudioCanHearTheMusic() throws Exception {
    ModelAgent agent = agent();
    model.answers(call("set_music_volume", "{\"percent\": 50}"));

    agent.respond(start, media, "quieter", "en");

    assertThat(model.request().at("/tools").findValuesAsText("name"))
        .contains("beat_montage", "sync_music_to_cuts", "end_on_phrase", "duck_music", "undo");
  }
}
