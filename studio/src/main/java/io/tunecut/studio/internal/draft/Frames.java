package io.tunecut.studio.internal.draft;

/** Placing cuts on frames: a cut on the frame at or just before a beat reads as on the beat. */
public final class Frames {
  private static final double JITTER = 0.005;

  private Frames() {}

  /**
   * The start of the frame containing {@code t} (so up to one frame early), in seconds. A beat
   * a few milliseconds before a frame starts belongs to that frame: beat times jitter by that
   * much, and a whole frame early is far more than a few milliseconds late.
   */
  public static double frameAtOrBefore(double t, double fps) {
    long frame = (long) Math.floor((t + JITTER) * fps + 1e-6);
    return frame / fps;
  }

  /** The frame containing {@code t} seconds: where a montage's cut on a beat goes. */
  public static long frameIndex(double t, double fps) {
    return (long) Math.floor(t * fps + 1e-6);
  }
}
