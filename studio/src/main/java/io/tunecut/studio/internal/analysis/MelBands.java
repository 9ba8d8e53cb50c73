package io.tunecut.studio.internal.analysis;

/** Triangular mel filters over a power spectrum (HTK mel scale, area-normalised). */
final class MelBands {
  private final int[] first;
  private final double[][] weights;

  MelBands(int bands, int fftSize, int sampleRate, double minHz, double maxHz) {
    int bins = fftSize / 2 + 1;
    double minMel = mel(minHz);
    double maxMel = mel(maxHz);
    double[] edges = new double[bands + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = hz(minMel + (maxMel - minMel) * i / (bands + 1));
    }
    first = new int[bands];
    weights = new double[bands][];
    double binHz = (double) sampleRate / fftSize;
    for (int b = 0; b < bands; b++) {
      double lo = edges[b];
      double mid = edges[b + 1];
      double hi = edges[b + 2];
      int start = Math.max(0, (int) Math.floor(lo / binHz));
      int end = Math.min(bins - 1, (int) Math.ceil(hi / binHz));
      double[] w = new double[end - start + 1];
      double norm = 2.0 / (hi - lo);
      for (int k = start; k <= end; k++) {
        double f = k * binHz;
        double v = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
        w[k - start] = Math.max(0, v) * norm;
      }
      first[b] = start;
      weights[b] = w;
    }
    centres = new double[bands];
    for (int b = 0; b < bands; b++) {
      centres[b] = edges[b + 1];
    }
  }

  private final double[] centres;

  int bandsBelow(double hz) {
    int n = 0;
    while (n < centres.length && centres[n] < hz) {
      n++;
    }
    return Math.max(1, n);
  }

  void apply(double[] power, double[] out) {
    for (int b = 0; b < weights.length; b++) {
      double sum = 0;
      double[] w = weights[b];
      int start = first[b];
      for (int k = 0; k < w.length; k++) {
        sum += power[start + k] * w[k];
      }
      out[b] = sum;
    }
  }

  private static double mel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }

  private static double hz(double mel) {
    return 700 * (Math.pow(10, mel / 2595) - 1);
  }
}
