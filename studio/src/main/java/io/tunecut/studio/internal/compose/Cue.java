package io.tunecut.studio.internal.compose;

/**
 * A cut the music lands on.
 *
 * @param seconds where on the timeline
 * @param strength 1 for a change of clip, less for a cut inside a clip; strong cuts get a
 *     crash, a fill before them and a new section
 */
record Cue(double seconds, double strength) {
  static final double STRONG = 0.75;

  public boolean isStrong() {
    return strength >= STRONG;
  }
}
