package io.tunecut.studio.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Runs ffmpeg as a decoder only: raw samples or tiny frames on stdout, read here. */
final class Decoder {
  private Decoder() {}

  /** Mono float PCM at {@code sampleRate}, the whole file. */
  static float[] monoPcm(Path file, int sampleRate) {
    List<String> command = List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(),
        "-vn", "-f", "f32le", "-ac", "1", "-ar", Integer.toString(sampleRate), "pipe:1");
    byte[] bytes = run(file, command, null);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] samples = new float[bytes.length / 4];
    buffer.asFloatBuffer().get(samples);
    if (samples.length == 0) {
      throw new AnalysisException(file.getFileName() + " has no sound to analyse");
    }
    return samples;
  }

  /**
   * Runs ffmpeg and returns stdout; each stderr line goes to {@code stderrLines} (when given),
   * and the last lines become the failure message.
   */
  static byte[] run(Path file, List<String> command, Consumer<String> stderrLines) {
    if (!Files.isReadable(file)) {
      throw new AnalysisException("cannot read " + file.getFileName());
    }
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new AnalysisException("cannot start ffmpeg: " + e.getMessage(), e);
    }
    List<String> tail = new ArrayList<>();
    CompletableFuture<Void> errors = CompletableFuture.runAsync(() -> {
      try (var reader = process.errorReader(StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (stderrLines != null) {
            stderrLines.accept(line);
          }
          synchronized (tail) {
            tail.add(line);
            if (tail.size() > 5) {
              tail.remove(0);
            }
          }
        }
      } catch (IOException ignored) {
        // the process ended; its exit code tells the rest
      }
    });
    try (InputStream in = process.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      in.transferTo(out);
      int code = process.waitFor();
      errors.join();
      if (code != 0) {
        String why;
        synchronized (tail) {
          why = tail.isEmpty() ? "exit code " + code : String.join(" / ", tail);
        }
        throw new AnalysisException("ffmpeg could not decode " + file.getFileName() + ": " + why);
      }
      return out.toByteArray();
    } catch (IOException e) {
      process.destroyForcibly();
      throw new AnalysisException("reading ffmpeg output failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AnalysisException("analysis interrupted", e);
    }
  }
}
