package io.tunecut.studio.internal.song;

import io.tunecut.studio.internal.analysis.Fft;

/** The power spectrum of Hann-windowed frames of one size. */
final class Spectrum {
  private final Fft fft;
  private final double[] window;
  private final double[] re;
  private final double[] im;

  Spectrum(int n) {
    fft = new Fft(n);
    window = new double[n];
    for (int i = 0; i < n; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
    re = new double[n];
    im = new double[n];
  }

  int size() {
    return fft.size();
  }

  /** Power of the {@code n} samples from {@code from} (zeros past the end) into {@code out} (n/2 + 1 bins). */
  void power(float[] samples, int from, double[] out) {
    for (int i = 0; i < re.length; i++) {
      int at = from + i;
      re[i] = at < samples.length ? samples[at] * window[i] : 0;
    }
    fft.power(re, im, out);
  }
}
