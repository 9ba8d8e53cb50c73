package io.tunecut.studio.internal.compose;

import io.tunecut.studio.server.Soundfont;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.internal.agent.MusicMaker.Wish;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.ffmpeg.SoundLevels;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import io.tunecut.studio.internal.render.FfmpegRenderer;
import io.tunecut.studio.internal.render.RenderOptions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person with clips and no track: music made for their video, then rendered with it. */
class ComposedMusicTest {
  private static final int RATE = 44100;
  @TempDir Path dir;

  @Test
  void musicMadeForTheClipsIsAsLongAsTheVideoAndRendersLoudEnoughWithItsBeatsOnTheCuts() throws Exception {
    // a.mp4 has a hard cut of its own at 2.5 s; b and c are one shot each
    List<Media> media = List.of(
        clip(TestMedia.make(dir.resolve("a.mp4"), "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=2.5",
            "-f", "lavfi", "-i", "smptebars=size=160x90:rate=30:duration=3.5",
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p")),
        clip(TestMedia.make(dir.resolve("b.mp4"), "-f", "lavfi", "-i", "rgbtestsrc=size=160x90:rate=30:duration=5",
            "-pix_fmt", "yuv420p")),
        clip(TestMedia.make(dir.resolve("c.mp4"), "-f", "lavfi", "-i", "smptehdbars=size=160x90:rate=30:duration=7",
            "-vf", "hue=H=t", "-pix_fmt", "yuv420p")));
    List<Clip> clips = new ArrayList<>();
    for (Media m : media) {
      clips.add(new Clip("c" + clips.size(), m.id(), m.filename(), "video", Math.round(m.info().durationSeconds() * 1000), 0, 1, null));
    }
    Draft draft = Draft.empty().withClips(clips);
    AnalysisCache analysis = new AnalysisCache(dir.resolve("analysis"), FFMPEG);
    ComposedMusic maker = new ComposedMusic(dir, FFMPEG, analysis,
        Soundfont.fromEnvironment(System.getenv()));

    Media track = maker.make(draft, media, new Wish(null, 1));

    assertThat(track.filename()).startsWith("upbeat pop for a.mp4 and 2 more clips, ").endsWith(" BPM.m4a");
    assertThat(track.file()).startsWith(dir.toAbsolutePath().resolve("media")).exists();
    assertThat(track.file().getFileName().toString()).contains("upbeat-pop-seed-1");
    assertThat(track.info().kind()).isEqualTo(MediaKind.AUDIO);
    assertThat(track.info().audioChannels()).isEqualTo(2);
    JsonNode probe = FFMPEG.probe(track.file(), Duration.ofSeconds(30));
    assertThat(probe.path("format").path("duration").asDouble()).as("probed length").isCloseTo(18.0, within(0.03));
    MediaInfo read = new FfprobeMediaProbe(FFMPEG).probe(track.file(), track.filename());
    assertThat(track.info()).as("what the maker says it wrote, as an upload of the file would read")
        .usingRecursiveComparison().ignoringFields("durationSeconds").isEqualTo(read);
    assertThat(track.info().durationSeconds()).isCloseTo(read.durationSeconds(), within(1e-6));
    Beats beats = analysis.beats(track.file());
    assertThat(track.filename()).as("the tempo a sync reply will say").contains(Math.round(beats.tempo()) + " BPM");
    assertThat(beats.downbeats()).as("the downbeats as written, cuts among them")
        .anySatisfy(d -> assertThat(d).isCloseTo(6.0, within(0.001)))
        .anySatisfy(d -> assertThat(d).isCloseTo(11.0, within(0.001)));

    Music music = new Music("m1", track.id(), track.filename(), 0, draft.durationMs(), 0, 1.0, 0, 0, false, null, null);
    Map<String, Media> byId = new LinkedHashMap<>();
    media.forEach(m -> byId.put(m.id(), m));
    byId.put(track.id(), track);
    Path out = dir.resolve("out.mp4");
    new FfmpegRenderer(FFMPEG, Files.createDirectories(dir.resolve("work")), RenderOptions.defaults().withShortSide(180))
        .render(draft.withMusic(music), byId, out, p -> {});

    double[] loudness = SoundLevels.ebur128(out);
    assertThat(loudness[0]).as("integrated loudness, LUFS").isCloseTo(-14, within(1.0));
    assertThat(loudness[1]).as("true peak, dBTP").isLessThanOrEqualTo(-1.0);
    float[] heard = decode(out);
    for (double cut : List.of(2.5, 6.0, 11.0)) {
      assertThat(Hearing.onsetNear(heard, RATE, cut, 0.1)).as("the music's hit on the cut at %s s", cut)
          .isCloseTo(cut, within(0.030));
    }
  }

  @Test
  void theTrackHoldsExactlyTheSoundOfItsScoreWhetherTheTurnMadeItOrTookItMadeAheadWhileItWaited() throws Exception {
    Media clip = clip(TestMedia.make(dir.resolve("a.mp4"), "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=2.5",
        "-f", "lavfi", "-i", "smptebars=size=160x90:rate=30:duration=3.5",
        "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p"));
    Draft draft = Draft.empty().withClips(List.of(
        new Clip("c0", clip.id(), clip.filename(), "video", Math.round(clip.info().durationSeconds() * 1000), 0, 1, null)));
    Soundfont soundfont = Soundfont.fromEnvironment(System.getenv());
    AnalysisCache analysis = new AnalysisCache(dir.resolve("analysis"), FFMPEG);
    // the sound the plain request's score plays to, on a synthesizer of its own
    Score score = new Composer(Styles.standard(), 1).compose(Timeline.of(draft, Map.of(clip.id(), clip), analysis::cuts));
    ByteArrayOutputStream played = new ByteArrayOutputStream();
    new Performer(soundfont).play(score).writePcm(played);

    ComposedMusic turn = new ComposedMusic(dir.resolve("turn"), FFMPEG, analysis, soundfont);
    Media made = turn.make(draft, List.of(clip), new Wish(null, 1));
    assertThat(pcm(made.file())).as("the turn's own track: every sample as played").isEqualTo(played.toByteArray());

    // asked for at once, while the music made ahead waits for the cuts or is being played
    List<String> heard = new CopyOnWriteArrayList<>();
    ComposedMusic ahead = new ComposedMusic(dir.resolve("ahead"), FFMPEG, new AnalysisCache(dir.resolve("analysis-2"), FFMPEG),
        soundfont, (id, mono, rate) -> heard.add(id));
    ahead.makeAhead("session", draft, List.of(clip));
    Media taken = ahead.make(draft, List.of(clip), new Wish(null, 1));
    assertThat(pcm(taken.file())).as("the same music, sample for sample").isEqualTo(played.toByteArray());
    assertThat(heard).as("its waveform told once, for the track the turn got").containsExactly(taken.id());
    try (Stream<Path> files = Files.list(dir.resolve("ahead").resolve("media").resolve("composed"))) {
      assertThat(files.toList()).as("one track made, nothing left beside it").containsExactly(taken.file());
    }
    ahead.close();
    turn.close();
  }

  @Test
  void theStyleIsNamedInThePersonsLanguage() throws Exception {
    ComposedMusic maker = new ComposedMusic(dir, FFMPEG, new AnalysisCache(dir.resolve("analysis"), FFMPEG),
        Soundfont.fromEnvironment(System.getenv()));

    assertThat(maker.styleName("chill", true)).isEqualTo("轻松 lo-fi");
    assertThat(maker.styleName("chill", false)).isEqualTo("lo-fi");
    assertThat(maker.styleName("something nobody named", true)).as("the standard style").isEqualTo("欢快流行");
  }

  private Media clip(Path file) throws Exception {
    String id = "med_" + file.getFileName().toString().charAt(0);
    return new Media(id, file.getFileName().toString(),
        new FfprobeMediaProbe(FFMPEG).probe(file, file.getFileName().toString()), file);
  }

  /** The track's samples as 16-bit stereo PCM. */
  private byte[] pcm(Path track) throws Exception {
    Path raw = dir.resolve("track-" + track.getFileName() + ".s16");
    FFMPEG.run(FfmpegRun.of(List.of("-i", track.toString(), "-f", "s16le", "-c:a", "pcm_s16le", raw.toString()),
        Duration.ofSeconds(60)));
    return Files.readAllBytes(raw);
  }

  /** The render's sound, mono 44.1 kHz floats. */
  private float[] decode(Path video) throws Exception {
    Path raw = dir.resolve("heard.f32");
    FFMPEG.run(FfmpegRun.of(List.of("-i", video.toString(), "-map", "0:a:0", "-ac", "1", "-ar", Integer.toString(RATE),
        "-f", "f32le", raw.toString()), Duration.ofSeconds(60)));
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
    float[] samples = new float[bytes.remaining() / 4];
    bytes.asFloatBuffer().get(samples);
    return samples;
  }
}
