package io.tunecut.studio.internal.analysis;

import java.util.Arrays;

/**
 * How much the sound changes at each beat over a span of beats: the Jensen-Shannon divergence
 * between the mean spectrum of the {@code span} beats from there and that of the {@code span}
 * beats before. Fed one beat's spectrum at a time, it keeps only the last {@code 2 span} of
 * them, so a quarter hour of beats costs a number per beat, not a spectrum per beat.
 */
final class SpectralChange {
  private final int span;
  private final double[][] recent;
  private final double[] change;
  private int added;

  /** For {@code beats} beats; NaN where either side lacks a beat with sound. */
  SpectralChange(int span, int beats) {
    this.span = span;
    this.recent = new double[2 * span][];
    this.change = new double[beats];
    Arrays.fill(change, Double.NaN);
  }

  /** The next beat's normalized spectrum, or null where it has no sound. */
  void add(double[] spectrum) {
    recent[added % recent.length] = spectrum;
    added++;
    // the beats [i - span, i + span) are the last 2 span added
    int i = added - span;
    if (i >= span && i < change.length) {
      double[] before = mean(i - span, i);
      double[] after = mean(i, i + span);
      if (before != null && after != null) {
        change[i] = jensenShannon(before, after);
      }
    }
  }

  double[] change() {
    return change;
  }

  /** The mean of the beats' spectra in [from, to), or null where one of them has none. */
  private double[] mean(int from, int to) {
    double[] out = null;
    for (int i = from; i < to; i++) {
      double[] spectrum = recent[i % recent.length];
      if (spectrum == null) {
        return null;
      }
      if (out == null) {
        out = new double[spectrum.length];
      }
      for (int k = 0; k < out.length; k++) {
        out[k] += spectrum[k] / (to - from);
      }
    }
    return out;
  }

  private static double jensenShannon(double[] p, double[] q) {
    double sum = 0;
    for (int b = 0; b < p.length; b++) {
      double m = (p[b] + q[b]) / 2;
      if (p[b] > 0) {
        sum += p[b] * Math.log(p[b] / m);
      }
      if (q[b] > 0) {
        sum += q[b] * Math.log(q[b] / m);
      }
    }
    return sum / 2;
  }
}
