package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs the configured ffmpeg and ffprobe as decoders only: a file's sound as raw samples
 * streamed to a consumer, and the runs that read its pictures.
 */
final class Decoder {
  /** Under this (8 kbit/s) hardly any sound is worth hearing; it bounds a file's length. */
  private static final long FEWEST_SOUND_BYTES_PER_SECOND = 1_000;

  private final Ffmpeg ffmpeg;
  private final TimeLimit limit;

  /** Consumes decoded samples; {@code samples} is reused after the call returns. */
  @FunctionalInterface
  interface SampleSink {
    void accept(float[] samples, int count);
  }

  Decoder(Ffmpeg ffmpeg, TimeLimit limit) {
    this.ffmpeg = ffmpeg;
    this.limit = limit;
  }

  TimeLimit limit() {
    return limit;
  }

  /**
   * Streams the sound of {@code file} as mono float samples at {@code sampleRate}, at most its
   * first {@code maxSeconds}. Returns how many samples there were: 0 for a file without sound.
   * No ffprobe runs first (on a busy machine starting a program costs as much as decoding a
   * short track): ffmpeg's own header lines say whether the file has sound.
   */
  long monoPcm(Path file, int sampleRate, double maxSeconds, SampleSink sink) {
    List<String> command = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats",
        "-v", "info", "-i", file.toString(), "-vn", "-sn", "-dn"));
    if (Double.isFinite(maxSeconds)) {
      command.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", maxSeconds)));
    }
    command.addAll(List.of("-f", "f32le", "-ac", "1", "-ar", Integer.toString(sampleRate),
        "pipe:1"));
    // the length is not known before the pass; the size bounds it
    double longest = Math.min(size(file) / (double) FEWEST_SOUND_BYTES_PER_SECOND, maxSeconds);
    SoundLog log = new SoundLog();
    long[] total = {0};
    try {
      decode(file, command, limit.forMedia(longest), out -> total[0] = readFloats(out, sink), log);
    } catch (AnalysisException e) {
      if (log.noSound()) {
        return 0;
      }
      throw e;
    }
    return total[0];
  }

  /** Whether ffmpeg found a sound stream in the file it read (its header lines on stderr). */
  private static final class SoundLog implements Consumer<String> {
    private static final Pattern AUDIO = Pattern.compile("^\\s*Stream #0:\\d+.*: Audio: ");
    private volatile boolean inputSeen;
    private volatile boolean outputSeen;
    private volatile boolean audio;

    @Override
    public void accept(String line) {
      if (line.startsWith("Output #")) {
        outputSeen = true; // its streams are ours, not the file's
      } else if (line.startsWith("Input #0")) {
        inputSeen = true;
      } else if (!outputSeen && AUDIO.matcher(line).find()) {
        audio = true;
      }
    }

    boolean noSound() {
      return inputSeen && !audio;
    }
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new AnalysisException("cannot read " + file.getFileName(), e);
    }
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
}
