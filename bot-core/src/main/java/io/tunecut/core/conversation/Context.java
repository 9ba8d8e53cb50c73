package io.tunecut.core.conversation;

import io.tunecut.core.fleet.RenderWatches;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.user.UserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every part of the conversation shares: the backend, the directory, where files wait,
 * the threads and the timings.
 *
 * @param workDir where downloads wait for upload or delivery
 * @param maxFileBytes largest file accepted from a person
 * @param portPool platform calls
 * @param backendPool blocking backend calls
 * @param watches which instance watches each render, when instances share a store; null when alone
 */
record Context(
    NemoClient nemo,
    UserDirectory directory,
    Path workDir,
    long maxFileBytes,
    Clock clock,
    ScheduledExecutorService scheduler,
    ExecutorService portPool,
    ExecutorService backendPool,
    Timing timing,
    RenderWatches watches) {
  private static final Logger log = LoggerFactory.getLogger(Context.class);

  interface Step {
    void run() throws IOException;
  }

  /** Runs {@code step} on the backend pool; an IOException fails the future. */
  CompletableFuture<Void> call(Step step) {
    return CompletableFuture.runAsync(() -> {
      try {
        step.run();
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, backendPool);
  }

  /** Runs {@code r} on the backend pool; a failure is logged, never passed on. */
  CompletableFuture<Void> background(Runnable r) {
    return CompletableFuture.runAsync(() -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.error("unexpected failure", e);
      }
    }, backendPool);
  }

  /** Deletes a file of the work directory, and the folder an incoming file had to itself. */
  void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      Path dir = file.getParent();
      if (dir != null && !dir.equals(workDir) && dir.getFileName().toString().startsWith("in-")) Files.deleteIfExists(dir);
    } catch (IOException e) {
      log.warn("temporary file not deleted: {}", e.toString());
    }
  }
}
