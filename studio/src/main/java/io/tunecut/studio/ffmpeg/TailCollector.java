package io.tunecut.studio.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Drains a stream and keeps only its last bytes, so a chatty ffmpeg cannot fill memory; can
 * also hand each line to a listener as it comes.
 */
final class TailCollector implements Runnable {
  private final InputStream in;
  private final int keep;
  private final byte[] ring;
  private final Consumer<String> lines;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private long total;

  TailCollector(InputStream in, int keep) {
    this(in, keep, null);
  }

  /** @param lines each line without its end, or null */
  TailCollector(InputStream in, int keep, Consumer<String> lines) {
    this.in = in;
    this.keep = keep;
    this.ring = new byte[keep];
    this.lines = lines;
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
        if (lines != null) {
          split(buf, n);
        }
      }
    } catch (IOException ignored) {
      // the process went away
    }
    if (lines != null && line.size() > 0) {
      lines.accept(line.toString(StandardCharsets.UTF_8));
    }
  }

  private void split(byte[] buf, int n) {
    for (int i = 0; i < n; i++) {
      if (buf[i] == '\n' || buf[i] == '\r') {
        if (line.size() > 0) {
          lines.accept(line.toString(StandardCharsets.UTF_8));
          line.reset();
        }
      } else {
        line.write(buf[i]);
      }
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
