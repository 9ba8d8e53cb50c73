package io.tunecut.studio.internal.analysis;

/**
 * Beats to the bar and where the bars start. The metre shows in how the music repeats from beat
 * to beat: the accents and the bass of a waltz come back every three beats (or six), those of
 * music in four every four (or eight); the peaks of their beat-level autocorrelation say which. The
 * bar then starts on the phase where chords and bass notes change most (see {@link BarPhase}), from
 * one beat to the next, from one bar to the next and from one half bar to the next: where the
 * harmony moves every half bar, only bars that start on the downbeat differ whole from the bar
 * before; where the bass moves on every beat, the chords held over half a bar still change where
 * it starts.
 */
final class Metre {
  /**
   * Ternary repetition must beat binary by this much (a correlation): most music is in four.
   * On the evaluation set the waltzes lead by 0.31 and 0.67, music in four by -0.09 at most.
   */
  static final double THREE_OVER_FOUR = 0.2;
  /** Fewer bars of four than this show no metre: four-four is the safe guess. */
  private static final int MIN_BARS = 6;
  /** Bars of three and of four both fit whole in 12 beats. */
  private static final int TREND_BEATS = 12;

  private Metre() {}

  /**
   * 3 where the beats' accents and bass energy repeat every three (or six) beats clearly more
   * than every four (or eight), else 4.
   *
   * @param accent per beat, the onset strength on it
   * @param low per beat, the log energy below 150 Hz through it
   */
  static int beatsPerBar(double[] accent, double[] low) {
    return ternaryLead(accent, low) > THREE_OVER_FOUR ? 3 : 4;
  }

  /** How much more the beats repeat in threes than in fours, mean over both cues. */
  static double ternaryLead(double[] accent, double[] low) {
    if (accent.length < MIN_BARS * 4) {
      return Double.NEGATIVE_INFINITY;
    }
    double lead = 0;
    for (double[] raw : new double[][] {accent, low}) {
      double[] cue = withoutTrend(raw);
      lead += Math.max(peak(cue, 3), peak(cue, 6)) - Math.max(peak(cue, 4), peak(cue, 8));
    }
    return lead / 2;
  }

  /**
   * Less the mean of the 12 beats around each: a swell or a fade correlates more at short lags
   * than at long ones and would pass for bars of three; a pattern of 3 or 4 beats averages out
   * over 12 and stays.
   */
  static double[] withoutTrend(double[] x) {
    double[] prefix = new double[x.length + 1];
    for (int i = 0; i < x.length; i++) {
      prefix[i + 1] = prefix[i] + x[i];
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int a = Math.max(0, Math.min(x.length - TREND_BEATS, i - TREND_BEATS / 2));
      int b = Math.min(x.length, a + TREND_BEATS);
      out[i] = x[i] - (prefix[b] - prefix[a]) / (b - a);
    }
    return out;
  }

  /**
   * How far the autocorrelation at {@code lag} stands above its neighbours': a pattern that
   * repeats every {@code lag} beats peaks there, a slow change only slopes.
   */
  static double peak(double[] x, int lag) {
    return correlation(x, lag) - (correlation(x, lag - 1) + correlation(x, lag + 1)) / 2;
  }

  /** Autocorrelation of {@code x} (less its mean) at {@code lag}, over its energy. */
  static double correlation(double[] x, int lag) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double energy = 0;
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      energy += (x[i] - mean) * (x[i] - mean);
      if (i >= lag) {
        sum += (x[i] - mean) * (x[i - lag] - mean);
      }
    }
    return energy > 0 ? sum / energy : 0;
  }

  /**
   * How much more the sound changes on the strongest phase of a bar of {@code beats} than on
   * the mean beat; 1 where no phase stands out.
   */
  static double contrast(double[] change, int beats) {
    double[] mean = phaseMeans(change, beats);
    double all = 0;
    int count = 0;
    for (double v : change) {
      if (!Double.isNaN(v)) {
        all += v;
        count++;
      }
    }
    if (count < MIN_BARS * beats || all <= 0) {
      return 1;
    }
    double best = 0;
    for (double m : mean) {
      best = Math.max(best, m);
    }
    return best / (all / count);
  }

  /** The phase (index of the first downbeat) whose beats change most. */
  static int phase(double[] change, int beats) {
    return phase(new double[][] {change}, beats);
  }

  /**
   * The phase whose beats change most over several measures of change, all in the same units
   * (a divergence between spectra): a measure that is flat across phases leaves the others the
   * choice.
   */
  static int phase(double[][] changes, int beats) {
    double[] score = new double[beats];
    for (double[] change : changes) {
      double[] means = phaseMeans(change, beats);
      for (int p = 0; p < beats; p++) {
        score[p] += means[p];
      }
    }
    int phase = 0;
    for (int p = 1; p < beats; p++) {
      if (score[p] > score[phase]) {
        phase = p;
      }
    }
    return phase;
  }

  /** The mean change on each phase of a bar of {@code beats}; NaN for a phase with none. */
  private static double[] phaseMeans(double[] change, int beats) {
    double[] sum = new double[beats];
    int[] count = new int[beats];
    for (int i = 0; i < change.length; i++) {
      if (!Double.isNaN(change[i])) {
        sum[i % beats] += change[i];
        count[i % beats]++;
      }
    }
    double[] mean = new double[beats];
    for (int p = 0; p < beats; p++) {
      mean[p] = count[p] > 0 ? sum[p] / count[p] : Double.NEGATIVE_INFINITY;
    }
    return mean;
  }
}
