package io.tunecut.studio.internal.compose;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

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
    double peak = 0;
    for (int i = 0; i < left.length; i++) peak = Math.max(peak, Math.max(Math.abs(left[i]), Math.abs(right[i])));
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

  /** Writes 16-bit PCM WAV. */
  void writeWav(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(left.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < left.length; i++) {
      bytes.putShort(pcm(left[i]));
      bytes.putShort(pcm(right[i]));
    }
    AudioFormat format = new AudioFormat(sampleRate, 16, 2, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, left.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
  }

  private static short pcm(float v) {
    return (short) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
  }
}
