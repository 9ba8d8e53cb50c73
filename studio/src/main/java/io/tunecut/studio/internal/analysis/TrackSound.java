package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.nio.file.Path;
import java.util.Arrays;

/** A file's whole sound as mono samples, decoded as the analysis decodes it (its time limits, no sound = none). */
public final class TrackSound {
  private TrackSound() {}

  /** @throws AnalysisException the file cannot be read or decoded */
  public static float[] mono(Ffmpeg ffmpeg, Path file, int sampleRate, double maxSeconds) {
    float[][] out = {new float[sampleRate * 60]};
    int[] count = {0};
    new Decoder(ffmpeg, TimeLimit.STANDARD).monoPcm(file, sampleRate, maxSeconds, (samples, n) -> {
      if (count[0] + n > out[0].length) out[0] = Arrays.copyOf(out[0], Math.max(out[0].length * 2, count[0] + n));
      System.arraycopy(samples, 0, out[0], count[0], n);
      count[0] += n;
    });
    return Arrays.copyOf(out[0], count[0]);
  }
}
