package io.tunecut.studio.internal.compose;

import java.util.ArrayList;
import java.util.List;

/** What a listener would notice in mono samples, measured plainly. */
final class Hearing {
  private Hearing() {}

  /**
   * The onset nearest {@code seconds}: within ±{@code window}, the 1 ms hop where the level of
   * the sound's first difference (its attacks, not its low hum) over the next 10 ms rises most
   * above its level over the 30 ms before. Returns its time.
   */
  static double onsetNear(float[] mono, int rate, double seconds, double window) {
    float[] attacks = new float[mono.length];
    for (int i = 1; i < mono.length; i++) attacks[i] = mono[i] - mono[i - 1];
    int hop = rate / 1000;
    double best = Double.NEGATIVE_INFINITY;
    double at = Double.NaN;
    for (int start = (int) ((seconds - window) * rate); start <= (seconds + window) * rate; start += hop) {
      if (start - 30 * hop < 0 || start + 10 * hop > mono.length) continue;
      double rise = db(rms(attacks, start, 10 * hop)) - db(rms(attacks, start - 30 * hop, 30 * hop));
      if (rise > best) {
        best = rise;
        at = (double) start / rate;
      }
    }
    return at;
  }

  /** Root mean square level in dBFS from {@code from} for {@code length} seconds. */
  static double level(float[] mono, int rate, double from, double length) {
    return db(rms(mono, (int) (from * rate), (int) (length * rate)));
  }

  /** The level in dB of the sound's first difference (its high frequencies) from {@code from} for {@code length} seconds. */
  static double brightness(float[] mono, int rate, double from, double length) {
    float[] steps = new float[mono.length];
    for (int i = 1; i < mono.length; i++) steps[i] = mono[i] - mono[i - 1];
    return db(rms(steps, (int) (from * rate), (int) (length * rate)));
  }

  /** The largest change from one sample to the next from {@code from} for {@code length} seconds. */
  static double biggestStep(float[] mono, int rate, double from, double length) {
    double biggest = 0;
    int end = Math.min(mono.length, (int) ((from + length) * rate));
    for (int i = Math.max(1, (int) (from * rate)); i < end; i++) biggest = Math.max(biggest, Math.abs(mono[i] - mono[i - 1]));
    return biggest;
  }

  /** The longest stretch, in seconds, of 50 ms windows quieter than {@code thresholdDb} before {@code until}. */
  static double longestSilence(float[] mono, int rate, double until, double thresholdDb) {
    int window = rate / 20;
    double longest = 0;
    double run = 0;
    for (int start = 0; start + window <= until * rate; start += window) {
      run = db(rms(mono, start, window)) < thresholdDb ? run + 0.05 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /**
   * The median spectral flatness (geometric over arithmetic mean of the power spectrum) of 2048-sample
   * frames that are not silent: near 0 for tones and chords, about 0.5 for white noise.
   */
  static double flatness(float[] mono) {
    int n = 2048;
    List<Double> values = new ArrayList<>();
    for (int start = 0; start + n <= mono.length; start += 4 * n) {
      double[] re = new double[n];
      double[] im = new double[n];
      for (int i = 0; i < n; i++) re[i] = mono[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
      fft(re, im);
      double logSum = 0;
      double sum = 0;
      for (int k = 1; k < n / 2; k++) {
        double power = re[k] * re[k] + im[k] * im[k] + 1e-20;
        logSum += Math.log(power);
        sum += power;
      }
      int bins = n / 2 - 1;
      if (sum / bins < 1e-9) continue;
      values.add(Math.exp(logSum / bins) / (sum / bins));
    }
    values.sort(null);
    return values.isEmpty() ? 0 : values.get(values.size() / 2);
  }

  /**
   * F-measure of {@code found} against {@code planned}, each planned beat matched at most once
   * within ±{@code tolerance} (mir_eval's convention).
   */
  static double fMeasure(List<Double> planned, List<Double> found, double tolerance) {
    boolean[] used = new boolean[found.size()];
    int hits = 0;
    for (double p : planned) {
      for (int i = 0; i < found.size(); i++) {
        if (!used[i] && Math.abs(found.get(i) - p) <= tolerance) {
          used[i] = true;
          hits++;
          break;
        }
      }
    }
    if (hits == 0) return 0;
    double precision = (double) hits / found.size();
    double recall = (double) hits / planned.size();
    return 2 * precision * recall / (precision + recall);
  }

  /** Every second sample, averaged in pairs: 44.1 kHz to the beat tracker's 22.05 kHz. */
  static float[] half(float[] mono) {
    float[] out = new float[mono.length / 2];
    for (int i = 0; i < out.length; i++) out[i] = (mono[2 * i] + mono[2 * i + 1]) / 2;
    return out;
  }

  private static double rms(float[] x, int from, int length) {
    double sum = 0;
    int end = Math.min(x.length, from + length);
    for (int i = Math.max(0, from); i < end; i++) sum += x[i] * x[i];
    return Math.sqrt(sum / Math.max(1, end - Math.max(0, from)));
  }

  private static double db(double rms) {
    return 20 * Math.log10(rms + 1e-12);
  }

  private static void fft(double[] re, double[] im) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) {
        double t = re[i]; re[i] = re[j]; re[j] = t;
        t = im[i]; im[i] = im[j]; im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double angle = -2 * Math.PI / len;
      for (int i = 0; i < n; i += len) {
        for (int k = 0; k < len / 2; k++) {
          double wr = Math.cos(angle * k);
          double wi = Math.sin(angle * k);
          double xr = re[i + k + len / 2] * wr - im[i + k + len / 2] * wi;
          double xi = re[i + k + len / 2] * wi + im[i + k + len / 2] * wr;
          re[i + k + len / 2] = re[i + k] - xr;
          im[i + k + len / 2] = im[i + k] - xi;
          re[i + k] += xr;
          im[i + k] += xi;
        }
      }
    }
  }
}
