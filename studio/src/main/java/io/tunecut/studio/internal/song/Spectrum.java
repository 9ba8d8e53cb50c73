package io.tunecut.studio.internal.song;

/** The power spectrum of Hann-windowed frames of one size (radix-2 FFT, tables built once). */
final class Spectrum {
  private final int n;
  private final int[] reversed;
  private final double[] cos;
  private final double[] sin;
  private final double[] window;
  private final double[] re;
  private final double[] im;

  Spectrum(int n) {
    if (Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT size must be a power of two: " + n);
    this.n = n;
    int bits = Integer.numberOfTrailingZeros(n);
    reversed = new int[n];
    for (int i = 0; i < n; i++) reversed[i] = Integer.reverse(i) >>> (32 - bits);
    cos = new double[n / 2];
    sin = new double[n / 2];
    for (int i = 0; i < n / 2; i++) {
      cos[i] = Math.cos(2 * Math.PI * i / n);
      sin[i] = -Math.sin(2 * Math.PI * i / n);
    }
    window = new double[n];
    for (int i = 0; i < n; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
    re = new double[n];
    im = new double[n];
  }

  int size() {
    return n;
  }

  /** Power of the {@code n} samples from {@code from} (zeros past the end) into {@code out} (n/2 + 1 bins). */
  void power(float[] samples, int from, double[] out) {
    for (int i = 0; i < n; i++) {
      int at = from + i;
      re[i] = at < samples.length ? samples[at] * window[i] : 0;
      im[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      int j = reversed[i];
      if (j > i) {
        double t = re[i]; re[i] = re[j]; re[j] = t;
      }
    }
    for (int size = 2; size <= n; size <<= 1) {
      int half = size >> 1;
      int step = n / size;
      for (int start = 0; start < n; start += size) {
        for (int k = 0; k < half; k++) {
          double wr = cos[k * step];
          double wi = sin[k * step];
          int a = start + k;
          int b = a + half;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
    for (int k = 0; k <= n / 2; k++) out[k] = re[k] * re[k] + im[k] * im[k];
  }
}
