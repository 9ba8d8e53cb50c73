package io.tunecut.studio.internal.agent.beat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.internal.agent.AgentReply;
import io.tunecut.studio.internal.agent.AgentStep;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The beat edits as a person meets them: through the agent, on real analysis of generated media. */
class BeatInstructionTest {
  @TempDir Path dir;
  Editing editing;

  @BeforeEach
  void setUp() {
    editing = new Editing(dir);
  }

  @Test
  void addMusicAndSyncItToTheCutsIsTwoStepsAndSaysWhatItFound() throws Exception {
    editing.upload(SyncMedia.clip(dir, "city.mp4", "testsrc2", 4));
    editing.upload(SyncMedia.clip(dir, "beach.mp4", "smptebars", 4));
    editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 20));

    AgentReply reply = editing.say("add background music and sync it to the cuts");

    assertThat(reply.steps()).extracting(AgentStep::tool).contains("sync_music_to_cuts");
    assertThat(reply.steps().get(0).tool()).isNotEqualTo("sync_music_to_cuts");
    AgentStep sync = step(reply, "sync_music_to_cuts");
    assertThat(sync.result().path("tempo").asDouble()).isCloseTo(120, within(120 * 0.04));
    assertThat(sync.result().path("on_beat").asInt()).isEqualTo(sync.result().path("cuts").asInt()).isPositive();
    assertThat(reply.text()).containsPattern("1(19|20|21) BPM, \\d+ cuts? — ").contains("on a beat");
  }

  @Test
  void aCutWithNoFootageToSpareStaysAndTheAnswerSaysSo() throws Exception {
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 63 / 30.0));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 57 / 30.0));
    editing.upload(SyncMedia.clip(dir, "c.mp4", "rgbtestsrc", 2));
    editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));

    AgentReply reply = editing.say("add background music and sync it to the cuts, nudge the cuts onto the beat");

    var shots = editing.track(0).path("sg");
    assertThat(List.of(shots.get(1).path("st").asLong(), shots.get(2).path("st").asLong())).isEqualTo(List.of(2100L, 4000L));
    assertThat(reply.text()).contains("1 of 2 cuts land on a beat").doesNotContain("nudged")
        .contains("1 cut can't move onto its beat: the clips beside it are used to their ends");
  }

  @Test
  void syncingWithoutMusicChangesNothingAndSaysWhatToDo() throws Exception {
    editing.upload(SyncMedia.clip(dir, "city.mp4", "testsrc2", 3));
    var before = editing.draft.deepCopy();

    AgentReply reply = editing.say("sync it to the cuts");

    assertThat(editing.draft).isEqualTo(before);
    assertThat(reply.text()).contains("There is no music yet").contains("add background music");
  }

  @Test
  void musicDucksUnderSpeechWithoutBeingAskedUntilTheyRefuse() throws Exception {
    editing.upload(SyncMedia.talkingClip(dir, "interview.mp4", "testsrc2", 6, 1.5, 4));
    editing.upload(SyncMedia.hiss(dir, "song.wav", 10));

    AgentReply added = editing.say("add background music");
    assertThat(added.text()).contains("goes down 12 dB").contains("where people talk");
    assertThat(editing.music().path("duck").path("db").asInt()).isEqualTo(-12);
    var speech = editing.music().path("duck").path("speech").path(0);
    assertThat(speech.path(0).asLong()).isBetween(1000L, 1600L);
    assertThat(speech.path(1).asLong()).isBetween(3900L, 4700L);

    AgentReply refused = editing.say("don't duck the music");
    assertThat(refused.text()).contains("stays at the same level");
    assertThat(editing.music().has("duck")).isFalse();

    editing.say("music at 50%");
    assertThat(editing.music().has("duck")).as("ducking stays off once refused").isFalse();

    editing.say("duck the music under speech by 14 dB");
    assertThat(editing.music().path("duck").path("db").asInt()).isEqualTo(-14);
  }

  @Test
  void musicStillTooLoudWhenTheyTalkGoesDownFurtherThereAndNowhereElse() throws Exception {
    editing.upload(SyncMedia.talkingClip(dir, "toast.mp4", "testsrc2", 6, 1.5, 4));
    editing.upload(SyncMedia.hiss(dir, "song.wav", 10));
    editing.say("add background music");
    double volume = editing.music().path("v").asDouble(1);

    AgentReply deeper = editing.say("the music is too loud during the speech");
    assertThat(deeper.text()).contains("goes down 18 dB");
    assertThat(editing.music().path("duck").path("db").asInt()).isEqualTo(-18);
    assertThat(editing.music().path("v").asDouble(1)).as("the music between the words stays as loud").isEqualTo(volume);

    editing.say("说话的时候音乐还是太大声了");
    assertThat(editing.music().path("duck").path("db").asInt()).isEqualTo(-24);
  }

  @Test
  void theDuckingFollowsTheWordsWhenTheClipsAreReorderedAndStopsWhenTheyAreMuted() throws Exception {
    editing.upload(SyncMedia.clip(dir, "city.mp4", "testsrc2", 4));
    editing.upload(SyncMedia.talkingClip(dir, "interview.mp4", "smptebars", 6, 1.5, 4));
    editing.upload(SyncMedia.hiss(dir, "song.wav", 12));
    editing.say("add background music");
    var second = editing.music().path("duck").path("speech").path(0);
    assertThat(second.path(0).asLong()).as("words 1.5 s into the second clip").isBetween(5000L, 5600L);

    AgentReply moved = editing.say("put the second clip first");

    var first = editing.music().path("duck").path("speech");
    assertThat(first).hasSize(1);
    assertThat(first.path(0).path(0).asLong()).as("the words now come 1.5 s in").isBetween(1000L, 1600L);
    assertThat(first.path(0).path(1).asLong()).isBetween(3900L, 4700L);
    assertThat(moved.text()).contains("where people talk");

    AgentReply muted = editing.say("mute the clips");

    assertThat(editing.music().has("duck")).as("nothing is ducked: %s", editing.music()).isFalse();
    assertThat(muted.text()).contains("no longer dips");
  }

  @Test
  void aClipWithoutSpeechLeavesTheMusicLevel() throws Exception {
    editing.upload(SyncMedia.clip(dir, "city.mp4", "testsrc2", 4));
    editing.upload(SyncMedia.hiss(dir, "song.wav", 10));

    AgentReply reply = editing.say("add background music");

    assertThat(editing.music().has("duck")).isFalse();
    assertThat(reply.text()).doesNotContain("dB");
  }

  @Test
  void chineseWordsGetTheSameEditsAndAChineseAnswer() throws Exception {
    editing.upload(SyncMedia.clip(dir, "city.mp4", "testsrc2", 4));
    editing.upload(SyncMedia.clip(dir, "beach.mp4", "smptebars", 4));
    editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 20));

    AgentReply reply = editing.say("加背景音乐，卡点", "zh");

    assertThat(reply.steps()).extracting(AgentStep::tool).contains("sync_music_to_cuts");
    assertThat(reply.text()).contains("BPM，").contains("个剪辑点");
  }

  @Test
  void aMontageCutToTheBeatHasShotsOfWholeBeats() throws Exception {
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 6));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 6));
    editing.upload(SyncMedia.clip(dir, "c.mp4", "rgbtestsrc", 6));
    editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));

    AgentReply reply = editing.say("add background music and make a 10-second montage cut to the beat");

    assertThat(reply.text()).as("one sentence for the montage, none for a length fitted before it")
        .containsPattern("Made a \\d+\\.\\d s montage of the 3 clips: \\d+ shots of \\d beats? at 1(19|20|21) BPM, every cut on a beat")
        .doesNotContain("Shortened");
    assertThat(editing.draft.path("d").asLong()).isBetween(9000L, 11000L);
    double beat = 60_000 / step(reply, "beat_montage").result().path("tempo").asDouble();
    for (var shot : editing.track(0).path("sg")) {
      double beats = shot.path("d").asLong() / beat;
      assertThat(Math.abs(beats - Math.rint(beats))).as("shot of %s ms in whole beats", shot.path("d")).isLessThan(0.1);
    }
    // right after it, faster cuts are shots of 2 beats, slower ones of 8, of the same clips and length
    long length = editing.draft.path("d").asLong();
    assertThat(editing.say("make the cuts faster").text()).contains("of the 3 clips").contains("shots of 2 beats");
    assertThat(editing.draft.path("d").asLong()).as("the montage keeps its length").isCloseTo(length, offset(500L));
    assertThat(editing.say("slower cuts").text()).contains("shots of 8 beats");
    // "make it faster" on a montage is its pace: quicker cuts, every beat once they are every 2
    assertThat(editing.say("can u make it faster").text()).contains("of the 3 clips").contains("shots of 2 beats");
    assertThat(editing.say("faster").text()).contains("shots of 1 beat");
    assertThat(editing.draft.path("d").asLong()).as("the montage keeps its length").isCloseTo(length, offset(500L));
    assertThat(editing.say("节奏再快一点", "zh").text()).contains("1 拍");
  }

  @Test
  void theCutsHitTheBeatWhenAskedInEnglishOrChineseMovingAFewFramesWhereShiftingTheMusicIsNotEnough() throws Exception {
    // shots of 60, 57 and 60 frames: no start of the music puts both cuts on a beat
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 2));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 3));
    editing.upload(SyncMedia.clip(dir, "c.mp4", "rgbtestsrc", 2));
    var drums = editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));
    editing.say("trim the second clip to 1.9 seconds");
    editing.say("add background music");
    var before = editing.draft.deepCopy();

    for (String asked : List.of("make the cuts hit the beat", "cuts on the beat pls", "切换点卡在节拍上")) {
      editing.draft = before.deepCopy();
      AgentReply reply = editing.say(asked, asked.startsWith("切") ? "zh" : "en");

      AgentStep sync = step(reply, "sync_music_to_cuts");
      assertThat(sync.result().path("on_beat").asInt()).as(asked).isEqualTo(2);
      assertThat(sync.result().path("most_nudged_ms").asLong()).as(asked).isPositive().isLessThanOrEqualTo(250);
      assertThat(reply.text()).as(asked).containsAnyOf("2 of 2 cuts land on a beat", "2 个剪辑点中有 2 个卡在节拍上")
          .containsPattern("\\d+ (frames?|帧)");
      assertCutsOnBeats(editing.analysis.beats(drums.file()).beats());
    }
  }

  @Test
  void askingWhetherItCutsOnTheBeatChangesNothing() throws Exception {
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 2));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 1.9));
    editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));
    editing.say("add background music");
    var before = editing.draft.deepCopy();

    for (String question : List.of("does it cut on the beat?", "节拍对吗？", "卡点了吗？")) {
      AgentReply reply = editing.say(question, question.startsWith("does") ? "en" : "zh");
      assertThat(editing.draft).as(question).isEqualTo(before);
      assertThat(reply.steps()).as(question).isEmpty();
      assertThat(reply.text()).as(question).doesNotContain("didn't understand").doesNotContain("没看懂");
    }
    assertThat(editing.say("节拍对吗？", "zh").text()).containsPattern("1(19|20|21) BPM，1 个剪辑点中有 \\d 个卡在节拍上");
    // asked in English as a yes/no question, it is still the beat that answers, not the timeline or the volume
    for (String question : List.of("does it cut on the beat?", "is the music on beat")) {
      assertThat(editing.say(question).text()).as(question).containsPattern("1(19|20|21) BPM: \\d of 1 cut lands on a beat");
      assertThat(editing.draft).as(question).isEqualTo(before);
    }
    // the tempo asked for is the one heard, in either language
    assertThat(editing.say("whats the bpm").text()).containsPattern("1(19|20|21) BPM");
    assertThat(editing.say("这首歌多少bpm", "zh").text()).containsPattern("1(19|20|21) BPM");
    assertThat(editing.draft).isEqualTo(before);
  }

  @Test
  void shorterMontageShotsLoseWholeBeatsAndEveryCutStaysOnABeat() throws Exception {
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 6));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 6));
    editing.upload(SyncMedia.clip(dir, "c.mp4", "rgbtestsrc", 6));
    var drums = editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));
    editing.say("add background music and make a 12-second montage cut to the beat");
    List<Double> beats = editing.analysis.beats(drums.file()).beats();
    var montage = editing.draft.deepCopy();
    int shots = editing.track(0).path("sg").size();
    long second = editing.track(0).at("/sg/1/d").asLong();
    int secondBeats = editing.track(0).at("/sg/1/beats").asInt();
    assertThat(secondBeats).isGreaterThan(1);

    AgentReply shorter = editing.say("make the second shot shorter");

    int now = editing.track(0).at("/sg/1/beats").asInt();
    assertThat(now).isBetween(1, secondBeats - 1);
    assertThat(shorter.text()).startsWith("Shot 2 (").contains((secondBeats - now) + " beat").contains("the cuts stay on the beat");
    assertThat(editing.draft.path("d").asLong()).as("the video is as much shorter as the shot")
        .isEqualTo(montage.path("d").asLong() - (second - editing.track(0).at("/sg/1/d").asLong()));
    assertCutsOnBeats(beats);

    for (String edit : List.of("第二段太长了", "make the intro shorter", "put the last clip first", "remove clip 2")) {
      editing.draft = montage.deepCopy();
      AgentReply reply = editing.say(edit, edit.startsWith("第") ? "zh" : "en");
      assertThat(reply.steps()).as(edit).isNotEmpty();
      assertThat(editing.draft).as(edit).isNotEqualTo(montage);
      assertCutsOnBeats(beats);
      assertThat(editing.track(0).path("sg").size()).isEqualTo(edit.startsWith("remove") ? shots - 1 : shots);
    }
    assertThat(editing.say("第二段太长了", "zh").text()).contains("拍").contains("剪辑点仍然卡在节拍上");

    // on a montage "the 3rd clip" and "the 3rd shot" are its third shot, not the third clip sent
    for (String edit : List.of("remove the 3rd shot", "the 3rd clip is blurry remove it", "删掉第三个镜头")) {
      editing.draft = montage.deepCopy();
      List<String> before = shotSources(editing.track(0).path("sg"));
      editing.say(edit, edit.startsWith("删") ? "zh" : "en");
      List<String> expected = new java.util.ArrayList<>(before);
      expected.remove(2);
      assertThat(shotSources(editing.track(0).path("sg"))).as(edit).isEqualTo(expected);
      assertCutsOnBeats(beats);
    }

    // a question between the montage and the trim leaves a note for the next turn:
    // the montage's beats must survive it
    editing.draft = montage.deepCopy();
    editing.say("how loud is the music?");
    assertThat(editing.say("make the second shot shorter").text()).contains("the cuts stay on the beat");
    assertCutsOnBeats(beats);
  }

  /** Each shot as its source and where in it the shot starts: which shots there are, in order. */
  private static List<String> shotSources(com.fasterxml.jackson.databind.JsonNode shots) {
    List<String> out = new java.util.ArrayList<>();
    shots.forEach(sh -> out.add(sh.path("src").asText() + "@" + sh.path("in").asLong()));
    return out;
  }

  /** Every cut between clips within a frame of a beat, with the music where it starts. */
  private void assertCutsOnBeats(List<Double> beats) {
    double musicIn = editing.music().path("in").asLong() / 1000.0 - editing.music().path("st").asLong() / 1000.0;
    var shots = editing.track(0).path("sg");
    for (int i = 1; i < shots.size(); i++) {
      double cut = shots.get(i).path("st").asLong() / 1000.0;
      assertThat(beats).as("a beat at the cut at %.3f s of %s", cut, shots)
          .anySatisfy(b -> assertThat(Math.abs(b - musicIn - cut)).isLessThanOrEqualTo(1 / 30.0 + 1e-3));
    }
  }

  static AgentStep step(AgentReply reply, String tool) {
    return reply.steps().stream().filter(s -> s.tool().equals(tool)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + tool + " step in " + reply.steps()));
  }
}
