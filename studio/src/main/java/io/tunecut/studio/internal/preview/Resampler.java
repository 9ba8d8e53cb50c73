package io.tunecut.studio.internal.preview;

/**
 * Brings sound to a lower rate as ffmpeg's resampler does by default: a sinc cut off at 97 % of
 * the lower rate's Nyquist frequency, 32 of its periods long, in a Kaiser window (β 9), one
 * filter per phase, scaled so a steady level stays the same. A waveform made from samples at
 * hand then has the peaks that decoding the file with ffmpeg would give.
 */
final class Resampler {
  private static final int FILTER_SIZE = 32;
  private static final double CUTOFF = 0.97;
  private static final double BETA = 9;
  /** ffmpeg's own limit on distinct phases; rarer rate pairs are not brought down here. */
  private static final int MOST_PHASES = 1024;

  private final int step;
  private final int phases;
  private final int center;
  private final double[][] filters;

  /** @throws IllegalArgumentException when {@code to} is not lower than {@code from}, or the two have too few common factors */
  Resampler(int from, int to) {
    if (to <= 0 || to >= from) throw new IllegalArgumentException("resampling " + from + " Hz to " + to + " Hz is not bringing it down");
    int common = gcd(from, to);
    step = from / common;
    phases = to / common;
    if (phases > MOST_PHASES) throw new IllegalArgumentException(from + " Hz to " + to + " Hz needs " + phases + " phases");
    double factor = (double) to * CUTOFF / from;
    int taps = (int) Math.ceil(FILTER_SIZE / factor);
    center = (taps - 1) / 2;
    filters = new double[phases][taps];
    double norm = 0;
    for (int ph = 0; ph < phases; ph++) {
      for (int i = 0; i < taps; i++) {
        double d = (i - center) - (double) ph / phases;
        double x = Math.PI * d * factor;
        double w = 2 * d / taps;
        double y = (x == 0 ? 1 : Math.sin(x) / x) * bessel(BETA * Math.sqrt(Math.max(1 - w * w, 0)));
        filters[ph][i] = y;
        if (ph == 0) norm += y;
      }
    }
    for (double[] filter : filters) {
      for (int i = 0; i < filter.length; i++) filter[i] /= norm;
    }
  }

  /** How many samples {@code frames} at the higher rate make at the lower. */
  int length(int frames) {
    return (int) (((long) frames * phases + step - 1) / step);
  }

  /** Sample {@code n} at the lower rate; {@code samples} are at the higher, silence around them. */
  double sample(float[] samples, int n) {
    long at = (long) n * step;
    int first = (int) (at / phases) - center;
    double[] filter = filters[(int) (at % phases)];
    double sum = 0;
    int from = Math.max(0, -first);
    int to = Math.min(filter.length, samples.length - first);
    for (int i = from; i < to; i++) sum += samples[first + i] * filter[i];
    return sum;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** The modified Bessel function of the first kind, order 0, by its series (the window needs x ≤ 9). */
  private static double bessel(double x) {
    double sum = 1;
    double term = 1;
    double quarter = x * x / 4;
    for (int k = 1; k < 60 && term > 1e-17 * sum; k++) {
      term *= quarter / ((double) k * k);
      sum += term;
    }
    return sum;
  }
}
