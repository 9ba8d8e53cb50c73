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

/** Makes a sound's waveform: ffmpeg decodes it to mono samples, we keep the peaks. */
final class Waveforms {
  private static final int RATE = 8000;

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
      int perPeak = RATE / Waveform.PER_SECOND;
      long samples = Files.size(scratch) / 2;
      byte[] peaks = new byte[(int) ((samples + perPeak - 1) / perPeak)];
      try (InputStream in = new BufferedInputStream(Files.newInputStream(scratch), 1 << 16)) {
        byte[] pair = new byte[2 * perPeak];
        for (int p = 0; p < peaks.length; p++) {
          int n = in.readNBytes(pair, 0, pair.length);
          int loudest = 0;
          for (int i = 0; i + 1 < n; i += 2) {
            int v = (short) ((pair[i] & 0xff) | (pair[i + 1] << 8));
            loudest = Math.max(loudest, Math.abs(v));
          }
          peaks[p] = (byte) Math.min(255, Math.round(Math.min(1, loudest / 32767.0) * 255));
        }
      }
      return new Waveform(peaks);
    } finally {
      Files.deleteIfExists(scratch);
    }
  }
}
