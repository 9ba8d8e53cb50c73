package io.tunecut.discord;

import io.tunecut.core.chat.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files people send. Discord's attachment URLs are signed and expire, so each download starts
 * as soon as the core takes the message ({@link Attachment.Source#prefetch()}, never for people
 * the bot does not serve) and streams to disk; the core's {@link Attachment.Source#open()} then
 * reads the finished file, waiting for it if it is still coming.
 */
final class IncomingFiles implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IncomingFiles.class);
  private static final long WAIT_MINUTES = 30;

  private final OkHttpClient http;
  private final ExecutorService executor;
  private final Path dir;
  private final long maxBytes;

  IncomingFiles(OkHttpClient http, ExecutorService executor, Path dir, long maxBytes) {
    this.http = http;
    this.executor = executor;
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** A download of {@code url}, begun when the core takes the message or first reads the file. */
  Download prepare(String url, String name, long size, String contentType) {
    CompletableFuture<Path> file = new CompletableFuture<>();
    AtomicBoolean begun = new AtomicBoolean();
    Runnable begin = () -> {
      if (!begun.compareAndSet(false, true) || file.isDone()) return;
      if (size > maxBytes) {
        file.completeExceptionally(new IOException(
            name + " is " + megabytes(size) + "; files up to " + megabytes(maxBytes) + " are accepted"));
        return;
      }
      try {
        CompletableFuture.supplyAsync(() -> download(url, name), executor).whenComplete((path, failure) -> {
          boolean kept = failure == null ? file.complete(path) : file.completeExceptionally(failure);
          if (!kept) deleteQuietly(path); // discarded while it came
        });
      } catch (RejectedExecutionException e) {
        file.completeExceptionally(new IOException(name + " could not be downloaded: the bot is stopping"));
      }
    };
    Attachment.Source source = new Attachment.Source() {
      @Override
      public InputStream open() throws IOException {
        begin.run();
        return IncomingFiles.open(file, name);
      }

      @Override
      public void prefetch() {
        begin.run();
      }
    };
    return new Download(new Attachment(name, size, contentType, source), file);
  }

  /** One file on its way to disk. */
  record Download(Attachment attachment, CompletableFuture<Path> file) {
    /** Stops the download if still running (or never begins it) and deletes the file. */
    void discard() {
      file.cancel(true);
      file.thenAccept(IncomingFiles::deleteQuietly);
    }
  }

  static void discardAll(List<Download> downloads) {
    downloads.forEach(Download::discard);
  }

  private Path download(String url, String name) {
    Path target = null;
    Call call = http.newCall(new Request.Builder().url(url).build());
    try (Response response = call.execute()) {
      if (!response.isSuccessful()) {
        throw new IOException(name + " could not be downloaded from Discord (HTTP " + response.code() + ")");
      }
      ResponseBody body = response.body();
      target = Files.createTempFile(dir, "in-", suffix(name));
      long copied = 0;
      try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(target)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) != -1; ) {
          copied += n;
          if (copied > maxBytes) {
            throw new IOException(name + " is larger than " + megabytes(maxBytes) + "; files up to that size are accepted");
          }
          if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("download of " + name + " cancelled");
          out.write(buffer, 0, n);
        }
      }
      return target;
    } catch (IOException e) {
      deleteQuietly(target);
      log.info("Download of an attachment failed: {}", e.getMessage());
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static InputStream open(CompletableFuture<Path> file, String name) throws IOException {
    try {
      return Files.newInputStream(file.get(WAIT_MINUTES, TimeUnit.MINUTES));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + name);
    } catch (TimeoutException e) {
      throw new IOException(name + " did not finish downloading in " + WAIT_MINUTES + " minutes");
    } catch (CancellationException e) {
      throw new IOException(name + " is no longer available");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.io.UncheckedIOException u) throw u.getCause();
      if (cause instanceof IOException io) throw io;
      throw new IOException(name + " could not be downloaded", cause);
    }
  }

  private static String suffix(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot);
    return ext.matches("\\.[A-Za-z0-9]{1,8}") ? ext : ".bin";
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) return;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("Could not delete a downloaded file", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
