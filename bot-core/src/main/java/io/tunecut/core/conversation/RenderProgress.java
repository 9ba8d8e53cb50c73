package io.tunecut.core.conversation;

/**
 * One render's progress as polled, with the time of each report: its speed so far gives the
 * time left. Thread-safe.
 */
final class RenderProgress {
  private final long startedNanos;
  private long firstNanos;
  private int firstProgress = -1;
  private long lastNanos;
  private int lastProgress;
  /** The status text this render last set, to tell whether something else took the line since. */
  private String shown;

  RenderProgress(long startedNanos) {
    this.startedNanos = startedNanos;
  }

  synchronized void report(int progress, long nanos, String activity) {
    progress = Math.max(0, Math.min(100, progress));
    if (firstProgress < 0 || progress < lastProgress) {
      firstProgress = progress;
      firstNanos = nanos;
    }
    lastProgress = progress;
    lastNanos = nanos;
    shown = activity;
  }

  synchronized int progress() {
    return lastProgress;
  }

  synchronized boolean showing(String activity) {
    return activity != null && activity == shown;
  }

  /** Seconds from the start to the last report. */
  synchronized double secondsToLastReport() {
    return (lastNanos - startedNanos) / 1e9;
  }

  /**
   * Seconds left at {@code now}: from the speed measured between the first and the last report
   * once progress moved; before that, what is left of {@code forecast} (negative when unknown).
   */
  synchronized long secondsLeft(long now, long forecast) {
    double speed = lastNanos > firstNanos ? (lastProgress - firstProgress) / ((lastNanos - firstNanos) / 1e9) : 0;
    if (speed > 0 && lastProgress > firstProgress) {
      double left = (100 - lastProgress) / speed - (now - lastNanos) / 1e9;
      return Math.max(1, Math.round(left));
    }
    if (forecast <= 0) return -1;
    return Math.max(1, Math.round(forecast - (now - startedNanos) / 1e9));
  }
}
