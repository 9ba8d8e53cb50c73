package io.tunecut.studio.internal.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A track being written as Apple Lossless in MP4 by ffmpeg, started before its sound is ready:
 * ffmpeg loads while the music is played, then reads the samples through a pipe as they are
 * converted, with no WAV file between, the first passages' while the last are still played.
 * Closed unfinished (the playing failed or was stopped), ffmpeg is stopped and the file deleted.
 */
final class Encoding implements AutoCloseable {
  private final String program;
  private final int sampleRate;
  private final Path out;
  private final Duration timeout;
  private Process ffmpeg;
  private OutputStream in;
  private CompletableFuture<String> errors;
  /** Frames of the recording written so far. */
  private int written;
  private boolean finished;

  private Encoding(String program, int sampleRate, Path out, Duration timeout) {
    this.program = program;
    this.sampleRate = sampleRate;
    this.out = out;
    this.timeout = timeout;
  }

  /** Starts ffmpeg writing {@code out} from 16-bit stereo PCM at {@code sampleRate}. */
  static Encoding start(String program, int sampleRate, Path out, Duration timeout) throws IOException {
    Encoding encoding = new Encoding(program, sampleRate, out, timeout);
    encoding.launch();
    return encoding;
  }

  private void launch() throws IOException {
    ffmpeg = new ProcessBuilder(List.of(program, "-hide_banner", "-v", "error", "-y",
        "-f", "s16le", "-ar", String.valueOf(sampleRate), "-ac", "2", "-i", "pipe:0",
        "-c:a", "alac", "-movflags", "+faststart", out.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    in = ffmpeg.getOutputStream();
    Process process = ffmpeg;
    // read beside the samples written: a pipe left full would stop ffmpeg
    errors = CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()), Encoding::daemon);
    written = 0;
  }

  /** Writes the recording's frames up to {@code frames}, which are final (played, faded and limited as they will stay). */
  void write(Recording sound, int frames) throws IOException {
    if (frames <= written) return;
    try {
      sound.writePcm(in, written, frames);
    } catch (IOException e) {
      throw new IOException("ffmpeg stopped reading the music: " + errors(), e);
    }
    written = frames;
  }

  /**
   * Writes the rest of the sound and waits for ffmpeg to finish the file. When the recording
   * was lowered after some of it was written, the file is written anew.
   */
  void finish(Recording sound) throws IOException {
    if (written > 0 && sound.lowered()) {
      stop();
      launch();
    }
    write(sound, sound.frames());
    try {
      in.close();
    } catch (IOException e) {
      throw new IOException("ffmpeg stopped reading the music: " + errors(), e);
    }
    try {
      if (!ffmpeg.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("ffmpeg took longer than " + timeout.toSeconds() + " s to write the music and was stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while encoding the music");
    }
    if (ffmpeg.exitValue() != 0) throw new IOException("ffmpeg could not write the music: " + errors());
    finished = true;
  }

  @Override
  public void close() throws IOException {
    if (finished) return;
    stop();
    Files.deleteIfExists(out);
  }

  private void stop() {
    ffmpeg.destroyForcibly();
    try {
      ffmpeg.waitFor(5, TimeUnit.SECONDS); // gone before its file is deleted or written anew
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String errors() {
    try {
      return errors.get(5, TimeUnit.SECONDS).strip();
    } catch (Exception e) {
      return "(its messages were not read)";
    }
  }

  private static String tail(InputStream stderr) {
    try (stderr) {
      String all = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
      return all.length() <= 2000 ? all : all.substring(all.length() - 2000);
    } catch (IOException e) {
      return "";
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "tunecut-encoding-errors");
    t.setDaemon(true);
    t.start();
  }
}
