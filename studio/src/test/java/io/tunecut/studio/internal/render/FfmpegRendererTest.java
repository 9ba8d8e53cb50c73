package io.tunecut.studio.internal.render;

import static io.tunecut.studio.ffmpeg.SoundLevels.ebur128;
import static io.tunecut.studio.ffmpeg.SoundLevels.meanVolume;
import static io.tunecut.studio.ffmpeg.SoundLevels.number;
import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.agent.RuleAgent;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegRendererTest {
  @TempDir Path dir;
  final RuleAgent agent = new RuleAgent();
  final List<Media> media = new ArrayList<>();
  FfmpegRenderer renderer;
  ObjectNode draft;

  @BeforeEach
  void setUp() {
    renderer = new FfmpegRenderer(FFMPEG, dir.resolve("work"), RenderOptions.defaults().withShortSide(180));
    draft = agent.emptyDraft().toJson();
  }

  Media add(Path file) throws Exception {
    Media m = new Media("med_" + (media.size() + 1), file.getFileName().toString(),
        new FfprobeMediaProbe(FFMPEG).probe(file, file.getFileName().toString()), file);
    media.add(m);
    draft = agent.afterUpload(Draft.read(draft), media, List.of(m)).toJson();
    return m;
  }

  void say(String message) {
    draft = agent.respond(Draft.read(draft), media, message, "en").draft().toJson();
  }

  Path render() throws Exception {
    return render(renderer);
  }

  Path render(FfmpegRenderer r) throws Exception {
    Path out = dir.resolve("out-" + System.nanoTime() + ".mp4");
    Map<String, Media> byId = new LinkedHashMap<>();
    media.forEach(m -> byId.put(m.id(), m));
    r.render(Draft.read(draft), byId, out, f -> {});
    return out;
  }

  @Test
  void addingMusicToOneH264ClipCopiesThePictureAndRebuildsTheSound() throws Exception {
    Path clip = add(TestMedia.clip(dir, "beach.mp4", 3, 320, 180)).file();
    add(TestMedia.track(dir, "lofi.wav", 10));
    say("add background music at 50% and fade it out");
    Path out = render();
    assertThat(videoHash(out)).isEqualTo(videoHash(clip));
    JsonNode probe = FFMPEG.probe(out, Duration.ofSeconds(30));
    assertThat(stream(probe, "audio").path("codec_name").asText()).isEqualTo("aac");
    assertThat(stream(probe, "audio").path("sample_rate").asText()).isEqualTo("48000");
    assertThat(stream(probe, "audio").path("channels").asInt()).isEqualTo(2);
    assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(3.0, within(1 / 30.0 + 0.03));
    assertThat(moovBeforeMdat(out)).isTrue();
  }

  @Test
  void eachShapeGetsItsFrameAndTheOutputIsH264Yuv420pOfThePlannedLength() throws Exception {
    add(TestMedia.clip(dir, "a.mp4", 1.5, 320, 180));
    add(TestMedia.silentClip(dir, "b.mp4", 1, 240, 320));
    add(TestMedia.still(dir, "c.png", 200, 200));
    for (String[] shape : new String[][] {{"16:9", "320", "180"}, {"make it vertical", "180", "320"}, {"square", "180", "180"}}) {
      say(shape[0]);
      Path out = render();
      JsonNode v = stream(FFMPEG.probe(out, Duration.ofSeconds(30)), "video");
      assertThat(v.path("codec_name").asText()).isEqualTo("h264");
      assertThat(v.path("pix_fmt").asText()).isEqualTo("yuv420p");
      assertThat(v.path("width").asInt()).isEqualTo(Integer.parseInt(shape[1]));
      assertThat(v.path("height").asInt()).isEqualTo(Integer.parseInt(shape[2]));
      double planned = Draft.read(draft).durationMs() / 1000.0;
      assertThat(frames(out) / 30.0).isCloseTo(planned, within(1 / 30.0 + 1e-6));
      assertThat(moovBeforeMdat(out)).isTrue();
    }
  }

  @Test
  void rotatedOddSizedAndVariableRateClipsFillTheFrameForThePlannedLength() throws Exception {
    Path plain = TestMedia.clip(dir, "plain.mp4", 1, 320, 180);
    add(TestMedia.make(dir.resolve("portrait.mp4"), "-i", plain.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90"));
    add(TestMedia.make(dir.resolve("vfr.mkv"), "-f", "lavfi", "-i", "testsrc2=size=321x181:rate=30:duration=2",
        "-vf", "setpts='if(lt(T,1),PTS,PTS*2)'", "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv444p"));
    say("make it vertical");
    Path out = render();
    JsonNode v = stream(FFMPEG.probe(out, Duration.ofSeconds(30)), "video");
    assertThat(v.path("width").asInt()).isEqualTo(180);
    assertThat(v.path("height").asInt()).isEqualTo(320);
    assertThat(v.path("pix_fmt").asText()).isEqualTo("yuv420p");
    assertThat(frames(out) / 30.0).isCloseTo(Draft.read(draft).durationMs() / 1000.0, within(1 / 30.0 + 1e-6));
    // the portrait clip, turned upright, fills the vertical frame: no black bars above or below
    assertThat(meanLuma(out, 0.5, "crop=180:24:0:0")).isGreaterThan(30);
  }

  @Test
  void seven20pVerticalIsSevenTwentyByTwelveEighty() throws Exception {
    FfmpegRenderer full = new FfmpegRenderer(FFMPEG, dir.resolve("work"));
    add(TestMedia.clip(dir, "a.mp4", 0.5, 320, 180));
    say("make it vertical, 720p");
    JsonNode v = stream(FFMPEG.probe(render(full), Duration.ofSeconds(30)), "video");
    assertThat(v.path("width").asInt()).isEqualTo(720);
    assertThat(v.path("height").asInt()).isEqualTo(1280);
  }

  @Test
  void theMixIsAtMinus14LufsWithTruePeakBelowMinus1() throws Exception {
    add(TestMedia.clip(dir, "a.mp4", 4, 320, 180));
    add(TestMedia.track(dir, "song.wav", 10));
    say("add background music, title 'Loud'");
    double[] loudness = ebur128(render());
    assertThat(loudness[0]).isCloseTo(-14.0, within(1.0));
    assertThat(loudness[1]).isLessThanOrEqualTo(-1.0);
  }

  @Test
  void duckedDrumsAreAtMinus14LufsAndUnderMinus1DbtpFromTheFirstInstant() throws Exception {
    add(TestMedia.clip(dir, "talk.mp4", 8, 320, 180));
    // Loud kicks from the first sample, ducked only from 0.5 s: where a level that pumps overshoots.
    add(TestMedia.make(dir.resolve("drums.wav"), "-f", "lavfi", "-i",
        "aevalsrc='0.9*sin(2*PI*(50*mod(t,0.5)+2.25*(1-exp(-40*mod(t,0.5)))))*exp(-10*mod(t,0.5))"
            + "+0.1*(2*random(0)-1)*exp(-30*mod(t+0.25,0.5))':s=44100:d=10", "-ac", "2"));
    say("add background music");
    Draft ducked = Draft.read(draft);
    draft = ducked.withMusic(ducked.music().ducked(-12, List.of(new Music.Range(500, 3000), new Music.Range(5000, 6500))))
        .toJson();
    Path out = render();
    double[] whole = ebur128(out);
    assertThat(whole[0]).isCloseTo(-14.0, within(0.5));
    assertThat(whole[1]).isLessThanOrEqualTo(-1.0);
    assertThat(truePeak(out, 0, 1)).as("true peak of the first second").isLessThanOrEqualTo(-1.0);
  }

  @Test
  void monoSourcesAreMixedInMonoAndComeOutStereoAtMinus14Lufs() throws Exception {
    add(TestMedia.clip(dir, "a.mp4", 4, 320, 180));
    add(TestMedia.make(dir.resolve("memo.wav"), "-f", "lavfi", "-i",
        "anoisesrc=color=pink:amplitude=0.3:sample_rate=44100:duration=10:seed=3"));
    say("add background music");
    Path out = render();
    assertThat(stream(FFMPEG.probe(out, Duration.ofSeconds(30)), "audio").path("channels").asInt()).isEqualTo(2);
    double[] loudness = ebur128(out);
    assertThat(loudness[0]).isCloseTo(-14.0, within(1.0));
    assertThat(loudness[1]).isLessThanOrEqualTo(-1.0);
  }

  @Test
  void aStereoTrackKeepsItsTwoSidesOverAMonoClip() throws Exception {
    add(TestMedia.clip(dir, "a.mp4", 3, 320, 180));
    add(TestMedia.make(dir.resolve("left.wav"), "-f", "lavfi", "-i",
        "anoisesrc=color=pink:amplitude=0.3:sample_rate=48000:duration=10:seed=5", "-af", "pan=stereo|c0=c0|c1=0*c0"));
    say("add background music");
    assertThat(meanVolume(render(), 0, 3, "pan=mono|c0=c0-c1")).as("left minus right").isGreaterThan(-40);
  }

  @Test
  void theMusicPlaysAtTheRequestedVolume() throws Exception {
    add(TestMedia.silentClip(dir, "quiet.mp4", 3, 320, 180));
    add(TestMedia.track(dir, "song.wav", 10));
    say("add background music, no loudness normalization");
    double full = ebur128(render())[0];
    say("music at 35%");
    double low = ebur128(render())[0];
    assertThat(low - full).isCloseTo(20 * Math.log10(0.35), within(1.0));
  }

  @Test
  void aFadeOutEndsTheMusicQuietly() throws Exception {
    add(TestMedia.silentClip(dir, "quiet.mp4", 4, 320, 180));
    add(TestMedia.track(dir, "song.wav", 10));
    say("add background music and fade it out over 2 seconds");
    Path out = render();
    assertThat(meanVolume(out, 3.5, 0.4)).isLessThan(meanVolume(out, 1.0, 0.5) - 10);
  }

  @Test
  void manySegmentsAreEncodedOneByOneAndJoined() throws Exception {
    FfmpegRenderer montage = new FfmpegRenderer(FFMPEG, dir.resolve("work"),
        RenderOptions.defaults().withShortSide(180).withSegmentThreshold(3));
    for (int i = 0; i < 5; i++) add(TestMedia.clip(dir, "c" + i + ".mp4", 0.6, 320, 180));
    add(TestMedia.track(dir, "song.wav", 10));
    say("add background music, caption 'go' at the bottom");
    Path out = render(montage);
    double planned = Draft.read(draft).durationMs() / 1000.0;
    assertThat(frames(out) / 30.0).isCloseTo(planned, within(1 / 30.0 + 1e-6));
    JsonNode probe = FFMPEG.probe(out, Duration.ofSeconds(30));
    assertThat(stream(probe, "audio").path("codec_name").asText()).isEqualTo("aac");
    assertThat(Double.parseDouble(stream(probe, "audio").path("duration").asText())).isCloseTo(planned, within(0.1));
  }

  @Test
  void cancellingStopsFfmpegAndRemovesThePartialFile() throws Exception {
    FfmpegRenderer slow = new FfmpegRenderer(FFMPEG, dir.resolve("work"));
    add(TestMedia.clip(dir, "long.mp4", 20, 320, 180));
    say("make it vertical, no loudness normalization");
    Path out = dir.resolve("cancelled.mp4");
    Map<String, Media> byId = Map.of(media.get(0).id(), media.get(0));
    List<Double> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        slow.render(Draft.read(draft), byId, out, seen::add);
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    worker.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> !seen.isEmpty());
    worker.interrupt();
    assertThat(outcome.get(15, TimeUnit.SECONDS)).isInstanceOf(RenderCancelledException.class);
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("work")).isEmptyDirectory();
  }

  @Test
  void aDraftWithoutClipsOrWithAMissingFileFailsWithAReason() throws Exception {
    assertThatThrownBy(this::render).isInstanceOf(RenderFailedException.class).hasMessageContaining("no clips");
    add(TestMedia.clip(dir, "a.mp4", 1, 320, 180));
    media.clear();
    assertThatThrownBy(this::render).isInstanceOf(RenderFailedException.class).hasMessageContaining("a.mp4");
  }

  // --- measuring the output

  static JsonNode stream(JsonNode probe, String type) {
    for (JsonNode s : probe.path("streams")) if (s.path("codec_type").asText().equals(type)) return s;
    throw new AssertionError("no " + type + " stream in " + probe);
  }

  /** The highest true peak (dBTP) from {@code from} for {@code length} seconds. */
  static double truePeak(Path file, double from, double length) throws Exception {
    String err = FFMPEG.run(FfmpegRun.of(List.of("-nostats", "-ss", String.valueOf(from), "-t", String.valueOf(length),
        "-i", file.toString(), "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"), Duration.ofSeconds(30)))
        .stderr();
    return number(err.substring(err.lastIndexOf("Summary:")), "Peak:\\s+(-?[\\d.]+|-inf) dBFS");
  }

  static int frames(Path file) throws Exception {
    var out = FFMPEG.ffprobe(List.of("-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries",
        "stream=nb_read_packets", "-of", "csv=p=0", file.toString()), Duration.ofSeconds(30));
    return Integer.parseInt(out.stdout().strip());
  }

  static String videoHash(Path file) throws Exception {
    Path hash = file.resolveSibling(file.getFileName() + ".md5");
    FFMPEG.run(FfmpegRun.of(List.of("-i", file.toString(), "-map", "0:v:0", "-c", "copy", "-f", "md5", hash.toString()),
        Duration.ofSeconds(30)));
    return Files.readString(hash).strip();
  }

  /** Mean brightness (0–255) of one frame at {@code at} seconds, through a crop. */
  static double meanLuma(Path file, double at, String crop) throws Exception {
    String err = FFMPEG.run(FfmpegRun.of(List.of("-ss", String.valueOf(at), "-i", file.toString(), "-frames:v", "1",
        "-vf", crop + ",signalstats,metadata=print:key=lavfi.signalstats.YAVG", "-f", "null", "-"),
        Duration.ofSeconds(30))).stderr();
    return number(err, "YAVG=([\\d.]+)");
  }

  /** Top-level MP4 boxes in order: faststart puts moov before mdat. */
  static boolean moovBeforeMdat(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      long pos = 0;
      int moov = -1;
      int mdat = -1;
      for (int i = 0; pos < ch.size() && i < 50; i++) {
        ByteBuffer head = ByteBuffer.allocate(16);
        ch.read(head, pos);
        head.flip();
        long size = Integer.toUnsignedLong(head.getInt());
        byte[] type = new byte[4];
        head.get(type);
        if (size == 1) size = head.getLong();
        String t = new String(type, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (t.equals("moov")) moov = i;
        if (t.equals("mdat")) mdat = i;
        if (size < 8) break;
        pos += size;
      }
      return moov >= 0 && mdat >= 0 && moov < mdat;
    }
  }
}
