package io.tunecut.core.conversation;

/**
 * How long renders take on this backend, per second of video: a first guess, then what the
 * last render measured. Shared by everyone: one backend, one machine's speed.
 */
final class RenderPace {
  /** Before anything is measured: a 1080p re-encode on a small machine takes about 0.3 s per second of video. */
  static final double FIRST_GUESS = 0.3;

  private volatile double secondsPerVideoSecond = FIRST_GUESS;
  private volatile boolean measuredHere;

  /** How long rendering {@code videoSeconds} of video should take, in seconds. */
  long forecast(double videoSeconds) {
    return Math.max(1, Math.round(videoSeconds * secondsPerVideoSecond));
  }

  /** A render of {@code videoSeconds} was {@code share} done after {@code seconds}. */
  void measured(double videoSeconds, double share, double seconds) {
    // Early progress says little: a render may start with a short loudness pass.
    if (videoSeconds <= 0 || share < 0.3 || seconds <= 0) return;
    secondsPerVideoSecond = seconds / share / videoSeconds;
    measuredHere = true;
  }

  /** Whether the forecast comes from a render measured here rather than the first guess. */
  boolean measured() {
    return measuredHere;
  }
}
