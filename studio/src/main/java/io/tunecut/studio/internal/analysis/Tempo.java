package io.tunecut.studio.internal.analysis;

/**
 * A beat period in frames (fractional) and, where the onsets divide it in three, two thirds of it
 * (else NaN): autocorrelation of the onsets in 8 s windows, combed over four multiples of each lag
 * under a log-normal prior around {@value #PRIOR_BPM} BPM; the period between whole lags from
 * the peaks at that lag's multiples.
 */
record Tempo(double period, double twoThirds) {
  private static final double FRAME_RATE = BeatTracker.FRAME_RATE;
  private static final double MIN_BPM = 30;
  private static final double MAX_BPM = 300;
  private static final double PRIOR_BPM = 120;
  private static final double PRIOR_OCTAVES = 0.7;
  /** The fastest beat the bass may double the tempo to. */
  private static final double MAX_BASS_BPM = 200;
  /** How close to half the beat period the bass's period must be. */
  private static final double BASS_RATIO_TOLERANCE = 0.03;
  private static final int COMB_MULTIPLES = 4;
  private static final double MAX_TERNARY_BPM = 175;
  private static final double TERNARY_EVIDENCE = 0.5;


  /**
   * Beat period in frames (fractional): autocorrelation in 8 s windows, combed over multiples
   * of each lag and weighted by a prior.
   */
  static Tempo of(double[] rawOnset) {
    // beat periods fall between frames: smoothing keeps every level's peak visible to whole lags
    double[] onset = smooth(rawOnset, 1.5);
    int maxLag = ((int) Math.ceil(60 * FRAME_RATE / MIN_BPM) + 1) * COMB_MULTIPLES;
    int minLag = (int) Math.floor(60 * FRAME_RATE / MAX_BPM);
    int windowLength = Math.min(onset.length, (int) Math.round(8 * FRAME_RATE));
    int hop = Math.max(1, windowLength / 2);
    double[] ac = new double[maxLag + 1];
    double[] w = new double[windowLength];
    for (int i = 0; i < windowLength; i++) {
      w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / windowLength);
    }
    double[] seg = new double[windowLength];
    for (int start = 0; start + windowLength <= onset.length; start += hop) {
      for (int i = 0; i < windowLength; i++) {
        seg[i] = onset[start + i] * w[i];
      }
      double zero = 0;
      for (double v : seg) {
        zero += v * v;
      }
      if (zero == 0) {
        continue;
      }
      for (int lag = 1; lag <= maxLag && lag < windowLength; lag++) {
        double sum = 0;
        for (int i = lag; i < windowLength; i++) {
          sum += seg[i] * seg[i - lag];
        }
        // unbiased: long lags see fewer products
        ac[lag] += sum / zero * windowLength / (windowLength - lag);
      }
    }
    int slowest = maxLag / COMB_MULTIPLES;
    double[] score = new double[slowest + 1];
    int best = -1;
    for (int lag = Math.max(1, minLag); lag <= slowest; lag++) {
      double periodicity = comb(ac, lag);
      score[lag] = periodicity * prior(lag);
      if (best < 0 || score[lag] > score[best]) {
        best = lag;
      }
    }
    if (best <= 0) {
      return new Tempo(FRAME_RATE / 2, Double.NaN);
    }
    int faster = twoThirds(ac, score, best, minLag);
    return new Tempo(precise(ac, best), faster > 0 ? precise(ac, faster) : Double.NaN);
  }

  /** A log-normal preference for tempi near {@value #PRIOR_BPM} BPM. */
  private static double prior(double period) {
    double bpm = 60 * FRAME_RATE / period;
    double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2) / PRIOR_OCTAVES;
    return Math.exp(-0.5 * octaves * octaves);
  }

  /**
   * Half of {@code period} where the bass alone repeats twice as fast as all the onsets do and
   * that beat is one people tap (up to {@value #MAX_BASS_BPM} BPM), else NaN. Fast music
   * (170–200 BPM) accents every other beat, which the tempo prior takes for the beat; a bass that
   * plays every beat shows the real one. The bass is not trusted the other way: it often plays
   * every other beat of music whose beat is right.
   */
  static double bassPeriod(double[] lowOnset, double period) {
    if (lowOnset.length < 8 || BeatTracker.std(lowOnset) == 0) {
      return Double.NaN;
    }
    double bass = of(OnsetEnvelope.removeLocalMean(lowOnset, (int) Math.round(FRAME_RATE))).period;
    boolean twiceAsFast = Math.abs(bass / period - 0.5) < BASS_RATIO_TOLERANCE;
    return twiceAsFast && 60 * FRAME_RATE / bass <= MAX_BASS_BPM ? bass : Double.NaN;
  }

  /**
   * The period through the autocorrelation's peaks at {@code lag} and its multiples, each between
   * whole lags: the fourth multiple pins the period four times as finely as the first. (The peak
   * of the score between lags was pulled towards {@value #PRIOR_BPM} BPM by the prior, 2–3 % slow
   * at 150–170 BPM, and the beats drifted onto the off-beats over 20 s.)
   */
  private static double precise(double[] ac, int lag) {
    double num = 0;
    double den = 0;
    for (int k = 1; k <= COMB_MULTIPLES; k++) {
      int at = -1;
      for (int j = k * lag - k; j <= k * lag + k; j++) {
        if (j > 0 && j + 1 < ac.length && (at < 0 || ac[j] > ac[at])) {
          at = j;
        }
      }
      if (at < 1 || at + 1 >= ac.length || ac[at] <= 0 || ac[at] < ac[at - 1] || ac[at] < ac[at + 1]) {
        continue;
      }
      double a = ac[at - 1];
      double b = ac[at];
      double c = ac[at + 1];
      double denominator = a - 2 * b + c;
      double peak = denominator < 0 ? at + Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / denominator)) : at;
      num += b * k * peak;
      den += b * k * k;
    }
    return den > 0 ? num / den : lag;
  }

  /**
   * The lag two thirds of {@code lag} when the onsets divide {@code lag} in three, not in two,
   * and that faster beat is one people tap (under {@value #MAX_TERNARY_BPM} BPM); else 0. Music
   * with triplet subdivisions or 3+3+2 accents repeats at the dotted half-beat, which the
   * tempo prior favours over the beat itself.
   */
  private static int twoThirds(double[] ac, double[] score, int lag, int minLag) {
    double half = peakNear(ac, lag / 2.0, 0);
    double third = peakNear(ac, lag / 3.0, 0);
    double twoThirds = peakNear(ac, 2 * lag / 3.0, 0);
    double beat = peakNear(ac, lag, 0);
    boolean ternary = third > half && twoThirds > half && third + twoThirds > TERNARY_EVIDENCE * beat
        && half < TERNARY_EVIDENCE * beat;
    if (!ternary || 60 * FRAME_RATE / (2 * lag / 3.0) > MAX_TERNARY_BPM) {
      return 0;
    }
    int target = (int) Math.round(2 * lag / 3.0);
    int best = 0;
    for (int l = Math.max(minLag, target - 1); l <= target + 1 && l < score.length; l++) {
      if (best == 0 || comb(ac, l) > comb(ac, best)) {
        best = l;
      }
    }
    return best;
  }

  /**
   * How strongly the onsets repeat at {@code lag} and its multiples: the beat repeats at every
   * multiple, a level three half-beats long (the dotted beat of syncopated patterns) only at
   * its even ones.
   */
  private static double comb(double[] ac, int lag) {
    double sum = 0;
    for (int k = 1; k <= COMB_MULTIPLES; k++) {
      sum += peakNear(ac, k * lag, k - 1);
    }
    return sum;
  }

  private static double peakNear(double[] ac, double lag, int reach) {
    double peak = 0;
    for (int j = (int) Math.floor(lag) - reach; j <= (int) Math.ceil(lag) + reach; j++) {
      if (j > 0 && j < ac.length) {
        peak = Math.max(peak, ac[j]);
      }
    }
    return peak;
  }

  private static double[] smooth(double[] x, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double[] kernel = new double[2 * radius + 1];
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double sum = 0;
      for (int k = -radius; k <= radius; k++) {
        int j = i + k;
        if (j >= 0 && j < x.length) {
          sum += x[j] * kernel[k + radius];
        }
      }
      out[i] = sum;
    }
    return out;
  }
}
