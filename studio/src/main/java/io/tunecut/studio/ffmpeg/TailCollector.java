package io.tunecut.studio.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains a stream and keeps only its last bytes, so a chatty ffmpeg cannot fill memory. */
final class TailCollector implements Runnable {
  private final InputStream in;
  private final int keep;
  private final byte[] ring;
  private long total;

  TailCollector(InputStream in, int keep) {
    this.in = in;
    this.keep = keep;
    this.ring = new byte[keep];
  }

  @Override
  public void run() {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (this) {
          for (int i = 0; i < n; i++) {
            ring[(int) (total++ % keep)] = buf[i];
          }
        }
      }
    } catch (IOException ignored) {
      // the process went away
    }
  }

  synchronized String text() {
    if (total <= keep) return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
    int start = (int) (total % keep);
    byte[] ordered = new byte[keep];
    System.arraycopy(ring, start, ordered, 0, keep - start);
    System.arraycopy(ring, 0, ordered, keep - start, start);
    return new String(ordered, StandardCharsets.UTF_8);
  }
}
