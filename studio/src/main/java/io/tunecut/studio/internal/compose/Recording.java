package io.tunecut.studio.internal.compose;

import java.io.IOException;
import java.io.OutputStream;

/** Stereo sound as floats, -1..1, finished in place (faded, limited) before it is written. */
final class Recording {
  /** The highest level a sample may reach: −1 dBFS, so no sample clips. */
  static final double CEILING = Math.pow(10, -1 / 20.0);

  private final float[] left;
  private final float[] right;
  private final int sampleRate;
  private final int voices;
  private boolean lowered;

  /** @param voices the most voices the synthesizer held at once while playing it */
  Recording(float[] left, float[] right, int sampleRate, int voices) {
    this.left = left;
    this.right = right;
    this.sampleRate = sampleRate;
    this.voices = voices;
  }

  /** Whether {@link #limit} lowered it: frames read before then are not as it sounds now. */
  boolean lowered() {
    return lowered;
  }

  int voices() {
    return voices;
  }

  int frames() {
    return left.length;
  }

  float[] mono() {
    float[] m = new float[left.length];
    for (int i = 0; i < m.length; i++) m[i] = (left[i] + right[i]) / 2;
    return m;
  }

  double peak() {
    // plain comparisons: this runs once, mostly before Java has compiled it, and Math.max's care for NaN costs there
    float peak = 0;
    for (int i = 0; i < left.length; i++) {
      float l = Math.abs(left[i]);
      float r = Math.abs(right[i]);
      if (l > peak) peak = l;
      if (r > peak) peak = r;
    }
    return peak;
  }

  /** Lowers the whole recording so no sample is above {@link #CEILING}. */
  void limit() {
    double peak = peak();
    if (peak <= CEILING) return;
    lowered = true;
    float gain = (float) (CEILING / peak);
    for (int i = 0; i < left.length; i++) {
      left[i] *= gain;
      right[i] *= gain;
    }
  }

  /** A steep fade over the last {@code seconds}, so the ending dies away into silence at the end. */
  void fadeOut(double seconds) {
    int n = (int) Math.min(left.length, Math.round(seconds * sampleRate));
    for (int i = 0; i < n; i++) {
      double x = (double) i / n;
      float gain = (float) (x * x * x);
      int at = left.length - 1 - i;
      left[at] *= gain;
      right[at] *= gain;
    }
  }

  /**
   * Writes the frames as 16-bit little-endian PCM, left and right in turn, as a WAV file holds
   * them, in pieces: the encoder reading them works meanwhile.
   */
  void writePcm(OutputStream out) throws IOException {
    writePcm(out, 0, left.length);
  }

  /** Writes frames {@code first} to {@code last} (excluded) as {@link #writePcm(OutputStream)} does. */
  void writePcm(OutputStream out, int first, int last) throws IOException {
    byte[] bytes = new byte[4 * 8192];
    for (int from = first; from < last; from += 8192) {
      int to = Math.min(last, from + 8192);
      // byte by byte: a plain loop that costs little before Java has compiled it
      for (int i = from, at = 0; i < to; i++, at += 4) {
        short l = pcm(left[i]);
        short r = pcm(right[i]);
        bytes[at] = (byte) l;
        bytes[at + 1] = (byte) (l >> 8);
        bytes[at + 2] = (byte) r;
        bytes[at + 3] = (byte) (r >> 8);
      }
      out.write(bytes, 0, 4 * (to - from));
    }
  }

  private static short pcm(float v) {
    return (short) Math.round((v < -1 ? -1 : v > 1 ? 1 : v) * 32767);
  }
}
