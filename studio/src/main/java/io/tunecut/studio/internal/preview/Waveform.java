package io.tunecut.studio.internal.preview;

/**
 * A sound's loudest moments: one peak (0..1) per 1/{@link #PER_SECOND} of a second, as stored.
 */
record Waveform(byte[] peaks) {
  static final int PER_SECOND = 50;

  /** The loudest peak between {@code from} and {@code to} seconds into the sound; 0 outside it. */
  double peak(double from, double to) {
    int a = (int) Math.floor(from * PER_SECOND);
    int b = (int) Math.ceil(to * PER_SECOND);
    int best = 0;
    for (int i = Math.max(0, a); i < Math.min(peaks.length, Math.max(b, a + 1)); i++) best = Math.max(best, peaks[i] & 0xff);
    return best / 255.0;
  }

  double seconds() {
    return peaks.length / (double) PER_SECOND;
  }
}
