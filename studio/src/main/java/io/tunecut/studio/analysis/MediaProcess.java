package io.tunecut.studio.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One ffmpeg or ffprobe run over a file: its output is handed to a reader as it comes (never
 * held whole), it is killed when it runs past its time limit, and every failure becomes an
 * {@link AnalysisException} that names the file.
 */
final class MediaProcess {
  private static final int TAIL_LINES = 5;
  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

  /** Consumes the program's standard output; returning early discards the rest. */
  @FunctionalInterface
  interface Reader {
    void read(InputStream stdout) throws IOException;
  }

  private MediaProcess() {}

  /**
   * Runs {@code command} (its first element is the program) over {@code file}.
   *
   * @param tool "ffmpeg" or "ffprobe", for messages
   */
  static void run(String tool, Path file, List<String> command, Duration limit, Reader reader) {
    if (!Files.isReadable(file)) {
      throw new AnalysisException("cannot read " + file.getFileName());
    }
    Process process;
    try {
      process = new ProcessBuilder(command).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new AnalysisException("cannot start " + tool + " (" + command.get(0) + "): "
          + e.getMessage(), e);
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
      timedOut.set(true);
      kill(process);
    }, limit.toMillis(), TimeUnit.MILLISECONDS);
    Deque<String> tail = new ArrayDeque<>();
    Thread errors = new Thread(() -> keepTail(process, tail), tool + "-stderr");
    errors.setDaemon(true);
    errors.start();
    try {
      try (InputStream out = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
        reader.read(out);
        out.transferTo(OutputStream.nullOutputStream());
      }
      int code = process.waitFor();
      errors.join(TimeUnit.SECONDS.toMillis(5));
      if (timedOut.get()) {
        throw tooSlow(tool, file, limit);
      }
      if (code != 0) {
        String why;
        synchronized (tail) {
          why = tail.isEmpty() ? "exit code " + code : String.join(" / ", tail);
        }
        throw new AnalysisException(tool + " could not read " + file.getFileName() + ": " + why);
      }
    } catch (IOException e) {
      kill(process);
      if (timedOut.get()) {
        throw tooSlow(tool, file, limit);
      }
      throw new AnalysisException("reading " + tool + " output for " + file.getFileName()
          + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new AnalysisException("analysis of " + file.getFileName() + " was interrupted", e);
    } catch (RuntimeException e) {
      kill(process);
      if (timedOut.get() && !(e instanceof AnalysisException)) {
        throw tooSlow(tool, file, limit);
      }
      throw e;
    } finally {
      watchdog.cancel(false);
    }
  }

  private static AnalysisException tooSlow(String tool, Path file, Duration limit) {
    return new AnalysisException(tool + " took longer than " + limit.toSeconds() + " s to read "
        + file.getFileName() + " and was stopped");
  }

  private static void keepTail(Process process, Deque<String> tail) {
    try (var lines = process.errorReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
          }
        }
      }
    } catch (IOException ignored) {
      // the process ended; its exit code tells the rest
    }
  }

  /** Kills the program and anything it started, which could otherwise hold the pipes open. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "analysis-watchdog");
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
