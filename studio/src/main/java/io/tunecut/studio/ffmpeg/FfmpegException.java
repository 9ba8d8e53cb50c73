package io.tunecut.studio.ffmpeg;

import java.io.IOException;

/** ffmpeg or ffprobe ran and failed; {@link #stderrTail()} holds its last words. */
public final class FfmpegException extends IOException {
  private final int exitCode;
  private final String stderrTail;

  public FfmpegException(String message, int exitCode, String stderrTail) {
    super(message);
    this.exitCode = exitCode;
    this.stderrTail = stderrTail == null ? "" : stderrTail;
  }

  /** The exit code, or -1 when the process was stopped (timeout). */
  public int exitCode() {
    return exitCode;
  }

  public String stderrTail() {
    return stderrTail;
  }

  /** The last non-empty line ffmpeg wrote: usually the reason ("Invalid data found…"). */
  public String lastLine() {
    String[] lines = stderrTail.strip().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }
}
