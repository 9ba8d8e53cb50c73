package io.tunecut.studio.analysis;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the configured ffmpeg and ffprobe as decoders only: what a file holds and how long it
 * is, and its sound as raw samples streamed to a consumer.
 */
final class Decoder {
  private final Ffmpeg ffmpeg;
  private final TimeLimit limit;

  /** Consumes decoded samples; {@code samples} is reused after the call returns. */
  @FunctionalInterface
  interface SampleSink {
    void accept(float[] samples, int count);
  }

  /**
   * What the container says.
   *
   * @param start seconds of the earliest timestamp (ffmpeg's {@code -ss} counts from it)
   * @param seconds the length, {@link Double#NaN} when the container does not say
   */
  record Media(double start, double seconds, boolean hasVideo, boolean hasAudio) {}

  Decoder(Ffmpeg ffmpeg, TimeLimit limit) {
    this.ffmpeg = ffmpeg;
    this.limit = limit;
  }

  TimeLimit limit() {
    return limit;
  }

  /** Reads only the headers, so the floor of the time limit is enough. */
  Media media(Path file) {
    List<String> lines = new ArrayList<>();
    probe(file, List.of("-v", "error",
        "-show_entries", "format=start_time,duration:stream=codec_type", "-of", "default=nw=1",
        file.toString()), limit.floor(), out -> lines.addAll(lines(out)));
    double start = 0;
    double seconds = Double.NaN;
    boolean video = false;
    boolean audio = false;
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).trim();
      String value = line.substring(eq + 1).trim();
      switch (key) {
        case "start_time" -> start = orElse(value, 0);
        case "duration" -> seconds = orElse(value, Double.NaN);
        case "codec_type" -> {
          video |= value.equals("video");
          audio |= value.equals("audio");
        }
        default -> { }
      }
    }
    return new Media(start, seconds, video, audio);
  }

  /**
   * Streams the sound of {@code file} as mono float samples at {@code sampleRate}, at most its
   * first {@code maxSeconds}. Returns how many samples there were: 0 for a file without sound.
   */
  long monoPcm(Path file, int sampleRate, double maxSeconds, SampleSink sink) {
    Media media = media(file);
    if (!media.hasAudio()) {
      return 0;
    }
    List<String> command = new ArrayList<>(List.of("-nostdin", "-v", "error",
        "-i", file.toString(), "-vn", "-sn", "-dn"));
    if (Double.isFinite(maxSeconds)) {
      command.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", maxSeconds)));
    }
    command.addAll(List.of("-f", "f32le", "-ac", "1", "-ar", Integer.toString(sampleRate),
        "pipe:1"));
    long[] total = {0};
    decode(file, command, limit.forMedia(Math.min(orLongest(media.seconds()), maxSeconds)),
        out -> total[0] = readFloats(out, sink), null);
    return total[0];
  }

  /**
   * Runs ffmpeg ({@code args} without the program) over {@code file}, its output streamed to
   * {@code reader}; every failure becomes an {@link AnalysisException} that names the file.
   *
   * @param errorLines each line ffmpeg writes on stderr, or null
   */
  void decode(Path file, List<String> args, Duration limit, Ffmpeg.OutputReader reader,
      Consumer<String> errorLines) {
    run("ffmpeg", file, limit, () -> ffmpeg.streamFfmpeg(args, limit, reader, errorLines));
  }

  /** As {@link #decode}, for ffprobe. */
  void probe(Path file, List<String> args, Duration limit, Ffmpeg.OutputReader reader) {
    run("ffprobe", file, limit, () -> ffmpeg.streamFfprobe(args, limit, reader));
  }

  private interface Run {
    void run() throws IOException, InterruptedException;
  }

  private static void run(String tool, Path file, Duration limit, Run run) {
    if (!Files.isReadable(file)) {
      throw new AnalysisException("cannot read " + file.getFileName());
    }
    try {
      run.run();
    } catch (FfmpegException e) {
      if (e.exitCode() == -1) {
        throw new AnalysisException(tool + " took longer than " + limit.toSeconds() + " s to read "
            + file.getFileName() + " and was stopped", e);
      }
      String why = e.lastLine().isEmpty() ? "exit code " + e.exitCode() : e.lastLine();
      throw new AnalysisException(tool + " could not read " + file.getFileName() + ": " + why, e);
    } catch (IOException e) {
      throw new AnalysisException(tool + " could not read " + file.getFileName() + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnalysisException("analysis of " + file.getFileName() + " was interrupted", e);
    }
  }

  private static long readFloats(InputStream in, SampleSink sink) throws IOException {
    byte[] bytes = new byte[1 << 16];
    float[] samples = new float[bytes.length / 4];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long total = 0;
    int filled = 0;
    int n;
    while ((n = in.read(bytes, filled, bytes.length - filled)) >= 0) {
      filled += n;
      int whole = filled / 4;
      if (whole == 0) {
        continue;
      }
      buffer.clear();
      buffer.asFloatBuffer().get(samples, 0, whole);
      sink.accept(samples, whole);
      total += whole;
      int rest = filled - whole * 4;
      System.arraycopy(bytes, whole * 4, bytes, 0, rest);
      filled = rest;
    }
    return total;
  }

  static List<String> lines(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
  }

  static double orLongest(double seconds) {
    return Double.isFinite(seconds) ? seconds : TimeLimit.LONGEST_MEDIA_SECONDS;
  }

  private static double orElse(String value, double fallback) {
    try {
      double v = Double.parseDouble(value);
      return Double.isFinite(v) ? v : fallback;
    } catch (NumberFormatException e) {
      return fallback; // "N/A"
    }
  }
}
