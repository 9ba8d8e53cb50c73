package io.tunecut.studio.internal.song;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A track's sound as mono samples at {@link #RATE}: enough to hear its parts, cheap to decode. */
final class SongSound {
  static final int RATE = 11025;
  /** Past ten minutes a song's parts are not where anyone starts a video's music. */
  static final double LONGEST_SECONDS = 600;

  private SongSound() {}

  static float[] decode(Ffmpeg ffmpeg, Path file) {
    List<String> args = List.of("-nostdin", "-hide_banner", "-v", "error", "-i", file.toString(), "-vn", "-sn", "-dn",
        "-t", Integer.toString((int) LONGEST_SECONDS), "-f", "f32le", "-ac", "1", "-ar", Integer.toString(RATE), "pipe:1");
    float[][] out = {new float[RATE * 60]};
    int[] count = {0};
    try {
      ffmpeg.streamFfmpeg(args, Duration.ofSeconds(120), in -> count[0] = read(in, out), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode " + file.getFileName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding " + file.getFileName(), e);
    }
    return Arrays.copyOf(out[0], count[0]);
  }

  private static int read(InputStream in, float[][] out) throws IOException {
    byte[] bytes = new byte[1 << 16];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int count = 0;
    while (true) {
      int n = in.readNBytes(bytes, 0, bytes.length);
      if (n <= 0) return count;
      int floats = n / 4;
      if (count + floats > out[0].length) out[0] = Arrays.copyOf(out[0], Math.max(out[0].length * 2, count + floats));
      buffer.rewind();
      for (int i = 0; i < floats; i++) out[0][count++] = buffer.getFloat();
      if (n < bytes.length) return count; // readNBytes fills the buffer until the end
    }
  }
}
