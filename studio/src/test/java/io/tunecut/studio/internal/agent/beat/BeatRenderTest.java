package io.tunecut.studio.internal.agent.beat;

import static io.tunecut.studio.ffmpeg.SoundLevels.meanVolume;
import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.analysis.CutDetector;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.render.FfmpegRenderer;
import io.tunecut.studio.internal.render.RenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The beat edits as they come out of the studio's renderer: what a person sees and hears. */
class BeatRenderTest {
  private static final double FRAME = 1 / 30.0;
  @TempDir Path dir;
  Editing editing;

  @BeforeEach
  void setUp() {
    editing = new Editing(dir);
  }

  @Test
  void aMontageRendersWithEveryCutWithinAFrameOfItsBeat() throws Exception {
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 6));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 6));
    editing.upload(SyncMedia.clip(dir, "c.mp4", "rgbtestsrc", 6));
    Media drums = editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));
    editing.say("add background music and make a 10-second montage cut to the beat");
    // few segments already count as many here, so the shots are encoded one by one and joined
    FfmpegRenderer renderer = new FfmpegRenderer(FFMPEG, dir.resolve("work"),
        RenderOptions.defaults().withShortSide(180).withSegmentThreshold(2));

    Path out = editing.render(renderer, dir.resolve("montage.mp4"));

    List<Double> planned = new ArrayList<>();
    JsonNode shots = editing.track(0).path("sg");
    for (int i = 1; i < shots.size(); i++) planned.add(shots.get(i).path("st").asLong() / 1000.0);
    double musicIn = editing.music().path("in").asLong() / 1000.0;
    List<Double> beats = editing.analysis.beats(drums.file()).beats().stream().map(b -> b - musicIn).toList();
    List<Double> found = new CutDetector().detect(out).cuts();

    assertThat(planned).isNotEmpty();
    assertThat(found).hasSameSizeAs(planned);
    for (double cut : planned) {
      assertThat(found).as("a cut found near %.3f s", cut).anySatisfy(c -> assertThat(Math.abs(c - cut)).isLessThanOrEqualTo(FRAME + 1e-3));
      assertThat(beats).as("a beat near the cut at %.3f s", cut).anySatisfy(b -> assertThat(Math.abs(b - cut)).isLessThanOrEqualTo(FRAME + 1e-3));
    }
  }

  @Test
  void aMontageShotMadeShorterRendersWithEveryLaterCutStillOnItsBeat() throws Exception {
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 6));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 6));
    editing.upload(SyncMedia.clip(dir, "c.mp4", "rgbtestsrc", 6));
    Media drums = editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));
    editing.say("add background music and make a 10-second montage cut to the beat");
    long before = editing.track(0).at("/sg/1/d").asLong();
    editing.say("make the second shot shorter");
    assertThat(editing.track(0).at("/sg/1/d").asLong()).as("shot 2 is shorter").isLessThan(before);

    Path out = editing.render(new FfmpegRenderer(FFMPEG, dir.resolve("work"),
        RenderOptions.defaults().withShortSide(180).withSegmentThreshold(2)), dir.resolve("trimmed.mp4"));

    double musicIn = editing.music().path("in").asLong() / 1000.0;
    List<Double> beats = editing.analysis.beats(drums.file()).beats().stream().map(b -> b - musicIn).toList();
    List<Double> found = new CutDetector().detect(out).cuts();
    assertThat(found).hasSize(editing.track(0).path("sg").size() - 1);
    for (double cut : found) {
      assertThat(beats).as("a beat near the cut at %.3f s", cut).anySatisfy(b -> assertThat(Math.abs(b - cut)).isLessThanOrEqualTo(FRAME + 1e-3));
    }
  }

  @Test
  void onARealSongTrimmedMovedAndRemovedShotsRenderWithEveryCutOnABeat() throws Exception {
    // 20 s of a real song kept in the repository: its beats are not evenly spaced
    Path song = Path.of(BeatRenderTest.class.getResource("/beats/hyperrogue-hr3-mirror.opus").toURI());
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 6));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 6));
    editing.upload(SyncMedia.clip(dir, "c.mp4", "rgbtestsrc", 6));
    Media track = editing.upload(java.nio.file.Files.copy(song, dir.resolve("mirror.opus")));
    editing.say("add background music and make a 14-second montage cut to the beat");
    editing.say("make the second shot shorter");
    editing.say("put the last clip first");
    editing.say("remove clip 3");
    assertThat(editing.track(0).at("/sg/1/beats").asInt()).isPositive();

    Path out = editing.render(new FfmpegRenderer(FFMPEG, dir.resolve("work"),
        RenderOptions.defaults().withShortSide(180).withSegmentThreshold(2)), dir.resolve("real.mp4"));

    double musicIn = editing.music().path("in").asLong() / 1000.0;
    List<Double> beats = editing.analysis.beats(track.file()).beats().stream().map(b -> b - musicIn).toList();
    List<Double> found = new CutDetector().detect(out).cuts();
    assertThat(found).hasSize(editing.track(0).path("sg").size() - 1);
    for (double cut : found) {
      assertThat(beats).as("a beat near the cut at %.3f s", cut).anySatisfy(b -> assertThat(Math.abs(b - cut)).isLessThanOrEqualTo(FRAME + 1e-3));
    }
  }

  @Test
  void cutsNudgedOntoBeatsAreOnTheBeatInTheRenderedVideo() throws Exception {
    // shots of 60, 57 and 60 frames: no start of the music puts both cuts within a frame of a
    // beat; the second cut can move, since b.mp4 has footage to spare after it
    editing.upload(SyncMedia.clip(dir, "a.mp4", "testsrc2", 2));
    editing.upload(SyncMedia.clip(dir, "b.mp4", "smptebars", 3));
    editing.upload(SyncMedia.clip(dir, "c.mp4", "rgbtestsrc", 2));
    Media drums = editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));
    editing.say("trim the second clip to 1.9 seconds");
    editing.say("add background music and sync it to the cuts, nudge the cuts onto the beat");
    JsonNode shots = editing.track(0).path("sg");
    assertThat(List.of(shots.get(1).path("st").asLong(), shots.get(2).path("st").asLong()))
        .as("a cut moved").isNotEqualTo(List.of(2000L, 3900L));

    Path out = editing.render(new FfmpegRenderer(FFMPEG, dir.resolve("work"),
        RenderOptions.defaults().withShortSide(180)), dir.resolve("nudged.mp4"));

    double musicIn = editing.music().path("in").asLong() / 1000.0;
    List<Double> beats = editing.analysis.beats(drums.file()).beats().stream().map(b -> b - musicIn).toList();
    List<Double> found = new CutDetector().detect(out).cuts();
    assertThat(found).hasSize(2);
    for (double cut : found) {
      assertThat(beats).as("a beat near the cut at %.3f s", cut).anySatisfy(b -> assertThat(Math.abs(b - cut)).isLessThanOrEqualTo(FRAME + 1e-3));
    }
  }

  @Test
  void theMusicGoesTenToFourteenDecibelsDownWhileSomeoneSpeaksAndRampsBack() throws Exception {
    editing.upload(SyncMedia.talkingClip(dir, "interview.mp4", "testsrc2", 7, 2, 4.5));
    editing.upload(SyncMedia.hiss(dir, "song.wav", 10));
    editing.say("add background music");
    JsonNode speech = editing.music().path("duck").path("speech");
    assertThat(speech.size()).as("speech ranges in %s", editing.music()).isEqualTo(1);
    double from = speech.get(0).get(0).asLong() / 1000.0;
    double to = speech.get(0).get(1).asLong() / 1000.0;

    Path out = editing.render(new FfmpegRenderer(FFMPEG, dir.resolve("work"),
        RenderOptions.defaults().withShortSide(180)), dir.resolve("ducked.mp4"));

    double before = musicLevel(out, 0.2, from - 0.6);
    double during = musicLevel(out, from + 0.3, to - from - 0.6);
    double after = musicLevel(out, to + 0.6, 6.8 - to - 0.6);
    assertThat(before - during).as("ducking depth before → during").isBetween(10.0, 14.0);
    assertThat(after - during).as("ducking depth during → after").isBetween(10.0, 14.0);
    // half-way up the ramp after speech the music is between the two levels, not at either
    double rising = musicLevel(out, to + 0.14, 0.07);
    assertThat(rising).isBetween(during + 2, after - 1);
  }

  @Test
  void afterAnotherClientPutsTheTalkingClipFirstTheRenderDucksUnderItsWordsNotWhereTheyWere() throws Exception {
    editing.upload(SyncMedia.clip(dir, "city.mp4", "testsrc2", 4));
    editing.upload(SyncMedia.talkingClip(dir, "interview.mp4", "smptebars", 6, 1.5, 4));
    editing.upload(SyncMedia.hiss(dir, "song.wav", 12));
    editing.say("add background music");
    assertThat(editing.music().at("/duck/speech/0/0").asLong()).as("words in the second clip").isGreaterThan(5000L);
    // a client that knows nothing of speech swaps the clips and leaves the ducking as it was
    ArrayNode clips = (ArrayNode) editing.track(0).path("sg");
    ObjectNode city = (ObjectNode) clips.remove(0);
    clips.add(city.put("st", 6000));
    ((ObjectNode) clips.get(0)).put("st", 0);

    Draft rendered = new SpeechDucking(editing.analysis).refresh(Draft.read(editing.draft), editing.media);
    Path out = dir.resolve("reordered.mp4");
    new FfmpegRenderer(FFMPEG, dir.resolve("work"), RenderOptions.defaults().withShortSide(180))
        .render(rendered, editing.media.stream().collect(Collectors.toMap(Media::id, m -> m)), out, f -> {});

    double underWords = musicLevel(out, 1.9, 1.7);
    double whereTheWordsWere = musicLevel(out, 6.2, 2.5);
    assertThat(whereTheWordsWere - underWords).as("ducking depth under the words, now first").isBetween(10.0, 14.0);
  }

  @Test
  void endingOnAPhraseFadesOutFromABarLineAndTheMusicLastsToTheLastFrame() throws Exception {
    editing.upload(SyncMedia.clip(dir, "walk.mp4", "testsrc2", 9.3));
    Media drums = editing.upload(SyncMedia.drums(dir, "drums.wav", 120, 30));
    editing.say("add background music, no loudness normalization");
    editing.say("end it on a phrase");
    double end = editing.music().path("d").asLong() / 1000.0;
    double fade = editing.music().path("fo").asLong() / 1000.0;
    double in = editing.music().path("in").asLong() / 1000.0;
    assertThat(end).as("the music plays to the end").isCloseTo(9.3, within(FRAME));
    assertThat(editing.analysis.beats(drums.file()).downbeats())
        .anySatisfy(d -> assertThat(Math.abs(d - in - (end - fade))).isLessThanOrEqualTo(FRAME));

    Path out = editing.render(new FfmpegRenderer(FFMPEG, dir.resolve("work"),
        RenderOptions.defaults().withShortSide(180)), dir.resolve("phrase.mp4"));

    double playing = meanVolume(out, 0.5, end - fade - 1);
    double fading = meanVolume(out, end - fade / 2 - 0.1, 0.2);
    double lastHalfSecond = meanVolume(out, end - 0.6, 0.5);
    assertThat(fading).isLessThan(playing - 2);
    assertThat(lastHalfSecond).as("still fading, not silent").isGreaterThan(-60).isLessThan(fading);
  }

  /** The music alone: the voice stays under 1 kHz and the music is above 3 kHz. */
  static double musicLevel(Path file, double from, double length) throws Exception {
    return meanVolume(file, from, length, "highpass=f=2500,highpass=f=2500,highpass=f=2500");
  }
}
