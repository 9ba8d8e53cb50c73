package io.tunecut.studio.sync;

/** Placing cuts on frames: a cut on the frame at or just before a beat reads as on the beat. */
final class BeatGrid {
  private BeatGrid() {}

  /** The start of the frame containing {@code t} (so up to one frame early), in seconds. */
  static double frameAtOrBefore(double t, double fps) {
    long frame = (long) Math.floor(t * fps + 1e-6);
    return frame / fps;
  }

  static long frameIndex(double t, double fps) {
    return (long) Math.floor(t * fps + 1e-6);
  }
}
