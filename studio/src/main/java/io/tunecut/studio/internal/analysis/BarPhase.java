package io.tunecut.studio.internal.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Finds where bars start: bass lines and chords change on the downbeat. Each beat's sound below
 * 350 Hz gets a fine spectrum (a beat long, resolving single bass notes, less the local mean so
 * that notes count and the spectrum's slope does not); the bar phase whose beats differ most
 * from the beat before them starts the bar (the spectral difference of Davies and Plumbley).
 *
 * <p>Fed as the track is decoded, it keeps the sound at an eighth of the sample rate: 11 KB a
 * second.
 */
final class BarPhase implements Decoder.SampleSink {
  static final int DECIMATION = 8;
  /** Long enough to hold a beat at 46 BPM: the spectrum resolves 0.7 Hz. */
  private static final double FRAME_SECONDS = 1.3;

  /** Bass notes move on the downbeat more reliably than anything above them. */
  private static final double BASS_HZ = 350;
  private static final int PEAK_RADIUS = 8;

  private final double rate;
  private float[] kept = new float[1 << 16];
  private int size;
  private double sum;
  private int inSum;

  BarPhase(int sampleRate) {
    rate = (double) sampleRate / DECIMATION;
  }

  @Override
  public void accept(float[] samples, int count) {
    // a box average over each decimated sample: the low-pass that keeps aliasing of the
    // upper partials weak enough for comparing spectra
    for (int i = 0; i < count; i++) {
      sum += samples[i];
      if (++inSum == DECIMATION) {
        if (size == kept.length) {
          kept = Arrays.copyOf(kept, kept.length * 2);
        }
        kept[size++] = (float) (sum / DECIMATION);
        sum = 0;
        inSum = 0;
      }
    }
  }

  /**
   * Per beat, how much the spectrum of the beat starting there differs from the one before it
   * (Jensen-Shannon divergence); NaN where there is no beat before or no sound.
   */
  double[] change(List<Double> beats) {
    return change(spectra(beats), 1);
  }

  /** Per beat, the spectrum of the bass (see {@link #spectra(List, double)}). */
  double[][] spectra(List<Double> beats) {
    return spectra(beats, BASS_HZ);
  }

  /**
   * Per beat, how much the mean spectrum of the {@code span} beats from there differs from
   * that of the {@code span} beats before; NaN where either side lacks a beat with sound.
   */
  static double[] change(double[][] spectra, int span) {
    double[] change = new double[spectra.length];
    Arrays.fill(change, Double.NaN);
    for (int i = span; i + span <= spectra.length; i++) {
      double[] before = mean(spectra, i - span, i);
      double[] after = mean(spectra, i, i + span);
      if (before != null && after != null) {
        change[i] = jensenShannon(before, after);
      }
    }
    return change;
  }

  /** The mean of the beats' spectra in [from, to), or null where one of them has none. */
  private static double[] mean(double[][] spectra, int from, int to) {
    double[] out = null;
    for (int i = from; i < to; i++) {
      if (spectra[i] == null) {
        return null;
      }
      if (out == null) {
        out = new double[spectra[i].length];
      }
      for (int k = 0; k < out.length; k++) {
        out[k] += spectra[i][k] / (to - from);
      }
    }
    return out;
  }

  /**
   * Per beat, the normalized spectrum (its peaks) of the sound below {@code maxHz} from the
   * beat to the next; null for the last beat and where there is no sound.
   */
  double[][] spectra(List<Double> beats, double maxHz) {
    int n = Integer.highestOneBit((int) Math.ceil(FRAME_SECONDS * rate) - 1) << 1;
    Fft fft = new Fft(n);
    double[] re = new double[n];
    double[] im = new double[n];
    double[] power = new double[n / 2 + 1];
    double[][] out = new double[beats.size()][];
    for (int i = 0; i + 1 < beats.size(); i++) {
      int from = (int) Math.round(beats.get(i) * rate);
      int to = Math.min(size, Math.min(from + n, (int) Math.round(beats.get(i + 1) * rate)));
      double[] spectrum = null;
      if (to - from > 16) {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        int length = to - from;
        for (int k = 0; k < length; k++) {
          double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * (k + 0.5) / length);
          re[k] = kept[from + k] * w;
        }
        fft.power(re, im, power);
        spectrum = peaks(power, (int) Math.min(n / 2, Math.round(maxHz * n / rate)));
        double total = 0;
        for (double v : spectrum) {
          total += v;
        }
        if (total <= 0) {
          spectrum = null;
        } else {
          for (int k = 0; k < spectrum.length; k++) {
            spectrum[k] /= total;
          }
        }
      }
      out[i] = spectrum;
    }
    return out;
  }

  /**
   * The magnitudes up to {@code bins} above their local mean: the notes that are played, not
   * the slope of the spectrum.
   */
  private static double[] peaks(double[] power, int bins) {
    double[] magnitude = new double[bins];
    double[] prefix = new double[bins + 1];
    for (int k = 0; k < bins; k++) {
      magnitude[k] = Math.sqrt(power[k]);
      prefix[k + 1] = prefix[k] + magnitude[k];
    }
    double[] out = new double[bins];
    for (int k = 0; k < bins; k++) {
      int a = Math.max(0, k - PEAK_RADIUS);
      int b = Math.min(bins, k + PEAK_RADIUS + 1);
      out[k] = Math.max(0, magnitude[k] - (prefix[b] - prefix[a]) / (b - a));
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
