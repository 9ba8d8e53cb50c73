package io.tunecut.studio.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** EBU R128 two-pass normalisation: what pass one measured, and the filter for pass two. */
record Loudnorm(double target, double measuredI, double measuredTp, double measuredLra, double measuredThresh,
    double offset) {
  /** Aim a little under −1 dBTP: the AAC encoder adds a few tenths of overshoot. */
  static final double TRUE_PEAK = -1.5;
  static final double LRA = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  static String measuring(double target) {
    return String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=%.0f:print_format=json", target, TRUE_PEAK, LRA);
  }

  /** Parses loudnorm's JSON block from ffmpeg's stderr; empty for silence (nothing to normalise). */
  static Optional<Loudnorm> parse(double target, String stderr) throws IOException {
    int end = stderr.lastIndexOf('}');
    int start = end < 0 ? -1 : stderr.lastIndexOf('{', end);
    if (start < 0) throw new IOException("loudness measurement missing from ffmpeg's output");
    JsonNode j = JSON.readTree(stderr.substring(start, end + 1));
    double i = number(j, "input_i");
    if (!Double.isFinite(i) || i < -70) return Optional.empty();
    return Optional.of(new Loudnorm(target, i, number(j, "input_tp"), number(j, "input_lra"),
        number(j, "input_thresh"), number(j, "target_offset")));
  }

  private static double number(JsonNode j, String key) {
    try {
      return Double.parseDouble(j.path(key).asText("nan"));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  String applying() {
    return String.format(Locale.ROOT,
        "loudnorm=I=%.1f:TP=%.1f:LRA=%.0f:measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true:print_format=none",
        target, TRUE_PEAK, LRA, measuredI, clampTp(measuredTp), measuredLra, measuredThresh, finite(offset));
  }

  private static double clampTp(double tp) {
    return Double.isFinite(tp) ? Math.max(-99, Math.min(99, tp)) : -99;
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? Math.max(-99, Math.min(99, v)) : 0;
  }
}
