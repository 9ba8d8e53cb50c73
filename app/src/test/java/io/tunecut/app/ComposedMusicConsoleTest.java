package io.tunecut.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.app.config.Settings;
import io.tunecut.app.console.Console;
import io.tunecut.app.console.ConsolePort;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' headline request with a clip alone: no track, "add background music to a travel
 * video and sync it to the cuts", export. The music is composed for the video, through the
 * console on the embedded studio, with the real soundfont and ffmpeg.
 */
class ComposedMusicConsoleTest {
  static final double[] CUTS = {3.0, 6.0};
  static final int RATE = 22_050;
  @TempDir static Path media;
  static Path clip;

  @BeforeAll
  static void aClipWithHardCutsAndNoTrack() throws Exception {
    clip = media.resolve("travel.mp4");
    GeneratedMedia.make(clip, "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=3",
        "-f", "lavfi", "-i", "color=c=orange:size=320x180:rate=30:duration=3",
        "-f", "lavfi", "-i", "mandelbrot=size=320x180:rate=30", "-filter_complex",
        "[2:v]trim=duration=3,setpts=PTS-STARTPTS[m];[0:v][1:v][m]concat=n=3:v=1:a=0,format=yuv420p[v]", "-map", "[v]",
        "-c:v", "libx264", "-preset", "ultrafast", "-g", "15");
  }

  @Test
  void aClipAloneGetsMusicMadeForItWithItsBeatsOnTheCuts(@TempDir Path data) throws Exception {
    Settings settings = Settings.fromEnvironment(Map.of("TUNECUT_DATA_DIR", data.toString(), "HOME", data.toString()));
    String transcript = run(settings, data, "/attach " + clip,
        "add background music to a travel video and sync it to the cuts",
        "export",
        "another version",
        "more calm");

    List<Path> exports = Files.list(data.resolve("exports")).filter(f -> f.toString().endsWith(".mp4")).toList();
    assertThat(exports).as("the video in:%n%s", transcript).hasSize(1);
    Path video = exports.get(0);
    double[] loudness = ebur128(video);
    assertThat(loudness[0]).as("integrated loudness, LUFS").isCloseTo(-14, within(1.0));
    assertThat(loudness[1]).as("true peak, dBTP").isLessThanOrEqualTo(-1.0);

    float[] sound = decode(video);
    double seconds = sound.length / (double) RATE;
    assertThat(seconds).as("music under the whole video").isCloseTo(9.0, within(0.1));
    for (int s = 0; s + 1 < (int) seconds - 1; s++) {
      assertThat(rms(sound, s, s + 1)).as("the music plays in second %d", s).isGreaterThan(0.01);
    }
    for (double cut : CUTS) {
      assertThat(onsetNear(sound, cut)).as("a hit on the cut at %s s in:%n%s", cut, transcript).isCloseTo(cut, within(0.035));
    }

    List<String> made = Pattern.compile("Made [^']*'([^']+)'").matcher(transcript).results().map(m -> m.group(1)).toList();
    assertThat(made).as("three tracks made in:%n%s", transcript).hasSize(3);
    assertThat(made.get(1)).isNotEqualTo(made.get(0));
    assertThat(bpm(made.get(2))).as("more calm is slower").isLessThan(bpm(made.get(0)));
    String firstReply = transcript.substring(0, transcript.indexOf(made.get(1)));
    assertThat(Pattern.compile("(\\d+) BPM").matcher(firstReply).results().map(m -> m.group(1)).distinct().toList())
        .as("the tempo in the track's name and in the sync reply, in:%n%s", firstReply)
        .containsExactly(String.valueOf(bpm(made.get(0))));
  }

  private static String run(Settings settings, Path data, String... lines) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (Bot bot = Bot.start(settings)) {
      ConsolePort port = new ConsolePort(new PrintStream(printed, true, StandardCharsets.UTF_8), data.resolve("exports"));
      String script = String.join("\n", lines) + "\n";
      new Console(bot.engine(), port, "ann", System.err).run(new BufferedReader(new StringReader(script)));
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static int bpm(String name) {
    Matcher m = Pattern.compile("(\\d+) BPM").matcher(name);
    assertThat(m.find()).as("a tempo in %s", name).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** Integrated loudness and true peak, as ffmpeg's ebur128 measures them. */
  private static double[] ebur128(Path file) throws Exception {
    var result = Ffmpeg.fromEnvironment(System.getenv()).run(FfmpegRun.of(List.of("-nostats", "-i", file.toString(), "-filter_complex",
        "ebur128=peak=true", "-f", "null", "-"), Duration.ofSeconds(60)));
    String log = result.stderr();
    Matcher i = Pattern.compile("I:\\s+(-?[\\d.]+) LUFS").matcher(log);
    Matcher p = Pattern.compile("Peak:\\s+(-?[\\d.]+|-inf) dBFS").matcher(log);
    double integrated = Double.NaN;
    while (i.find()) integrated = Double.parseDouble(i.group(1));
    double peak = Double.NaN;
    while (p.find()) peak = p.group(1).equals("-inf") ? -200 : Double.parseDouble(p.group(1));
    return new double[] {integrated, peak};
  }

  private static float[] decode(Path file) throws Exception {
    Path pcm = file.resolveSibling("sound.f32");
    Ffmpeg.fromEnvironment(System.getenv()).run(FfmpegRun.of(List.of("-i", file.toString(), "-vn", "-ac", "1", "-ar", String.valueOf(RATE),
        "-f", "f32le", pcm.toString()), Duration.ofSeconds(60)));
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(pcm)).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[bytes.remaining() / 4];
    bytes.asFloatBuffer().get(out);
    return out;
  }

  private static double rms(float[] s, double from, double to) {
    int a = (int) (from * RATE);
    int b = Math.min(s.length, (int) (to * RATE));
    double sum = 0;
    for (int i = a; i < b; i++) sum += s[i] * s[i];
    return Math.sqrt(sum / Math.max(1, b - a));
  }

  /**
   * Where, within 100 ms of {@code at}, an attack stands out most: the level of the sound's
   * changes over 10 ms against the 30 ms before, at 1 ms steps.
   */
  private static double onsetNear(float[] s, double at) {
    float[] changes = new float[s.length];
    for (int i = 1; i < s.length; i++) changes[i] = s[i] - s[i - 1];
    double best = Double.NEGATIVE_INFINITY;
    double found = Double.NaN;
    for (double t = at - 0.1; t <= at + 0.1; t += 0.001) {
      double rise = Math.log10(rms(changes, t, t + 0.01) + 1e-9) - Math.log10(rms(changes, t - 0.03, t) + 1e-9);
      if (rise > best) {
        best = rise;
        found = t;
      }
    }
    return found;
  }
}
