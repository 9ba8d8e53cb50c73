package io.tunecut.studio.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * One ffmpeg invocation.
 *
 * @param args ffmpeg's arguments, without the program and without the progress options
 *     (the runner adds {@code -hide_banner -nostdin -y -progress pipe:1 -nostats})
 * @param plannedSeconds the output's planned duration: progress is {@code out_time / planned}
 * @param progress fractions 0..1, never decreasing
 * @param output deleted when the run fails, times out or is interrupted; may be null
 */
public record FfmpegRun(
    List<String> args, double plannedSeconds, DoubleConsumer progress, Duration timeout, Path output) {
  public FfmpegRun {
    args = List.copyOf(args);
    Objects.requireNonNull(timeout, "timeout");
    if (progress == null) progress = f -> {};
  }

  public static FfmpegRun of(List<String> args, Duration timeout) {
    return new FfmpegRun(args, 0, null, timeout, null);
  }

  public FfmpegRun withProgress(double plannedSeconds, DoubleConsumer progress) {
    return new FfmpegRun(args, plannedSeconds, progress, timeout, output);
  }

  public FfmpegRun deletingOnFailure(Path output) {
    return new FfmpegRun(args, plannedSeconds, progress, timeout, output);
  }
}
