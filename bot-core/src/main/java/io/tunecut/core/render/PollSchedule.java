package io.tunecut.core.render;

import java.time.Duration;

/**
 * How often a render is polled: {@code first}, then each gap {@code growth} times the last,
 * never more than {@code max}. The cloud documents 30 s; polling fast early shows progress and
 * catches short renders as they end (0.5 s, then 0.65 s, 0.85 s… reaching 15 s after 14 polls).
 */
public record PollSchedule(Duration first, Duration max, double growth) {
  public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofMillis(500), Duration.ofSeconds(15), 1.3);

  public PollSchedule {
    if (first.isNegative() || max.compareTo(first) < 0 || growth < 1) throw new IllegalArgumentException("bad poll schedule");
  }

  /** The same gap every time: for tests. */
  public static PollSchedule every(Duration gap) {
    return new PollSchedule(gap, gap, 1);
  }

  /** The wait before poll number {@code poll} (0-based). */
  public Duration delay(int poll) {
    double ms = first.toMillis() * Math.pow(growth, Math.min(poll, 60));
    return Duration.ofMillis((long) Math.min(ms, max.toMillis()));
  }
}
