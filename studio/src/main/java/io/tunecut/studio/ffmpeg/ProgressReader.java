package io.tunecut.studio.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.DoubleConsumer;

/**
 * Reads {@code -progress pipe:1} blocks ({@code out_time_us=…} … {@code progress=continue|end})
 * and reports the fraction of the planned duration written so far.
 */
final class ProgressReader implements Runnable {
  private final InputStream in;
  private final double plannedSeconds;
  private final DoubleConsumer progress;
  private double last = 0;

  ProgressReader(InputStream in, double plannedSeconds, DoubleConsumer progress) {
    this.in = in;
    this.plannedSeconds = plannedSeconds;
    this.progress = progress;
  }

  @Override
  public void run() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      double outSeconds = 0;
      while ((line = r.readLine()) != null) {
        int eq = line.indexOf('=');
        if (eq < 0) continue;
        String key = line.substring(0, eq);
        String value = line.substring(eq + 1).strip();
        if (key.equals("out_time_us") || key.equals("out_time_ms")) {
          // both are microseconds in ffmpeg 5 (out_time_ms is misnamed); "N/A" before the first frame
          try {
            outSeconds = Long.parseLong(value) / 1_000_000.0;
          } catch (NumberFormatException ignored) {
            // N/A
          }
        } else if (key.equals("progress")) {
          report(value.equals("end") ? 1.0 : fraction(outSeconds));
        }
      }
    } catch (IOException ignored) {
      // the process went away
    }
  }

  private double fraction(double outSeconds) {
    if (plannedSeconds <= 0) return 0;
    return Math.max(0, Math.min(0.999, outSeconds / plannedSeconds));
  }

  private void report(double f) {
    if (f > last) {
      last = f;
      progress.accept(f);
    }
  }
}
