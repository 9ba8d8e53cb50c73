package io.tunecut.core.conversation;

/**
 * One render's progress as polled, with the time of each report: its speed so far gives the
 * time left. Thread-safe.
 *
 * <p>The time left is only told once it means something: after the render moved
 * {@link #LEAST_MOVED} points (its speed measured from its last report before it moved, so a
 * wait in the queue does not count as slowness), or from a forecast measured on this backend.
 * A forecast counts less as the render's own speed is measured. The figure shown follows new
 * estimates over a few seconds while counting down, so one poll's noise does not make it jump.
 */
final class RenderProgress {
  /** Points of progress the render must move before its own speed is trusted. */
  static final int LEAST_MOVED = 5;
  /** From this share done on, the render's own speed alone tells the time left. */
  private static final double FORECAST_COUNTS_UNTIL = 0.25;
  /** How many seconds the figure shown takes to follow a new estimate about two thirds of the way. */
  private static final double FOLLOW_SECONDS = 3;

  private final long startedNanos;
  private long firstNanos;
  private int firstProgress = -1;
  private long lastNanos;
  private int lastProgress;
  /** The status text this render last set, to tell whether something else took the line since. */
  private String shown;
  /** The time left last told (negative before), and when. */
  private double toldLeft = -1;
  private long toldNanos;

  RenderProgress(long startedNanos) {
    this.startedNanos = startedNanos;
  }

  synchronized void report(int progress, long nanos, String activity) {
    progress = Math.max(0, Math.min(100, progress));
    // Until it moves (and after it went back, a retry), the render's speed is measured from here.
    if (firstProgress < 0 || progress <= firstProgress || progress < lastProgress) {
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
   * The seconds left to tell at {@code now}, or -1 while they cannot be told honestly.
   *
   * @param forecast how long the whole render should take, measured on this backend; 0 when unknown
   */
  synchronized long secondsLeft(long now, long forecast) {
    double estimate = estimate(now, forecast);
    if (estimate < 0) return -1;
    if (toldLeft >= 0) {
      double since = (now - toldNanos) / 1e9;
      double counted = toldLeft - since;
      estimate = counted + (estimate - counted) * (1 - Math.exp(-since / FOLLOW_SECONDS));
    }
    toldLeft = estimate;
    toldNanos = now;
    return Math.max(1, Math.round(estimate));
  }

  /** The seconds left from what is known now, unsmoothed; negative when nothing honest can be said. */
  private double estimate(long now, long forecast) {
    int moved = lastProgress - firstProgress;
    double measured = -1;
    if (moved >= LEAST_MOVED && lastNanos > firstNanos) {
      double perSecond = moved / ((lastNanos - firstNanos) / 1e9);
      measured = Math.max(0, (100 - lastProgress) / perSecond - (now - lastNanos) / 1e9);
    }
    double fromForecast = forecast - (now - startedNanos) / 1e9;
    // A render that outran its forecast refuted it.
    if (forecast <= 0 || fromForecast <= 0) return measured;
    if (measured < 0) return fromForecast;
    double own = Math.min(1, lastProgress / 100.0 / FORECAST_COUNTS_UNTIL);
    return own * measured + (1 - own) * fromForecast;
  }
}
