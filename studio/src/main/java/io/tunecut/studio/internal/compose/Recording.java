package io.tunecut.studio.internal.compose;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stereo sound as floats, -1..1, finished in place (faded, limited) before it is written. */
final class Recording {
  /** The highest level a sample may reach: −1 dBFS, so no sample clips. */
  static final double CEILING = Math.pow(10, -1 / 20.0);

  private final float[] left;
  private final float[] right;
  private final int sampleRate;
  private final int voices;

  /** @param voices the most voices the synthesizer held at once while playing it */
  Recording(float[] left, float[] right, int sampleRate, int voices) {
    this.left = left;
    this.right = right;
    this.sampleRate = sampleRate;
    this.voices = voices;
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
   * Writes 16-bit PCM WAV: the canonical 44-byte header, then the frames. Written by hand, as
   * Java's sound system would (the same bytes), without the half second its first use costs.
   */
  void writeWav(Path file) throws IOException {
    int data = left.length * 4;
    byte[] bytes = new byte[44 + data];
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, 44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    header.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
        .putInt(sampleRate).putInt(sampleRate * 4).putShort((short) 4).putShort((short) 16);
    header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
    // byte by byte, little-endian: a plain loop that costs little before Java has compiled it
    for (int i = 0, at = 44; i < left.length; i++, at += 4) {
      short l = pcm(left[i]);
      short r = pcm(right[i]);
      bytes[at] = (byte) l;
      bytes[at + 1] = (byte) (l >> 8);
      bytes[at + 2] = (byte) r;
      bytes[at + 3] = (byte) (r >> 8);
    }
    Files.write(file, bytes);
  }

  private static short pcm(float v) {
    return (short) Math.round((v < -1 ? -1 : v > 1 ? 1 : v) * 32767);
  }
}
