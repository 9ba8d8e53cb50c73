package io.tunecut.studio.internal.compose;

import java.util.List;

/**
 * When every beat falls, and how they group into bars. Each cut the music hits starts a bar;
 * the last bar is the ending, its downbeat the final chord.
 *
 * @param beats beat times in seconds, ascending, past the end of the music
 * @param bars in time order; together they cover every beat up to the final chord's
 * @param missed cuts no tempo in the style's range could reach (too close to another cut)
 */
record TempoMap(List<Double> beats, List<Bar> bars, List<Cue> missed) {
  public TempoMap {
    beats = List.copyOf(beats);
    bars = List.copyOf(bars);
    missed = List.copyOf(missed);
  }

  /**
   * A bar.
   *
   * @param firstBeat the index of its downbeat in {@link #beats()}
   * @param beats how many beats it has: 4, or 2, 3 where a cut comes early
   * @param cue the cut on its downbeat, or null
   */
  public record Bar(int firstBeat, int beats, Cue cue) {}

  /** Seconds at a beat position (3.5 = halfway between the fourth and fifth beat). */
  public double seconds(double beat) {
    int i = (int) Math.floor(beat);
    if (i < 0) return beats.get(0) + beat * (beats.get(1) - beats.get(0));
    if (i >= beats.size() - 1) {
      int last = beats.size() - 1;
      return beats.get(last) + (beat - last) * (beats.get(last) - beats.get(last - 1));
    }
    return beats.get(i) + (beat - i) * (beats.get(i + 1) - beats.get(i));
  }

  /** The tempo in beats per minute from beat {@code i} to the next. */
  public double bpm(int i) {
    return 60 / (seconds(i + 1.0) - seconds(i));
  }

  public Bar finalBar() {
    return bars.get(bars.size() - 1);
  }

  /** The downbeat of {@code bar} in seconds. */
  public double downbeat(Bar bar) {
    return beats.get(bar.firstBeat());
  }
}
