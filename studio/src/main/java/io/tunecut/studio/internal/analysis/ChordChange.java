package io.tunecut.studio.internal.analysis;

import java.util.Arrays;

/**
 * How much the notes played change at each frame of the beat tracker: the rise of the twelve
 * pitch classes (65 Hz to 1.3 kHz, the bass and the chords, from the spectrum's peaks so that a
 * drum's broad noise counts little), log-compressed to a 40 dB range. Chords, bass notes and
 * melody notes tend to change on the beat even where the loudest attacks fall between the beats.
 * Read from sound kept at a low sample rate ({@link BarPhase}): a 190 ms window (5.4 Hz bins)
 * resolves semitones from about 90 Hz up.
 */
final class ChordChange {
  private static final int WINDOW = 512;
  private static final double LOW_HZ = 65;
  private static final double HIGH_HZ = 1300;
  /** Peaks are magnitudes above the mean of this many bins (5.4 Hz each) either side. */
  private static final int PEAK_RADIUS = 4;
  /** Pitch-class energy is compressed as log(1 + 100 x / max): a 40 dB range. */
  private static final double COMPRESSION = 100;

  private ChordChange() {}

  /**
   * The positive change of the compressed pitch classes at each of {@code frames} frames a hop of
   * {@code hop} samples apart, in {@code size} samples at {@code rate} Hz; only where
   * {@code wanted} (0 elsewhere): the beat phase asks about a few frames around each beat, and
   * each frame costs a spectrum. The compression's scale is the loudest of those frames.
   */
  static double[] at(float[] samples, int size, double rate, int hop, boolean[] wanted) {
    int frames = wanted.length;
    Chroma chroma = new Chroma(rate);
    // the pitch classes of each wanted frame and the one before it, as floats (a quarter hour: 2 MB)
    float[] kept = new float[12 * frames];
    double max = 0;
    for (int t = 0; t < frames; t++) {
      if (wanted[t] || (t + 1 < frames && wanted[t + 1])) {
        double[] c = chroma.at(samples, size, t * hop);
        for (int p = 0; p < 12; p++) {
          kept[12 * t + p] = (float) c[p];
          max = Math.max(max, c[p]);
        }
      }
    }
    double[] out = new double[frames];
    if (max <= 0) {
      return out;
    }
    for (int t = 1; t < frames; t++) {
      if (!wanted[t]) {
        continue;
      }
      double sum = 0;
      for (int p = 0; p < 12; p++) {
        sum += Math.max(0, Math.log1p(COMPRESSION * kept[12 * t + p] / max)
            - Math.log1p(COMPRESSION * kept[12 * (t - 1) + p] / max));
      }
      out[t] = sum;
    }
    return out;
  }

  /** One frame's pitch classes at a time, its buffers reused. */
  private static final class Chroma {
    private final Fft fft = new Fft(WINDOW);
    private final double[] window = new double[WINDOW];
    private final double[] re = new double[WINDOW];
    private final double[] im = new double[WINDOW];
    private final double[] power = new double[WINDOW / 2 + 1];
    private final int bins;
    private final int[] pitchClass;
    private final double[] magnitude;
    private final double[] prefix;
    private final double[] out = new double[12];

    Chroma(double rate) {
      for (int i = 0; i < WINDOW; i++) {
        window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW);
      }
      bins = Math.min(WINDOW / 2 + 1, (int) Math.ceil(HIGH_HZ * WINDOW / rate));
      pitchClass = new int[bins];
      for (int k = 0; k < bins; k++) {
        double hz = k * rate / WINDOW;
        pitchClass[k] = hz < LOW_HZ ? -1 : Math.floorMod((int) Math.round(12 * Math.log(hz / 440) / Math.log(2)), 12);
      }
      magnitude = new double[bins];
      prefix = new double[bins + 1];
    }

    /** The pitch classes of the window centred on sample {@code centre}. */
    double[] at(float[] samples, int size, int centre) {
      int start = centre - WINDOW / 2;
      for (int i = 0; i < WINDOW; i++) {
        int s = start + i;
        re[i] = s >= 0 && s < size ? samples[s] * window[i] : 0;
        im[i] = 0;
      }
      fft.power(re, im, power);
      for (int k = 0; k < bins; k++) {
        magnitude[k] = Math.sqrt(power[k]);
        prefix[k + 1] = prefix[k] + magnitude[k];
      }
      Arrays.fill(out, 0);
      for (int k = 0; k < bins; k++) {
        if (pitchClass[k] < 0) {
          continue;
        }
        int a = Math.max(0, k - PEAK_RADIUS);
        int b = Math.min(bins, k + PEAK_RADIUS + 1);
        out[pitchClass[k]] += Math.max(0, magnitude[k] - (prefix[b] - prefix[a]) / (b - a));
      }
      return out;
    }
  }
}
