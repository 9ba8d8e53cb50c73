package io.tunecut.studio.internal.preview;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.internal.media.Media;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Makes a sound's waveform: ffmpeg decodes it to mono samples at 8 kHz, we keep the peaks. A
 * sound made here (composed music) is brought to 8 kHz from its own samples as ffmpeg would,
 * so its waveform is the same without decoding its file.
 */
final class Waveforms {
  private static final int RATE = 8000;
  private static final int PER_PEAK = RATE / Waveform.PER_SECOND;

  private final Ffmpeg ffmpeg;

  Waveforms(Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /** The peaks of {@code media}'s sound; {@code scratch} holds the samples meanwhile. */
  Waveform make(Media media, Path scratch) throws IOException, InterruptedException {
    try {
      ffmpeg.run(FfmpegRun.of(List.of("-v", "error", "-i", media.file().toString(), "-vn", "-ac", "1",
          "-ar", String.valueOf(RATE), "-f", "s16le", scratch.toString()), Duration.ofMinutes(2))
          .deletingOnFailure(scratch));
      long samples = Files.size(scratch) / 2;
      byte[] peaks = new byte[(int) ((samples + PER_PEAK - 1) / PER_PEAK)];
      try (InputStream in = new BufferedInputStream(Files.newInputStream(scratch), 1 << 16)) {
        byte[] pair = new byte[2 * PER_PEAK];
        for (int p = 0; p < peaks.length; p++) {
          int n = in.readNBytes(pair, 0, pair.length);
          int loudest = 0;
          for (int i = 0; i + 1 < n; i += 2) {
            int v = (short) ((pair[i] & 0xff) | (pair[i + 1] << 8));
            loudest = Math.max(loudest, Math.abs(v));
          }
          peaks[p] = peak(loudest);
        }
      }
      return new Waveform(peaks);
    } finally {
      Files.deleteIfExists(scratch);
    }
  }

  /**
   * The waveform of mono samples (-1..1) at {@code sampleRate}, as {@link #make} reads it from
   * the same sound in a file: brought to 8 kHz and to 16 bits as ffmpeg does.
   *
   * @throws IllegalArgumentException for a rate this cannot bring to 8 kHz as ffmpeg does
   */
  static Waveform of(float[] mono, int sampleRate) {
    Resampler down = new Resampler(sampleRate, RATE);
    int samples = down.length(mono.length);
    byte[] peaks = new byte[(samples + PER_PEAK - 1) / PER_PEAK];
    for (int p = 0, n = 0; p < peaks.length; p++) {
      int loudest = 0;
      for (int end = Math.min(samples, n + PER_PEAK); n < end; n++) {
        long v = Math.round(down.sample(mono, n) * 32767);
        loudest = (int) Math.max(loudest, Math.min(32768, Math.abs(v)));
      }
      peaks[p] = peak(loudest);
    }
    return new Waveform(peaks);
  }

  /** A peak as stored, from the loudest 16-bit sample in its stretch. */
  private static byte peak(int loudest) {
    return (byte) Math.min(255, Math.round(Math.min(1, loudest / 32767.0) * 255));
  }
}
