package io.tunecut.studio.internal.render;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loudness normalisation without a second pass over the picture: the mix is measured (EBU R128
 * at its own rate, cheap) as it is written once to a sound file, and the pass that writes the
 * video applies one linear gain and a peak limiter to that file. Nothing runs at loudnorm's
 * 192 kHz, and the level never pumps: the gain is the same from the first sample to the last.
 *
 * @param integrated the mix's integrated loudness in LUFS
 * @param samplePeak its highest sample in dBFS
 */
record Loudness(double integrated, double samplePeak) {
  /**
   * The limiter's ceiling in sample peak: a dB under the −1 dBTP promised, for the peaks between
   * samples and the AAC encoder's overshoot.
   */
  static final double CEILING_DB = -2.0;
  /** A near-silent mix is not blown up into hiss. */
  static final double MAX_GAIN_DB = 30;
  /** The measuring filter: per-frame lines only at the verbose level, the summary at info. */
  static final String MEASURING = "ebur128=framelog=verbose:peak=sample";

  private static final Pattern INTEGRATED = Pattern.compile("Integrated loudness:\\s+I:\\s+(-?[0-9.]+|-inf)\\s+LUFS");
  private static final Pattern PEAK = Pattern.compile("Sample peak:\\s+Peak:\\s+(-?[0-9.]+|-inf)\\s+dBFS");

  /** Reads ebur128's summary from ffmpeg's stderr; empty for silence (nothing to normalise). */
  static Optional<Loudness> parse(String stderr) throws IOException {
    int summary = stderr.lastIndexOf("Summary:");
    String text = summary < 0 ? "" : stderr.substring(summary);
    Matcher i = INTEGRATED.matcher(text);
    if (!i.find()) throw new IOException("loudness measurement missing from ffmpeg's output");
    double integrated = decibels(i.group(1));
    Matcher p = PEAK.matcher(text);
    double peak = p.find() ? decibels(p.group(1)) : 0;
    return integrated < -70 ? Optional.empty() : Optional.of(new Loudness(integrated, peak));
  }

  private static double decibels(String value) {
    return value.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value);
  }

  /** The gain that brings the mix to {@code target}, as long as nothing is limited. */
  double gainDb(double target) {
    return Math.min(MAX_GAIN_DB, target - integrated);
  }

  /** Whether that gain lifts peaks into the limiter, which then takes some loudness off. */
  boolean limited(double gainDb) {
    return samplePeak + gainDb > CEILING_DB;
  }

  /** The gain and the limiter, as filters to put before the encoder. */
  static String applying(double gainDb) {
    return String.format(Locale.ROOT, "volume=%.2fdB,alimiter=limit=%.4f:level=0:latency=1:attack=5:release=50",
        gainDb, Math.pow(10, CEILING_DB / 20));
  }
}
