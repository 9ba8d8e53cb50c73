package io.tunecut.studio.internal.analysis;

/** A file could not be analysed: unreadable, not media, or ffmpeg failed on it. */
public final class AnalysisException extends RuntimeException {
  public AnalysisException(String message) {
    super(message);
  }

  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }
}
