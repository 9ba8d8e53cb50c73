package io.tunecut.studio.internal.agent;

import static io.tunecut.studio.internal.agent.ModelServer.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent with an operator's language model, against a fake model on loopback speaking its wire protocol. */
class ModelAgentTest {
  static final String CLIP_ID = "media-7f3a91c2-beach";
  static final String TRACK_ID = "media-0be4d55e-lofi";

  final RuleAgent rules = new RuleAgent();
  final List<Media> media = List.of(Fixtures.video(CLIP_ID, "beach.mp4", 10), Fixtures.video("media-2", "city.mp4", 8),
      Fixtures.audio(TRACK_ID, "lofi-chill.mp3", 120), Fixtures.audio("media-4", "drums.wav", 30));
  final Draft start = withMusic(rules.afterUpload(rules.emptyDraft(), media, media));
  ModelServer model;

  static Draft withMusic(Draft draft) {
    return draft.withMusic(new Music("m1", TRACK_ID, "lofi-chill.mp3", 0, draft.durationMs(), 0, 1.0, 0, 0, true, null, null));
  }

  ModelAgent agent(boolean stream) {
    return agent(stream, Duration.ofSeconds(5));
  }

  ModelAgent agent(boolean stream, Duration timeout) {
    model = new ModelServer(stream);
    return ModelAgent.of(model.settings(timeout), rules);
  }

  @AfterEach
  void stop() {
    if (model != null) model.close();
  }

  static List<String> tools(AgentReply reply) {
    return reply.steps().stream().map(AgentStep::tool).toList();
  }

  @ParameterizedTest(name = "streamed: {0}")
  @ValueSource(booleans = {false, true})
  void aMessageTheRulesMissButTheModelUnderstandsIsCarriedOutInOrder(boolean stream) {
    String message = "give it a chill summer vibe";
    assertThat(rules.respond(start, media, message, "en").draft()).as("the rules alone").isEqualTo(start);
    ModelAgent agent = agent(stream);
    model.answers(call("set_music_volume", "{\"percent\": 40}"),
        call("text", "{\"action\": \"add\", \"kind\": \"title\", \"words\": \"Summer Vibes\", \"position\": \"top\", \"colour\": \"yellow\"}"),
        call("fade_music", "{\"fadeOut\": 3}"));

    AgentReply reply = agent.respond(start, media, message, "en");

    assertThat(tools(reply)).containsExactly("set_music_volume", "set_title", "fade_music");
    assertThat(reply.draft().music().volume()).isEqualTo(0.4);
    assertThat(reply.draft().music().fadeOutMs()).isEqualTo(3000);
    Caption title = reply.draft().captions().get(0);
    assertThat(title.text()).isEqualTo("Summer Vibes");
    assertThat(title.position()).isEqualTo("top");
    assertThat(title.color()).isEqualTo("#ffd400");
    assertThat(reply.text()).startsWith("Music volume set to 40%. Title 'Summer Vibes' at the top")
        .contains("The music fades out over the last 3 s.").contains("Timeline:");
    assertThat(reply.history().earlier()).containsExactly(start);
  }

  @Test
  void aChineseMessageGetsAChineseReply() {
    ModelAgent agent = agent(false);
    model.answers(call("set_music_start", "{\"seconds\": 25, \"clock\": \"song\"}"));

    AgentReply reply = agent.respond(start, media, "歌从副歌那里开始放", "en");

    assertThat(reply.draft().music().inMs()).isEqualTo(25_000);
    assertThat(reply.draft().music().startMs()).isZero();
    assertThat(reply.text()).startsWith("音乐从歌曲的第 25 秒开始播放。").contains("时间线：");
  }

