package io.tunecut.studio.ffmpeg;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How loud a rendered file is, measured by ffmpeg: what a listener would notice. */
public final class SoundLevels {
  private SoundLevels() {}

  /** Integrated loudness (LUFS) and true peak (dBTP) of the first audio stream. */
  public static double[] ebur128(Path file) throws Exception {
    String err = FFMPEG.run(FfmpegRun.of(List.of("-nostats", "-i", file.toString(), "-map", "0:a:0",
        "-af", "ebur128=peak=true", "-f", "null", "-"), Duration.ofSeconds(60))).stderr();
    String summary = err.substring(err.lastIndexOf("Summary:"));
    return new double[] {number(summary, "I:\\s+(-?[\\d.]+|-inf) LUFS"), number(summary, "Peak:\\s+(-?[\\d.]+|-inf) dBFS")};
  }

  /** Mean level (dB, −∞ for silence) from {@code from} for {@code length} seconds. */
  public static double meanVolume(Path file, double from, double length) throws Exception {
    return meanVolume(file, from, length, "");
  }

  /** The same, heard through {@code filters} first (e.g. a high-pass to hear only the music). */
  public static double meanVolume(Path file, double from, double length, String filters) throws Exception {
    String chain = filters.isEmpty() ? "volumedetect" : filters + ",volumedetect";
    String err = FFMPEG.run(FfmpegRun.of(List.of("-ss", num(from), "-t", num(length), "-i", file.toString(),
        "-map", "0:a:0", "-af", chain, "-f", "null", "-"), Duration.ofSeconds(30))).stderr();
    return number(err, "mean_volume: (-?[\\d.]+|-inf) dB");
  }

  /** The first group of {@code regex} in ffmpeg's output as a number; "-inf" is −∞. */
  public static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in " + text).isTrue();
    return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
