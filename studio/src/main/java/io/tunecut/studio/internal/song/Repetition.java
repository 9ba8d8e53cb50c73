package io.tunecut.studio.internal.song;

/**
 * How well each stretch of beats is heard again elsewhere in the song: the self-similarity of
 * the beats (notes and colour of sound), averaged along its diagonals over a block of beats, so
 * a block that repeats shows as a stripe in the time-lag view. The song's typical similarity is
 * taken off: a song with one sound all through is alike everywhere, which is no repeat. (Not
 * each lag's own: in a song of regular form the chorus's lag is also the verses', and the
 * repeat would be taken off with them.)
 */
final class Repetition {
  private final int n;
  private final int block;
  private final int shortestLag;
  /** [lag][i]: the block from i against the block from i + lag, less the song's median. */
  private final float[][] byLag;

  Repetition(BeatSound sound, int block, int shortestLag) {
    this.n = sound.size();
    this.block = block;
    this.shortestLag = shortestLag;
    byLag = new float[Math.max(0, n - block + 1)][];
    double[] run = new double[n + 1];
    for (int lag = shortestLag; lag + block <= n; lag++) {
      int starts = n - lag - block + 1;
      run[0] = 0;
      for (int i = 0; i < n - lag; i++) run[i + 1] = run[i] + similarity(sound, i, i + lag);
      float[] row = new float[starts];
      for (int i = 0; i < starts; i++) row[i] = (float) ((run[i + block] - run[i]) / block);
      byLag[lag] = row;
    }
    float median = median();
    for (float[] row : byLag) {
      if (row != null) for (int i = 0; i < row.length; i++) row[i] -= median;
    }
  }

  /** How alike the blocks from {@code a} and {@code b} are, beyond what their distance apart makes usual. */
  double between(int a, int b) {
    int i = Math.min(a, b);
    int lag = Math.abs(a - b);
    if (i < 0 || lag < shortestLag || lag >= byLag.length || byLag[lag] == null || i >= byLag[lag].length) return Double.NEGATIVE_INFINITY;
    return byLag[lag][i];
  }

  /** The best repeat of the block from {@code i}, earlier or later: its start, or -1 when it has none. */
  int partner(int i) {
    int best = -1;
    double value = Double.NEGATIVE_INFINITY;
    for (int j = 0; j + block <= n; j++) {
      double v = between(i, j);
      if (v > value) {
        value = v;
        best = j;
      }
    }
    return best;
  }

  private static double similarity(BeatSound s, int a, int b) {
    return 0.5 * dot(s.chroma()[a], s.chroma()[b]) + 0.5 * dot(s.timbre()[a], s.timbre()[b]);
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int k = 0; k < x.length; k++) s += x[k] * y[k];
    return s;
  }

  private float median() {
    int count = 0;
    for (float[] row : byLag) count += row == null ? 0 : row.length;
    float[] all = new float[count];
    int at = 0;
    for (float[] row : byLag) {
      if (row == null) continue;
      System.arraycopy(row, 0, all, at, row.length);
      at += row.length;
    }
    java.util.Arrays.sort(all);
    return count == 0 ? 0 : all[count / 2];
  }
}