  /** The same request through a tool or through the rules: the same draft, step and sentence. */
  static Stream<Arguments> sameEdits() {
    return Stream.of(
        Arguments.of("music at 35%", call("set_music_volume", "{\"percent\": 35}")),
        Arguments.of("fade out 4 seconds", call("fade_music", "{\"fadeOut\": 4}")),
        Arguments.of("no fade out", call("fade_music", "{\"fadeOut\": 0}")),
        Arguments.of("don't loop the music", call("loop_music", "{\"loop\": false}")),
        Arguments.of("start the song at 0:25", call("set_music_start", "{\"seconds\": 25, \"clock\": \"song\"}")),
        Arguments.of("music comes in after 3 s", call("set_music_start", "{\"seconds\": 3, \"clock\": \"video\"}")),
        Arguments.of("remove the music", call("remove_music", "{}")),
        Arguments.of("use the second track", call("add_music", "{\"track\": 2}")),
        Arguments.of("use drums", call("add_music", "{\"name\": \"drums\"}")),
        Arguments.of("mute the original sound", call("set_clip_sound", "{\"percent\": 0}")),
        Arguments.of("title 'Lisbon' at the top", call("text", "{\"action\": \"add\", \"kind\": \"title\", \"words\": \"Lisbon\", \"position\": \"top\"}")),
        Arguments.of("put 'Day 1' in the top left corner", call("text", "{\"action\": \"add\", \"kind\": \"text\", \"words\": \"Day 1\", \"position\": \"top_left\"}")),
        Arguments.of("title 'Lisbon' bottom right", call("text", "{\"action\": \"add\", \"kind\": \"title\", \"words\": \"Lisbon\", \"position\": \"bottom_right\"}")),
        Arguments.of("cut the first 3 seconds", call("trim_video", "{\"from\": \"start\", \"seconds\": 3}")),
        Arguments.of("only keep the first 10 seconds", call("trim_video", "{\"from\": \"end\", \"seconds\": 8}")),
        Arguments.of("keep 2 s to 12 s", call("keep_part", "{\"from\": 2, \"to\": 12}")),
        Arguments.of("trim clip 1 to 5 seconds", call("trim_clip", "{\"clip\": 1, \"cut\": \"length\", \"seconds\": 5}")),
        Arguments.of("remove clip 2", call("remove_clip", "{\"clips\": [2]}")),
        Arguments.of("swap the clips", call("swap_clips", "{\"first\": 1, \"second\": 2}")),
        Arguments.of("put clip 2 first", call("move_clip", "{\"clip\": 2, \"to\": 1}")),
        Arguments.of("make it for tiktok", call("set_aspect", "{\"shape\": \"tiktok\"}")),
        Arguments.of("crop them to fill the screen", call("set_aspect", "{\"fill\": \"crop\"}")),
        Arguments.of("1080p", call("set_resolution", "{\"lines\": 1080}")),
        Arguments.of("play clip 2 then clip 1", call("order_clips", "{\"clips\": [2, 1]}")),
        Arguments.of("loop the clips", call("loop_clips", "{}")),
        Arguments.of("play the video twice", call("loop_clips", "{}")),
        Arguments.of("loop the clips to 30 s", call("loop_clips", "{\"seconds\": 30}")),
        Arguments.of("normalize the loudness", call("set_loudness", "{\"normalise\": true}")),
        Arguments.of("no loudness normalization", call("set_loudness", "{\"normalise\": false}")),
        Arguments.of("cut out 4s to 6s", call("cut_out", "{\"from\": 4, \"to\": 6}")),
        Arguments.of("make it black and white", call("set_look", "{\"look\": \"black_and_white\"}")),
        Arguments.of("vintage look", call("set_look", "{\"look\": \"sepia\"}")),
        Arguments.of("export it", call("export", "{}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameEdits")
  void anEditProposedByTheModelReadsAsTheRulesWouldMakeIt(String message, ModelServer.Call call) {
    ModelAgent agent = agent(false);
    model.answers(call);

    AgentReply byModel = agent.respond(start, media, "something the model reads", "en");
    AgentReply byRules = rules.respond(start, media, message, "en");

    assertThat(byModel.draft()).isEqualTo(byRules.draft());
    assertThat(byModel.steps()).isEqualTo(byRules.steps());
    assertThat(byModel.text()).isEqualTo(byRules.text());
  }

  @Test
  void crossfadesAndClipSpeedProposedByTheModelAreMadeAsTheRulesMakeThem() {
    ModelAgent agent = agent(false);
    model.answers(call("set_crossfades", "{\"seconds\": 1}"), call("set_clip_speed", "{\"clips\": [2], \"speed\": 0.5}"),
        call("set_photo_length", "{\"seconds\": 4}"));

    AgentReply reply = agent.respond(start, media, "make it dreamy: dissolve between shots and slow the city part", "en");

    assertThat(tools(reply)).containsExactly("set_transitions", "set_clip_speed", "set_photo_length");
    assertThat(reply.draft().transition().durationMs()).isEqualTo(1000);
    assertThat(reply.draft().clips().get(1).speed()).isEqualTo(0.5);
    assertThat(reply.draft().clips().get(1).durationMs()).isEqualTo(2 * start.clips().get(1).durationMs());
    assertThat(reply.text()).contains("crossfades into the next over 1 s").contains("slow motion")
        .contains("There is no photo on the timeline.");
  }

  @ParameterizedTest(name = "streamed: {0}")
  @ValueSource(booleans = {false, true})
  void unusableCallsAreDroppedAndSaidWhileTheUsableOneIsMade(boolean stream) {
    ModelAgent agent = agent(stream);
    model.answers(call("make_it_pretty", "{}"), call("set_music_volume", "{\"percent\": 500}"),
        call("fade_music", "{\"fadeIn\": 2"), call("loop_music", "{\"loop\": false}"),
        call("text", "{\"action\": \"add\", \"kind\": \"title\", \"words\": \"Hi\", \"colour\": \"sparkly\"}"));

    AgentReply reply = agent.respond(start, media, "play it once and make it pretty, way louder, fade in, sparkly title Hi", "en");

    assertThat(tools(reply)).containsExactly("loop_music");
    assertThat(reply.draft().music().loop()).isFalse();
    assertThat(reply.draft().music().volume()).isEqualTo(1.0);
    assertThat(reply.draft().music().fadeInMs()).isZero();
    assertThat(reply.text()).startsWith("The music plays once and is not repeated. I couldn't use part of that: ")
        .contains("there is no tool named make_it_pretty").contains("set_music_volume: percent")
        .contains("fade_music: its arguments are not JSON").contains("text: colour must be red, white");
    assertThat(reply.draft().captions()).isEmpty();
  }

  /** Calls a model may send to the new tools that cannot be made: each is said, and nothing of the draft is lost. */
  static Stream<Arguments> badCalls() {
    return Stream.of(
        Arguments.of(call("loop_clips", "{\"seconds\": 1e12}"), "loop_clips: seconds"),
        Arguments.of(call("loop_clips", "{\"seconds\": \"forever\"}"), "loop_clips: seconds"),
        Arguments.of(call("loop_clips", "{\"seconds\": -5}"), "loop_clips: seconds"),
        Arguments.of(call("loop_clips", "[1, 2]"), "loop_clips: "),
        Arguments.of(call("set_loudness", "{}"), "set_loudness: "),
        Arguments.of(call("set_loudness", "{\"normalise\": \"very\"}"), "set_loudness: normalise"),
        Arguments.of(call("order_clips", "{\"clips\": []}"), "order_clips: "),
        Arguments.of(call("order_clips", "{\"clips\": [\"beach\"]}"), "order_clips: "),
        Arguments.of(call("order_clips", "{\"clips\": [null]}"), "order_clips: "),
        Arguments.of(call("compose_music", "{\"made\": \"jazzier\"}"), "compose_music: made"),
        Arguments.of(call("compose_music", "{\"style\": \"" + "lo-fi ".repeat(50) + "\"}"), "compose_music: style must be a few words"),
        Arguments.of(call("beat_montage", "{}"), "beat_montage: there is no tool named beat_montage"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void aBadCallToANewToolIsSaidAndTheDraftIsKept(ModelServer.Call bad, String said) {
    ModelAgent agent = agent(false);
    model.answers(bad, call("set_music_volume", "{\"percent\": 40}"));

    AgentReply reply = agent.respond(start, media, "music 40% and loop it all", "en");

    assertThat(tools(reply)).containsExactly("set_music_volume");
    assertThat(reply.draft()).isEqualTo(start.withMusic(start.music().withVolume(0.4)));
    assertThat(reply.text()).startsWith("Music volume set to 40%.").contains("I couldn't use part of that: " + said);
  }

  @Test
  void anOrderNamingAClipThatIsNotThereIsRefusedAndTheOrderKept() {
    ModelAgent agent = agent(false);
    model.answers(call("order_clips", "{\"clips\": [2, 9]}"));

    AgentReply reply = agent.respond(start, media, "city, then the sunset one, then beach", "en");
    AgentReply byRules = rules.respond(start, media, "play clip 2 then clip 9", "en");

    assertThat(reply.draft()).isEqualTo(start);
    assertThat(reply.text()).isEqualTo(byRules.text()).contains("9");
  }

  /** Music made for the video through the model: the wishes the rules would make of the same words, and their answers. */
  static Stream<Arguments> composed() {
    return Stream.of(
        Arguments.of(List.of("compose some lo-fi music"), call("compose_music", "{\"style\": \"lo-fi\"}")),
        Arguments.of(List.of("make me some music"), call("compose_music", "{}")),
        Arguments.of(List.of("make me some music", "something calmer"), call("compose_music", "{\"made\": \"calmer\"}")),
        Arguments.of(List.of("make me some music", "more upbeat"), call("compose_music", "{\"made\": \"livelier\"}")),
        Arguments.of(List.of("make me some music", "another version"), call("compose_music", "{\"made\": \"another_version\"}")),
        Arguments.of(List.of("make me some music", "no drums"), call("compose_music", "{\"made\": \"without_drums\"}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("composed")
  void musicComposedThroughTheModelIsMadeAsTheRulesMakeIt(List<String> said, ModelServer.Call call) {
    ComposeMusicTest.Maker byRulesMaker = new ComposeMusicTest.Maker();
    ComposeMusicTest.Maker byModelMaker = new ComposeMusicTest.Maker();
    RuleAgent composing = new RuleAgent(Instructions.standard(), byRulesMaker);
    RuleAgent modelRules = new RuleAgent(Instructions.standard(), byModelMaker);
    model = new ModelServer(false);
    ModelAgent agent = ModelAgent.of(model.settings(Duration.ofSeconds(5)), modelRules);
    List<Media> sent = new ArrayList<>(media.stream().filter(m -> m.info().kind() != MediaKind.AUDIO).toList());
    Draft draft = rules.afterUpload(rules.emptyDraft(), sent, sent);
    List<Media> byModelMedia = new ArrayList<>(sent);
    Draft byModelDraft = draft;
    for (String before : said.subList(0, said.size() - 1)) { // the music made before, made alike on both sides
      AgentReply r = composing.respond(draft, sent, before, "en");
      draft = r.draft();
      sent.addAll(r.created());
      AgentReply m = modelRules.respond(byModelDraft, byModelMedia, before, "en");
      byModelDraft = m.draft();
      byModelMedia.addAll(m.created());
    }
    model.answers(call);

    AgentReply byModel = agent.respond(byModelDraft, byModelMedia, "something the model reads", "en");
    AgentReply byRules = composing.respond(draft, sent, said.get(said.size() - 1), "en");

    assertThat(byModelMaker.wishes).isEqualTo(byRulesMaker.wishes).isNotEmpty();
    assertThat(byModel.created()).hasSize(1);
    assertThat(byModel.draft()).isEqualTo(byRules.draft());
    assertThat(byModel.steps()).isEqualTo(byRules.steps());
    assertThat(byModel.text()).isEqualTo(byRules.text());
  }

  @Test
  void withoutAComposerComposingIsRefusedAndTheMusicKept() {
    ModelAgent agent = agent(false);
    model.answers(call("compose_music", "{\"style\": \"epic\"}"));

    AgentReply reply = agent.respond(start, media, "compose something epic", "en");

    assertThat(reply.draft()).isEqualTo(start);
    assertThat(reply.text()).startsWith("This studio can't compose music.");
  }

  @Test
  void loopingTheClipsThroughTheModelPlaysThemAgainNotTheMusic() {
    ModelAgent agent = agent(false);
    model.answers(call("loop_clips", "{}"));

    AgentReply reply = agent.respond(start, media, "can it go round again", "en");

    assertThat(reply.draft().durationMs()).isEqualTo(2 * start.durationMs());
    assertThat(reply.draft().clips()).extracting(c -> c.name())
        .containsExactly("beach.mp4", "city.mp4", "beach.mp4", "city.mp4");
    assertThat(reply.text()).startsWith("The clips now play again after themselves: the video runs 36 s.");
  }

  /** Ways a model fails to help; each time the rules answer as they would alone. */
  static Stream<Arguments> failures() {
    return Stream.<Arguments>of(
        Arguments.of("down", (Consumer<ModelServer>) ModelServer::close),
        Arguments.of("slow", (Consumer<ModelServer>) m -> m.answersAfter(10, call("set_music_volume", "{\"percent\": 90}"))),
        Arguments.of("garbage", (Consumer<ModelServer>) ModelServer::answersGarbage),
        Arguments.of("no edit", (Consumer<ModelServer>) m -> m.answers()),
        Arguments.of("only unusable calls", (Consumer<ModelServer>) m -> m.answers(call("set_music_volume", "{\"percent\": -3}"),
            call("dance", "{}"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void whenTheModelCannotHelpTheRulesAnswer(String how, Consumer<ModelServer> failure) {
    ModelAgent agent = agent(false, Duration.ofMillis(800));
    failure.accept(model);
    String message = "music at 35% and make it vertical";

    AgentReply reply = agent.respond(start, media, message, "en");
    AgentReply byRules = rules.respond(start, media, message, "en");

    assertThat(reply.draft()).isEqualTo(byRules.draft());
    assertThat(reply.draft().music().volume()).isEqualTo(0.35);
    assertThat(reply.text()).isEqualTo(byRules.text());
  }

  @Test
  void theModelIsToldTheTimelineByNamesAndNeverIdsOrKeys() throws Exception {
    ModelAgent agent = agent(false);
    model.answers(call("set_music_volume", "{\"percent\": 50}"));

    agent.respond(start, media, "quieter music", "en");

    JsonNode request = model.request();
    String system = request.at("/messages/0/content").asText();
    assertThat(system).contains("Clips, in order: 1. beach.mp4 (10 s), 2. city.mp4 (8 s)")
        .contains("Uploaded tracks: 1. lofi-chill.mp3, 2. drums.wav").contains("music 'lofi-chill.mp3' 0–18 s at 100%");
    assertThat(request.at("/messages/1/content").asText()).isEqualTo("quieter music");
    assertThat(request.toString()).doesNotContain(CLIP_ID).doesNotContain(TRACK_ID).doesNotContain(ModelServer.KEY);
    assertThat(request.at("/tools").findValuesAsText("name")).contains("set_music_volume", "text", "undo", "export");
  }

  @Test
  void undoAndRedoThroughTheModelMoveThroughTheHistory() {
    ModelAgent agent = agent(false);
    model.answers(call("set_music_volume", "{\"percent\": 20}"));
    AgentReply quieter = agent.respond(start, media, "quieter", "en");
    model.answers(call("undo", "{}"));

    AgentReply undone = agent.respond(quieter.draft(), quieter.history(), media, "nah go back", "en");

    assertThat(undone.draft()).isEqualTo(start);
    assertThat(undone.text()).startsWith("Undone");
    model.answers(call("redo", "{}"));
    AgentReply redone = agent.respond(undone.draft(), undone.history(), media, "actually keep it", "en");
    assertThat(redone.draft().music().volume()).isEqualTo(0.2);
  }

  @Test
  void whatTheTurnBeforeAskedReachesTheRulesAndAnUndoThroughTheModelBringsNoStaleNoteBack() {
    ModelAgent agent = agent(false);
    model.answers(); // a question: the model calls no tool and the rules answer it
    AgentReply asked = agent.respond(start, History.none(), Said.NOTHING, media, "how loud is the music?", "en");
    model.answers();
    AgentReply set = agent.respond(asked.draft(), asked.history(), asked.said(), media, "make it 80", "en");
    assertThat(set.draft().music().volume()).as("the rules read the number as the question's").isEqualTo(0.8);

    model.answers(call("set_aspect", "{\"shape\": \"tiktok\"}"));
    AgentReply tiktok = agent.respond(asked.draft(), asked.history(), asked.said(), media, "make it for tiktok", "en");
    model.answers(call("undo", "{}"));
    AgentReply undone = agent.respond(tiktok.draft(), tiktok.history(), tiktok.said(), media, "nah go back", "en");
    assertThat(undone.draft()).isEqualTo(start);
    model.answers();
    AgentReply later = agent.respond(undone.draft(), undone.history(), undone.said(), media, "make it 30", "en");
    assertThat(later.draft().music().volume()).as("the question two turns back is no longer the topic").isEqualTo(1.0);
    assertThat(Stream.of(asked, set, tiktok, undone, later)
        .flatMap(r -> Stream.concat(Stream.of(r.draft()), Stream.concat(r.history().earlier().stream(), r.history().later().stream())))
        .filter(d -> d.toJson().has("talk"))).as("drafts with a note of the chat in them").isEmpty();
  }

  @Test
  void uploadsAndNewSessionsAreTheRulesOwn() {
    ModelAgent agent = agent(false);
    assertThat(agent.emptyDraft()).isEqualTo(rules.emptyDraft());
    assertThat(agent.afterUpload(rules.emptyDraft(), media, media)).isEqualTo(rules.afterUpload(rules.emptyDraft(), media, media));
    assertThat(model.server.getRequestCount()).isZero();
  }
}
