package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where the beats fall, given their period: the phase of the pulse through the music. */
final class BeatPath {
  /**
   * How much the programme pays for a beat off the period (librosa's 100 lets the path hop onto
   * off-beat accents for a beat or two; 400 holds it on the pulse: on the exact-truth set F 0.68 to
   * 0.72, on the real-music set unchanged to slightly better; 1,000 and over can no longer follow
   * tempo changes).
   */
  private static final double TIGHTNESS = 400;

  /**
   * How many beats' worth of onsets a whole path must gain to end elsewhere than on the last
   * strong peak. Paths a half beat apart often score within a beat or so of each other (on the
   * two sets: 0.06 to 1.5); a path that gains 3.6 to 8.7 is the beat where the last peak was an
   * accent the path slid onto.
   */
  private static final double END_GAIN_BEATS = 2;

  private BeatPath() {}


  /** Ellis's dynamic programme: beats on strong onsets, spaced close to the period. */
  static int[] beats(OnsetEnvelope.Envelope envelope, double period) {
    double[] onset = envelope.onset();
    int n = onset.length;
    double sd = BeatTracker.std(onset);
    int radius = (int) Math.round(period);
    double[] kernel = new double[2 * radius + 1];
    for (int i = -radius; i <= radius; i++) {
      double z = i * 32.0 / period;
      kernel[i + radius] = Math.exp(-0.5 * z * z);
    }
    double[] local = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = -radius; k <= radius; k++) {
        int j = i + k;
        if (j >= 0 && j < n) {
          sum += onset[j] / sd * kernel[k + radius];
        }
      }
      local[i] = sum;
    }
    int from = (int) Math.round(2 * period);
    int to = (int) Math.round(period / 2);
    double[] penalty = new double[from - to + 1];
    for (int back = to; back <= from; back++) {
      double r = Math.log(back / period);
      penalty[back - to] = -TIGHTNESS * r * r;
    }
    double maxLocal = Arrays.stream(local).max().orElse(0);
    double threshold = 0.01 * maxLocal;
    double[] cumulative = new double[n];
    int[] backlink = new int[n];
    boolean first = true;
    for (int i = 0; i < n; i++) {
      double best = Double.NEGATIVE_INFINITY;
      int bestAt = -1;
      for (int back = to; back <= from; back++) {
        int j = i - back;
        double candidate = penalty[back - to] + (j >= 0 ? cumulative[j] : 0);
        if (candidate > best) {
          best = candidate;
          bestAt = j;
        }
      }
      if (bestAt < 0 && best == Double.NEGATIVE_INFINITY) {
        best = 0;
      }
      cumulative[i] = local[i] + best;
      if (first && local[i] < threshold) {
        backlink[i] = -1;
      } else {
        backlink[i] = bestAt;
        first = false;
      }
    }
    int last = bestEnd(cumulative, local, backlink, lastBeat(cumulative), period);
    List<Integer> reversedBeats = new ArrayList<>();
    for (int b = last; b >= 0; b = backlink[b]) {
      reversedBeats.add(b);
    }
    int[] beats = new int[reversedBeats.size()];
    for (int i = 0; i < beats.length; i++) {
      beats[i] = reversedBeats.get(beats.length - 1 - i);
    }
    return trimWeak(local, beats);
  }

  /**
   * The end of the best whole path within the period before the last strong peak: that peak is
   * often an accent off the beat near the end of the music, and the path behind it slides off
   * the beat over its last seconds to reach it. A path ending elsewhere wins only by a clear
   * margin ({@value #END_GAIN_BEATS} beats' worth), as paths on the beat and off it often score
   * alike and the last peak is then as good a guess.
   */
  private static int bestEnd(double[] cumulative, double[] local, int[] backlink, int last, double period) {
    int best = last;
    for (int i = Math.max(1, last - (int) Math.round(period) + 1); i < last; i++) {
      if (cumulative[i] > cumulative[i - 1] && cumulative[i] >= cumulative[i + 1] && cumulative[i] > cumulative[best]) {
        best = i;
      }
    }
    if (best == last) {
      return last;
    }
    double sum = 0;
    int count = 0;
    for (int b = best; b >= 0; b = backlink[b]) {
      sum += local[b];
      count++;
    }
    double beat = sum / count;
    return beat > 0 && cumulative[best] - cumulative[last] > END_GAIN_BEATS * beat ? best : last;
  }

  private static int lastBeat(double[] cumulative) {
    List<Double> peaks = new ArrayList<>();
    for (int i = 1; i + 1 < cumulative.length; i++) {
      if (cumulative[i] > cumulative[i - 1] && cumulative[i] >= cumulative[i + 1]) {
        peaks.add(cumulative[i]);
      }
    }
    if (peaks.isEmpty()) {
      return cumulative.length - 1;
    }
    double[] sorted = peaks.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double threshold = 0.5 * sorted[sorted.length / 2];
    for (int i = cumulative.length - 2; i >= 1; i--) {
      if (cumulative[i] > cumulative[i - 1] && cumulative[i] >= cumulative[i + 1]
          && cumulative[i] > threshold) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** Drops beats in the silent lead-in and tail, where the programme only extrapolates. */
  private static int[] trimWeak(double[] local, int[] beats) {
    if (beats.length < 3) {
      return beats;
    }
    double[] smooth = new double[beats.length];
    double[] hann = {0.25, 0.75, 1.0, 0.75, 0.25};
    for (int i = 0; i < beats.length; i++) {
      double sum = 0;
      for (int k = -2; k <= 2; k++) {
        int j = i + k;
        if (j >= 0 && j < beats.length) {
          sum += local[beats[j]] * hann[k + 2];
        }
      }
      smooth[i] = sum;
    }
    double rms = 0;
    for (double v : smooth) {
      rms += v * v;
    }
    double threshold = 0.5 * Math.sqrt(rms / smooth.length);
    int a = 0;
    while (a < beats.length && smooth[a] <= threshold) {
      a++;
    }
    int b = beats.length;
    while (b > a && smooth[b - 1] <= threshold) {
      b--;
    }
    return Arrays.copyOfRange(beats, a, b);
  }
}
