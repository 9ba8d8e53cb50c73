package io.tunecut.studio.internal.analysis;

/** A stretch of time in seconds, {@code start < end}. */
public record TimeRange(double start, double end) {
  public TimeRange {
    if (!(end >= start)) {
      throw new IllegalArgumentException("range ends before it starts: " + start + ".." + end);
    }
  }

  public double length() {
    return end - start;
  }
}
